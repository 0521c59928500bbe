import type { z } from 'zod'
import type { invoiceOps, InvoiceDetail, SessionInvoiceFunder } from '@shared/api/areas/invoices'
import { AppError } from '@shared/api/result'
import { effectiveFunding, SESSION_FUNDERS } from '@shared/domain/aifQuoteFunding'
import { FUNDINGS, type Funding } from '@shared/domain/enrolment'
import { computeInvoiceAmounts, hoursToHundredths, type InvoiceLineInput, type VatMode } from '@shared/domain/invoiceAmounts'
import { oneRow } from '../../db/oneRow'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { invoicedHoursByEnrolment } from '../consistency/invoicedHours'
import { nowIso, type ServiceContext } from '../context'
import { enrolmentLedgers } from '../hours/hoursService'
import { sessionFunders } from '../quotes/fundingService'
import { getInvoice } from './invoiceQueries'

/*
 * Drafts: created from a session for one funder (a line per trainee, or one per action, with the
 * hours done according to the hours ledger as of the invoice date, less what earlier invoices
 * already billed), from an enrolment's validated AIF quote, then edited freely until issued.
 * A draft has no number; totals are recomputed from the lines on every write.
 */

/** Statuses that can be invoiced: the trainee entered the training. */
const BILLABLE = ['entre', 'sorti', 'abandon']
const today = (ctx: ServiceContext) => nowIso(ctx.clock).slice(0, 10)

type Buyer = {
  buyer_name: string
  buyer_siret: string | null
  buyer_siren: string | null
  buyer_address_line1: string | null
  buyer_address_line2: string | null
  buyer_postal_code: string | null
  buyer_city: string | null
  buyer_service_code: string | null
  buyer_engagement: string | null
}

/** The buyer of the last invoice to this funder: Chorus identifiers are typed once. */
function lastBuyer(db: Db, funderCode: string): Buyer | null {
  return (
    db
      .prepare<[string], Buyer>(
        `SELECT buyer_name, buyer_siret, buyer_siren, buyer_address_line1, buyer_address_line2, buyer_postal_code, buyer_city, buyer_service_code, buyer_engagement
         FROM invoice WHERE funder_code = ? ORDER BY id DESC LIMIT 1`
      )
      .get(funderCode) ?? null
  )
}

export function organisationVatMode(db: Db): VatMode {
  const row = db.prepare<[], { vat: number }>('SELECT vat_exempt AS vat FROM organisation WHERE id = 1').get()
  return row && row.vat === 0 ? 'standard' : 'exempt'
}

/** Stores the lines of a draft and its totals (the domain's, never the caller's). */
function writeLines(db: Db, invoiceId: number, lines: readonly InvoiceLineInput[], vatMode: VatMode): void {
  const amounts = computeInvoiceAmounts(lines, vatMode)
  db.prepare('DELETE FROM invoice_line WHERE invoice_id = ?').run(invoiceId)
  const insert = db.prepare(
    `INSERT INTO invoice_line (invoice_id, position, enrolment_id, trainee_name, label, pricing, quantity_hundredths, unit, unit_price_cents, vat_rate_percent, net_cents)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const l of amounts.lines) insert.run(invoiceId, l.position, l.enrolmentId, l.traineeName, l.label, l.pricing, l.quantityHundredths, l.unit, l.unitPriceCents, l.vatRatePercent, l.netCents)
  const t = amounts.totals
  db.prepare('UPDATE invoice SET total_ht_cents = ?, total_vat_cents = ?, total_ttc_cents = ? WHERE id = ?').run(t.taxBasisCents, t.vatCents, t.grandTotalCents, invoiceId)
}

type NewDraft = Buyer & {
  session_id: number | null
  enrolment_id: number | null
  quote_id: number | null
  funder_code: string | null
  contract_reference: string | null
  issue_date: string
  vat_mode: VatMode
}

function insertDraft(ctx: ServiceContext, d: NewDraft, lines: InvoiceLineInput[], operation: string): number {
  const now = nowIso(ctx.clock)
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO invoice (session_id, enrolment_id, quote_id, funder_code, buyer_name, buyer_siret, buyer_siren, buyer_address_line1, buyer_address_line2,
           buyer_postal_code, buyer_city, buyer_service_code, buyer_engagement, contract_reference, issue_date, vat_mode, vat_exemption_reason, created_at, created_by, updated_at)
         VALUES (@session_id, @enrolment_id, @quote_id, @funder_code, @buyer_name, @buyer_siret, @buyer_siren, @buyer_address_line1, @buyer_address_line2,
           @buyer_postal_code, @buyer_city, @buyer_service_code, @buyer_engagement, @contract_reference, @issue_date, @vat_mode, @reason, @now, @by, @now)`
      )
      .run({ ...d, reason: null, now, by: ctx.actor.name }).lastInsertRowid
  )
  writeLines(ctx.db, id, lines, d.vat_mode)
  recordAudit(ctx, { operation, entity: 'invoice', entityId: id, after: { ...d, lines } })
  return id
}

