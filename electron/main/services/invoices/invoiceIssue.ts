import type { InvoiceDetail, IssueResult } from '@shared/api/areas/invoices'
import { AppError } from '@shared/api/result'
import { computeInvoiceAmounts, type VatMode } from '@shared/domain/invoiceAmounts'
import type { ConsistencyReport } from '@shared/domain/invoiceConsistency'
import { creditableCents, dueDate, formatInvoiceNumber, invoiceYear, needsChorus } from '@shared/domain/invoiceRules'
import { oneRow } from '../../db/oneRow'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { invoiceConsistency, type ConsistencyChecker } from './consistencyAdapter'
import { getInvoice, invoiceLines } from './invoiceQueries'

/*
 * Issuing: the next number of the invoice date's year is taken from invoice_sequence in the SAME
 * write transaction that marks the invoice issued (BEGIN IMMEDIATE: no other connection can take
 * a number in between; a crash or a refusal rolls the number back with everything else, so the
 * sequence has no gap). Before that, an invoice of a session passes the consistency check (hours
 * of the ledger = certificat de réalisation = invoiced, dates) unless the clerk overrides it with
 * a reason, which is audited. Credit notes cancel an issued invoice in whole or in part.
 */

const today = (ctx: ServiceContext) => nowIso(ctx.clock).slice(0, 10)

type Draft = {
  id: number
  kind: 'invoice' | 'credit_note'
  status: string
  sessionId: number | null
  funderCode: string | null
  buyerName: string
  buyerSiret: string | null
  issueDate: string
  vatMode: VatMode
}

const DRAFT_SQL = `SELECT id, kind, status, session_id AS sessionId, funder_code AS funderCode, buyer_name AS buyerName, buyer_siret AS buyerSiret,
  issue_date AS issueDate, vat_mode AS vatMode FROM invoice WHERE id = ?`

/** Takes the next number of the year (inside the caller's write transaction). */
export function nextInvoiceNumber(db: Db, year: number): { year: number; sequence: number; number: string } {
  const row = oneRow(
    db.prepare<[number], { n: number }>('INSERT INTO invoice_sequence (year, last_number) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number AS n'),
    year
  )
  return { year, sequence: row.n, number: formatInvoiceNumber(year, row.n) }
}

/** Numbers and freezes a draft (inside the caller's write transaction); answers its number. */
function issueDraft(ctx: ServiceContext, d: Draft, overrideReason: string | null): string {
  const lines = invoiceLines(ctx.db, d.id)
  if (lines.length === 0) throw new AppError('refused', 'Une facture sans ligne ne s’émet pas.')
  const amounts = computeInvoiceAmounts(lines, d.vatMode)
  if (amounts.totals.grandTotalCents <= 0) throw new AppError('refused', 'Le montant de la facture est nul : vérifiez les quantités et les prix.')
  if (needsChorus(d.funderCode) && !d.buyerSiret) {
    throw new AppError('invalid_input', 'Le SIRET du client est obligatoire pour un dépôt sur Chorus Pro.', [{ path: 'buyerSiret', message: 'SIRET du client manquant.' }])
  }
  const year = invoiceYear(d.issueDate)
  // Numbers follow the dates: an invoice may not be dated before one already issued this year.
  const later = ctx.db
    .prepare<[number, string], { number: string; issueDate: string }>("SELECT number, issue_date AS issueDate FROM invoice WHERE year = ? AND status = 'issued' AND issue_date > ? ORDER BY issue_date DESC LIMIT 1")
    .get(year, d.issueDate)
  if (later) {
    throw new AppError('refused', `La facture n° ${later.number} est déjà émise au ${later.issueDate.split('-').reverse().join('/')} : une facture ne peut être datée avant elle (numérotation chronologique).`, [
      { path: 'issueDate', message: 'Date antérieure à la dernière facture émise.' }
    ])
  }
  const terms = ctx.db.prepare<[], { days: number }>('SELECT payment_terms_days AS days FROM organisation WHERE id = 1').get()?.days ?? 30
  const n = nextInvoiceNumber(ctx.db, year)
  const t = amounts.totals
  ctx.db
    .prepare(
      `UPDATE invoice SET status = 'issued', year = @year, sequence = @sequence, number = @number, due_date = @due, vat_exemption_reason = @reason,
         total_ht_cents = @ht, total_vat_cents = @vat, total_ttc_cents = @ttc, issued_at = @now, issued_by = @by, consistency_override_reason = @override, updated_at = @now
       WHERE id = @id AND status = 'draft'`
    )
    .run({
      ...n,
      due: d.kind === 'invoice' ? dueDate(d.issueDate, terms) : null,
      reason: amounts.breakdown.find((b) => b.category === 'E')?.exemptionReason ?? null,
      ht: t.taxBasisCents,
      vat: t.vatCents,
      ttc: t.grandTotalCents,
      now: nowIso(ctx.clock),
      by: ctx.actor.name,
      override: overrideReason,
      id: d.id
    })
  recordAudit(ctx, { operation: d.kind === 'invoice' ? 'invoice.issue' : 'invoice.issueCreditNote', entity: 'invoice', entityId: d.id, after: { number: n.number, totalTtcCents: t.grandTotalCents } })
  return n.number
}

export function issueInvoice(ctx: ServiceContext, input: { id: number; overrideReason: string | null }, checker: ConsistencyChecker = invoiceConsistency): IssueResult {
  const outcome = ctx.db.transaction((): ConsistencyReport | null => {
    const d = ctx.db.prepare<[number], Draft>(DRAFT_SQL).get(input.id)
    if (!d) throw new AppError('not_found', 'Cette facture est introuvable.')
    if (d.status !== 'draft') throw new AppError('refused', 'Cette facture est déjà émise.')
    const report = d.sessionId !== null ? checker(ctx.db, d.sessionId, d.id, d.issueDate) : null
    if (report && !report.ok) {
      if (!input.overrideReason) return report
      recordAudit(ctx, { operation: 'invoice.consistencyOverride', entity: 'invoice', entityId: d.id, after: { reason: input.overrideReason, differences: report.differences } })
    }
    issueDraft(ctx, d, report && !report.ok ? input.overrideReason : null)
    return null
  })()
  return outcome ? { issued: false, report: outcome } : { issued: true, invoice: getInvoice(ctx.db, input.id, today(ctx)) }
}

/** The consistency report the issue would run (null for an invoice outside a session). */
export function checkInvoice(db: Db, id: number, checker: ConsistencyChecker = invoiceConsistency): ConsistencyReport | null {
  const d = db.prepare<[number], Draft>(DRAFT_SQL).get(id)
  if (!d) throw new AppError('not_found', 'Cette facture est introuvable.')
  return d.sessionId !== null ? checker(db, d.sessionId, d.id, d.issueDate) : null
}

type CreditInput = { id: number; issueDate: string; reason: string; lines?: { position: number; quantityHundredths: number }[] }

/** A credit note for an issued invoice (whole, or chosen lines and quantities), issued at once. */
export function createCreditNote(ctx: ServiceContext, input: CreditInput): InvoiceDetail {
  const id = ctx.db.transaction(() => {
    const src = ctx.db.prepare<[number], Draft>(DRAFT_SQL).get(input.id)
    if (!src) throw new AppError('not_found', 'Cette facture est introuvable.')
    if (src.kind !== 'invoice' || src.status !== 'issued') throw new AppError('refused', 'Un avoir s’établit sur une facture émise.')
    if (input.issueDate < src.issueDate) throw new AppError('invalid_input', 'L’avoir ne peut être daté avant la facture qu’il annule.', [{ path: 'issueDate', message: 'Date antérieure à la facture.' }])
    const source = invoiceLines(ctx.db, src.id)
    let lines = source
    if (input.lines && input.lines.length > 0) {
      lines = input.lines.map((c) => {
        const l = source[c.position - 1]
        if (!l) throw new AppError('invalid_input', `La ligne ${c.position} n’existe pas sur la facture.`)
        if (c.quantityHundredths > l.quantityHundredths) throw new AppError('invalid_input', `Ligne ${c.position} : l’avoir ne peut dépasser la quantité facturée.`, [{ path: `lines.${c.position}`, message: 'Quantité supérieure à la facture.' }])
        return { ...l, quantityHundredths: c.quantityHundredths }
      })
    }
    const total = computeInvoiceAmounts(lines, src.vatMode).totals.grandTotalCents
    const earlier = oneRow(
      ctx.db.prepare<[number], { n: number }>("SELECT coalesce(sum(total_ttc_cents), 0) AS n FROM invoice WHERE credited_invoice_id = ? AND status = 'issued'"),
      src.id
    ).n
    const room = creditableCents(oneRow(ctx.db.prepare<[number], { n: number }>('SELECT total_ttc_cents AS n FROM invoice WHERE id = ?'), src.id).n, earlier)
    if (total > room) throw new AppError('refused', `Les avoirs dépasseraient la facture : il reste ${(room / 100).toFixed(2).replace('.', ',')} € à annuler au plus.`)
    const now = nowIso(ctx.clock)
    const newId = Number(
      ctx.db
        .prepare(
          `INSERT INTO invoice (kind, credited_invoice_id, session_id, enrolment_id, quote_id, funder_code, buyer_name, buyer_siret, buyer_siren, buyer_address_line1,
             buyer_address_line2, buyer_postal_code, buyer_city, buyer_country, buyer_service_code, buyer_engagement, contract_reference, issue_date, vat_mode, note,
             created_at, created_by, updated_at)
           SELECT 'credit_note', id, session_id, enrolment_id, quote_id, funder_code, buyer_name, buyer_siret, buyer_siren, buyer_address_line1,
             buyer_address_line2, buyer_postal_code, buyer_city, buyer_country, buyer_service_code, buyer_engagement, contract_reference, ?, vat_mode, ?, ?, ?, ?
           FROM invoice WHERE id = ?`
        )
        .run(input.issueDate, input.reason, now, ctx.actor.name, now, src.id).lastInsertRowid
    )
    const insert = ctx.db.prepare(
      `INSERT INTO invoice_line (invoice_id, position, enrolment_id, trainee_name, label, pricing, quantity_hundredths, unit, unit_price_cents, vat_rate_percent, net_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    for (const l of computeInvoiceAmounts(lines, src.vatMode).lines) insert.run(newId, l.position, l.enrolmentId, l.traineeName, l.label, l.pricing, l.quantityHundredths, l.unit, l.unitPriceCents, l.vatRatePercent, l.netCents)
    recordAudit(ctx, { operation: 'invoice.creditNote', entity: 'invoice', entityId: newId, after: { creditedInvoiceId: src.id, reason: input.reason, totalTtcCents: total, whole: lines === source } })
    const draft = ctx.db.prepare<[number], Draft>(DRAFT_SQL).get(newId)
    if (!draft) throw new Error('credit note vanished')
    issueDraft(ctx, draft, null)
    return newId
  })()
  return getInvoice(ctx.db, id, today(ctx))
}