export function sessionInvoiceFunders(db: Db, sessionId: number): SessionInvoiceFunder[] {
  return sessionFunders(db, sessionId).map((f) => ({ code: f.code, label: SESSION_FUNDERS[f.code], teachingCostCents: f.teachingCostCents, costUnit: f.costUnit, reference: f.reference }))
}

type SessionInput = z.output<(typeof invoiceOps)['invoices:createFromSession']['input']>
type EnrolmentRow = { id: number; funding: string | null; lastName: string; firstName: string }

export function createFromSession(ctx: ServiceContext, input: SessionInput): InvoiceDetail {
  const id = ctx.db.transaction(() => {
    const session = ctx.db
      .prepare<[number], { label: string | null; title: string; priceHourly: number | null }>(
        `SELECT s.label, tr.title, a.price_hourly_cents AS priceHourly FROM session s JOIN training tr ON tr.id = s.training_id
         LEFT JOIN training_action a ON a.id = s.action_id WHERE s.id = ?`
      )
      .get(input.sessionId)
    if (!session) throw new AppError('not_found', 'Cette session est introuvable.')
    const funders = sessionFunders(ctx.db, input.sessionId)
    const funder = funders.find((f) => f.code === input.funderCode)
    if (!funder) throw new AppError('invalid_input', 'Ce financeur ne finance pas cette session (session › Financement).', [{ path: 'funderCode', message: 'Financeur inconnu pour cette session.' }])
    const all = ctx.db
      .prepare<[number], EnrolmentRow & { status: string }>(
        `SELECT e.id, e.funding, e.status, t.last_name AS lastName, t.first_name AS firstName FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
         WHERE e.session_id = ? ORDER BY t.last_name COLLATE NOCASE, t.first_name COLLATE NOCASE, e.id`
      )
      .all(input.sessionId)
    const isFunding = (s: string | null): s is Funding => s !== null && s in FUNDINGS
    const paidBy = (e: EnrolmentRow) => {
      const own = isFunding(e.funding) ? e.funding : null
      if (own !== null) return own === funder.code
      return effectiveFunding(null, funders).funding === funder.code || !(funder.code in FUNDINGS)
    }
    let picked = all.filter((e) => BILLABLE.includes(e.status) && paidBy(e))
    if (input.enrolmentIds) {
      const wanted = new Set(input.enrolmentIds)
      picked = all.filter((e) => wanted.has(e.id))
      if (picked.length !== wanted.size) throw new AppError('invalid_input', 'Certaines inscriptions choisies n’appartiennent pas à cette session.')
    }
    if (picked.length === 0) throw new AppError('refused', `Aucun stagiaire entré en formation n’est financé par ${SESSION_FUNDERS[funder.code]} dans cette session.`)

    const ids = picked.map((e) => e.id)
    const done = new Map(enrolmentLedgers(ctx.db, ids, input.issueDate).map((l) => [l.enrolmentId, hoursToHundredths(l.summary.realisedHours)]))
    const invoiced = invoicedHoursByEnrolment(ctx.db, ids)
    const title = session.label ? `${session.title} — ${session.label}` : session.title
    const lines: InvoiceLineInput[] = []
    if (funder.costUnit === 'place') {
      if (funder.teachingCostCents === null) throw new AppError('refused', 'Renseignez le coût par place de ce financeur (session › Financement).')
      for (const e of picked) {
        if ((invoiced.get(e.id) ?? 0) > 0) continue
        const name = `${e.firstName} ${e.lastName.toLocaleUpperCase('fr-FR')}`
        lines.push({ label: `${title} — ${name} (forfait par place)`, traineeName: name, enrolmentId: e.id, pricing: 'flat', quantityHundredths: 100, unitPriceCents: funder.teachingCostCents })
      }
    } else {
      const price = funder.teachingCostCents ?? session.priceHourly
      if (price === null) throw new AppError('refused', 'Renseignez le coût horaire de ce financeur (session › Financement) : il fixe le prix des heures facturées.')
      for (const e of picked) {
        const hours = (done.get(e.id) ?? 0) - hoursToHundredths(invoiced.get(e.id) ?? 0)
        if (hours <= 0) continue
        const name = `${e.firstName} ${e.lastName.toLocaleUpperCase('fr-FR')}`
        lines.push({ label: `Heures de formation réalisées — ${name}`, traineeName: name, enrolmentId: e.id, pricing: 'hourly', quantityHundredths: hours, unitPriceCents: price })
      }
      if (!input.perTrainee && lines.length > 0) {
        const total = lines.reduce((s, l) => s + l.quantityHundredths, 0)
        lines.splice(0, lines.length, { label: `Heures de formation réalisées — ${title} (${picked.length} stagiaire${picked.length > 1 ? 's' : ''})`, traineeName: null, enrolmentId: null, pricing: 'hourly', quantityHundredths: total, unitPriceCents: price })
      }
    }
    if (lines.length === 0) throw new AppError('refused', `Rien à facturer au ${input.issueDate.split('-').reverse().join('/')} : aucune heure réalisée qui ne soit déjà facturée.`)
    const buyer = lastBuyer(ctx.db, funder.code)
    return insertDraft(
      ctx,
      {
        ...(buyer ?? { buyer_name: SESSION_FUNDERS[funder.code], buyer_siret: null, buyer_siren: null, buyer_address_line1: null, buyer_address_line2: null, buyer_postal_code: null, buyer_city: null, buyer_service_code: null, buyer_engagement: null }),
        session_id: input.sessionId,
        enrolment_id: null,
        quote_id: null,
        funder_code: funder.code,
        contract_reference: funder.reference,
        issue_date: input.issueDate,
        vat_mode: organisationVatMode(ctx.db)
      },
      lines,
      'invoice.createFromSession'
    )
  })()
  return getInvoice(ctx.db, id, today(ctx))
}

type QuoteRow = { id: number; number: string; status: string; pricing: 'hourly' | 'flat'; hourly: number | null; ftCents: number | null; total: number; hours: number; kairos: string | null }

export function createFromEnrolment(ctx: ServiceContext, input: { enrolmentId: number; issueDate: string }): InvoiceDetail {
  const id = ctx.db.transaction(() => {
    const e = ctx.db
      .prepare<[number], { sessionId: number; lastName: string; firstName: string; title: string }>(
        `SELECT e.session_id AS sessionId, t.last_name AS lastName, t.first_name AS firstName, tr.title FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
         JOIN session s ON s.id = e.session_id JOIN training tr ON tr.id = s.training_id WHERE e.id = ?`
      )
      .get(input.enrolmentId)
    if (!e) throw new AppError('not_found', 'Cette inscription est introuvable.')
    const q = ctx.db
      .prepare<[number], QuoteRow>(
        `SELECT id, number, status, pricing_mode AS pricing, hourly_cents AS hourly, france_travail_cents AS ftCents, total_cents AS total,
                hours_centre_hundredths + hours_company_hundredths AS hours, kairos_reference AS kairos
         FROM aif_quote WHERE enrolment_id = ? AND status = 'validated' ORDER BY id DESC LIMIT 1`
      )
      .get(input.enrolmentId)
    if (!q) throw new AppError('refused', 'Cette inscription n’a pas de devis AIF validé par France Travail : la facture AIF se fait depuis le devis validé.')
    const name = `${e.firstName} ${e.lastName.toLocaleUpperCase('fr-FR')}`
    const share = q.ftCents ?? q.total
    let line: InvoiceLineInput
    if (q.pricing === 'hourly' && q.hourly !== null) {
      // Hours done per the ledger, never more than the quote's, less what was already invoiced.
      const done = hoursToHundredths(enrolmentLedgers(ctx.db, [input.enrolmentId], input.issueDate)[0]?.summary.realisedHours ?? 0)
      const invoiced = hoursToHundredths(invoicedHoursByEnrolment(ctx.db, [input.enrolmentId]).get(input.enrolmentId) ?? 0)
      const hours = Math.min(done, q.hours) - invoiced
      if (hours <= 0) throw new AppError('refused', 'Aucune heure réalisée à facturer sur ce devis à cette date.')
      line = { label: `${e.title} — ${name} (AIF, devis n° ${q.number})`, traineeName: name, enrolmentId: input.enrolmentId, pricing: 'hourly', quantityHundredths: hours, unitPriceCents: q.hourly }
    } else {
      line = { label: `${e.title} — ${name} (AIF, devis n° ${q.number}, forfait)`, traineeName: name, enrolmentId: input.enrolmentId, pricing: 'flat', quantityHundredths: 100, unitPriceCents: share }
    }
    const buyer = lastBuyer(ctx.db, 'aif')
    return insertDraft(
      ctx,
      {
        ...(buyer ?? { buyer_name: 'France Travail', buyer_siret: null, buyer_siren: null, buyer_address_line1: null, buyer_address_line2: null, buyer_postal_code: null, buyer_city: null, buyer_service_code: null, buyer_engagement: null }),
        buyer_engagement: q.kairos ?? buyer?.buyer_engagement ?? null,
        session_id: e.sessionId,
        enrolment_id: input.enrolmentId,
        quote_id: q.id,
        funder_code: 'aif',
        contract_reference: `Devis AIF n° ${q.number}`,
        issue_date: input.issueDate,
        vat_mode: organisationVatMode(ctx.db)
      },
      [line],
      'invoice.createFromEnrolment'
    )
  })()
  return getInvoice(ctx.db, id, today(ctx))
}

type UpdateInput = z.output<(typeof invoiceOps)['invoices:updateDraft']['input']>

function requireDraft(db: Db, id: number): void {
  const row = db.prepare<[number], { status: string }>('SELECT status FROM invoice WHERE id = ?').get(id)
  if (!row) throw new AppError('not_found', 'Cette facture est introuvable.')
  if (row.status !== 'draft') throw new AppError('refused', 'Une facture émise ne se modifie pas : établissez un avoir.')
}

export function updateDraft(ctx: ServiceContext, input: UpdateInput): InvoiceDetail {
  ctx.db.transaction(() => {
    requireDraft(ctx.db, input.id)
    const before = getInvoice(ctx.db, input.id, today(ctx))
    ctx.db
      .prepare(
        `UPDATE invoice SET issue_date = @issueDate, buyer_name = @buyerName, buyer_siret = @buyerSiret, buyer_siren = @buyerSiren,
           buyer_address_line1 = @buyerAddressLine1, buyer_address_line2 = @buyerAddressLine2, buyer_postal_code = @buyerPostalCode, buyer_city = @buyerCity,
           buyer_service_code = @buyerServiceCode, buyer_engagement = @buyerEngagement, contract_reference = @contractReference, vat_mode = @vatMode,
           note = @note, updated_at = @now WHERE id = @id`
      )
      .run({ ...input, lines: undefined, now: nowIso(ctx.clock) })
    writeLines(ctx.db, input.id, input.lines, input.vatMode)
    const { lines, ...fields } = input
    recordAudit(ctx, { operation: 'invoice.updateDraft', entity: 'invoice', entityId: input.id, before: { buyerName: before.buyerName, totalTtcCents: before.totalTtcCents, lineCount: before.lineCount }, after: { ...fields, lines } })
  })()
  return getInvoice(ctx.db, input.id, today(ctx))
}

export function deleteDraft(ctx: ServiceContext, id: number): { id: number } {
  ctx.db.transaction(() => {
    requireDraft(ctx.db, id)
    const before = oneRow(ctx.db.prepare<[number], { buyerName: string; total: number }>('SELECT buyer_name AS buyerName, total_ttc_cents AS total FROM invoice WHERE id = ?'), id)
    ctx.db.prepare('DELETE FROM invoice WHERE id = ?').run(id)
    recordAudit(ctx, { operation: 'invoice.deleteDraft', entity: 'invoice', entityId: id, before })
  })()
  return { id }
}
