import type { z } from 'zod'
import type { QuoteRow, QuoteSettings, quoteOps } from '@shared/api/areas/quotes'
import { AppError } from '@shared/api/result'
import { teachingCostCents, toHundredths, type ExtraLine, type FunderAmount } from '@shared/domain/aifQuoteAmounts'
import { amountsEditable, QUOTE_STATUSES, quoteNumber, transitionQuote, type QuoteAction } from '@shared/domain/aifQuoteStatus'
import { formatDateFr } from '@shared/domain/dates'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { prefillQuotes } from './quotePrefill'
import { activeByEnrolment, getQuote, HOURLY_CEILING_SETTING } from './quoteQueries'

/*
 * Writes on AIF quotes, each in one transaction with its audit entry. Drafts change freely; a
 * filed quote's amounts are frozen (a new version supersedes it). Every refusal is a French
 * message and leaves the database as it was.
 */

type Parsed<K extends keyof typeof quoteOps> = z.output<(typeof quoteOps)[K]['input']>

const today = (ctx: ServiceContext): string => nowIso(ctx.clock).slice(0, 10)

function nextSequence(db: Db, year: number): number {
  return (db.prepare<[number], { n: number | null }>('SELECT max(sequence) AS n FROM aif_quote WHERE year = ?').get(year)?.n ?? 0) + 1
}

function writeChildren(db: Db, quoteId: number, funders: readonly FunderAmount[] | undefined, lines: readonly ExtraLine[] | undefined): void {
  if (funders !== undefined) {
    db.prepare('DELETE FROM aif_quote_funder WHERE quote_id = ?').run(quoteId)
    const insert = db.prepare('INSERT INTO aif_quote_funder (quote_id, funder, amount_cents) VALUES (?, ?, ?)')
    for (const f of funders) if (f.amountCents > 0) insert.run(quoteId, f.funder, f.amountCents)
  }
  if (lines !== undefined) {
    db.prepare('DELETE FROM aif_quote_line WHERE quote_id = ?').run(quoteId)
    const insert = db.prepare('INSERT INTO aif_quote_line (quote_id, position, kind, label, amount_cents) VALUES (?, ?, ?, ?, ?)')
    lines.forEach((l, i) => insert.run(quoteId, i + 1, l.kind, l.label, l.amountCents))
  }
}

/** Drafts for several enrolments of a session, all or none. */
export function createQuotes(ctx: ServiceContext, input: Parsed<'quotes:create'>): QuoteRow[] {
  const day = today(ctx)
  return ctx.db.transaction(() => {
    const ids = [...new Set(input.enrolmentIds)]
    const prefills = prefillQuotes(ctx.db, input.sessionId, ids, day, input.hourlyCents)
    const active = activeByEnrolment(ctx.db, ids)
    const busy = prefills.filter((p) => (active.get(p.enrolmentId) ?? []).length > 0)
    if (busy.length > 0) {
      const list = busy.map((p) => {
        const q = active.get(p.enrolmentId)?.[0]
        return `${p.name} (n° ${q?.number ?? '?'}, ${q ? QUOTE_STATUSES[q.status].toLowerCase() : ''})`
      })
      throw new AppError('refused', `Un devis est déjà en cours pour ${busy.length === 1 ? 'ce stagiaire' : 'ces stagiaires'} : ${list.join(' ; ')}. Annulez-le ou faites-en une nouvelle version.`)
    }
    const unpriced = prefills.filter((p) => p.hourlyCents === null)
    if (unpriced.length > 0) throw new AppError('invalid_input', 'Aucun prix horaire connu pour cette session (ni coût AIF de la session, ni prix de l’action) : indiquez le prix horaire.', [{ path: 'hourlyCents', message: 'Prix horaire obligatoire.' }])
    const year = Number(day.slice(0, 4))
    let sequence = nextSequence(ctx.db, year)
    const now = nowIso(ctx.clock)
    const insert = ctx.db.prepare(
      `INSERT INTO aif_quote (number, year, sequence, version, trainee_id, session_id, enrolment_id, status, start_date, end_date,
         hours_centre_hundredths, hours_company_hundredths, weekly_rhythm, pricing_mode, hourly_cents, total_cents, cpf_balance_cents,
         created_at, created_by, updated_at)
       VALUES (?, ?, ?, 1, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, 'hourly', ?, ?, ?, ?, ?, ?)`
    )
    const created = prefills.map((p) => {
      const hourly = p.hourlyCents ?? 0
      const total = teachingCostCents(hourly, p.centreHundredths + p.companyHundredths)
      const number = quoteNumber(year, sequence)
      const id = Number(
        insert.run(number, year, sequence, p.traineeId, p.sessionId, p.enrolmentId, p.startDate, p.endDate, p.centreHundredths, p.companyHundredths, p.weeklyRhythm, hourly, total, p.cpfBalanceCents, now, ctx.actor.name, now)
          .lastInsertRowid
      )
      sequence++
      const row = getQuote(ctx.db, id, day)
      recordAudit(ctx, { operation: 'quote.create', entity: 'aif_quote', entityId: id, after: row })
      return row
    })
    return created
  })()
}

export function updateQuote(ctx: ServiceContext, input: Parsed<'quotes:update'>): QuoteRow {
  const day = today(ctx)
  return ctx.db.transaction(() => {
    const before = getQuote(ctx.db, input.id, day)
    if (!amountsEditable(before.status)) {
      throw new AppError('refused', `Le devis ${before.number} est « ${before.statusLabel.toLowerCase()} » : il ne se modifie plus. Faites-en une nouvelle version.`)
    }
    const c = input.changes
    const start = c.startDate ?? before.startDate
    const end = c.endDate ?? before.endDate
    if (end < start) throw new AppError('invalid_input', `La fin du parcours (${formatDateFr(end)}) précède son début (${formatDateFr(start)}).`, [{ path: 'endDate', message: 'Date antérieure au début.' }])
    const centre = c.hoursCentre !== undefined ? toHundredths(c.hoursCentre) : Math.round(before.hoursCentre * 100)
    const company = c.hoursCompany !== undefined ? toHundredths(c.hoursCompany) : Math.round(before.hoursCompany * 100)
    const mode = c.pricingMode ?? before.pricingMode
    const hourly = c.hourlyCents !== undefined ? c.hourlyCents : before.hourlyCents
    if (mode === 'hourly' && hourly === null) throw new AppError('invalid_input', 'Indiquez le prix horaire.', [{ path: 'hourlyCents', message: 'Prix horaire obligatoire.' }])
    const total = mode === 'hourly' ? teachingCostCents(hourly ?? 0, centre + company) : (c.totalCents ?? before.totalCents)
    const pick = <T>(v: T | undefined, current: T): T => (v === undefined ? current : v)
    ctx.db
      .prepare(
        `UPDATE aif_quote SET start_date = ?, end_date = ?, hours_centre_hundredths = ?, hours_company_hundredths = ?, weekly_rhythm = ?,
           pricing_mode = ?, hourly_cents = ?, total_cents = ?, france_travail_cents = ?, remaining_cost_reason = ?, cpf_balance_cents = ?,
           comment = ?, updated_at = ? WHERE id = ?`
      )
      .run(
        start,
        end,
        centre,
        company,
        pick(c.weeklyRhythm, before.weeklyRhythm),
        mode,
        mode === 'hourly' ? hourly : null,
        total,
        c.franceTravailCents !== undefined ? c.franceTravailCents : storedFranceTravail(ctx.db, input.id),
        pick(c.remainingCostReason, before.remainingCostReason),
        pick(c.cpfBalanceCents, before.cpfBalanceCents),
        pick(c.comment, before.comment),
        nowIso(ctx.clock),
        input.id
      )
    writeChildren(ctx.db, input.id, c.funders, c.extraLines)
    const after = getQuote(ctx.db, input.id, day)
    recordAudit(ctx, { operation: 'quote.update', entity: 'aif_quote', entityId: input.id, before, after })
    return after
  })()
}

function storedFranceTravail(db: Db, id: number): number | null {
  return db.prepare<[number], { v: number | null }>('SELECT france_travail_cents AS v FROM aif_quote WHERE id = ?').get(id)?.v ?? null
}

type Step = { id: number; action: Exclude<QuoteAction, 'supersede'>; date: string; reason?: string | null; kairosNumber?: string | null }

/** One step of the state machine, inside the caller's transaction. */
function applyStep(ctx: ServiceContext, step: Step): QuoteRow {
  const day = today(ctx)
  const before = getQuote(ctx.db, step.id, day)
  const result = transitionQuote({
    status: before.status,
    dates: { sentOn: before.sentOn, acceptedOn: before.acceptedOn, answeredOn: before.answeredOn },
    action: step.action,
    date: step.date,
    today: day,
    reason: step.reason ?? null,
    kairosNumber: step.kairosNumber ?? null,
    refusals: before.findings.filter((f) => f.level === 'refusal').map((f) => f.message)
  })
  if (!result.ok) throw new AppError('refused', `Devis ${before.number} (${before.lastName.toLocaleUpperCase('fr-FR')} ${before.firstName}) : ${result.message}`)
  const p = result.value.patch
  ctx.db
    .prepare(
      `UPDATE aif_quote SET status = ?, sent_on = ?, accepted_on = ?, answered_on = ?, kairos_reference = ?, decision_reason = ?, updated_at = ? WHERE id = ?`
    )
    .run(
      result.value.status,
      p.sentOn !== undefined ? p.sentOn : before.sentOn,
      p.acceptedOn !== undefined ? p.acceptedOn : before.acceptedOn,
      p.answeredOn !== undefined ? p.answeredOn : before.answeredOn,
      p.kairosNumber !== undefined ? (p.kairosNumber ?? before.kairosReference) : before.kairosReference,
      p.decisionReason !== undefined ? p.decisionReason : before.decisionReason,
      nowIso(ctx.clock),
      step.id
    )
  const after = getQuote(ctx.db, step.id, day)
  recordAudit(ctx, {
    operation: `quote.${step.action}`,
    entity: 'aif_quote',
    entityId: step.id,
    before: { status: before.status, sentOn: before.sentOn, acceptedOn: before.acceptedOn, answeredOn: before.answeredOn, kairosReference: before.kairosReference },
    after: { status: after.status, date: step.date, sentOn: after.sentOn, acceptedOn: after.acceptedOn, answeredOn: after.answeredOn, kairosReference: after.kairosReference, reason: after.decisionReason }
  })
  return after
}

export function transitionQuoteStep(ctx: ServiceContext, input: Step): QuoteRow {
  return ctx.db.transaction(() => applyStep(ctx, input))()
}

/** Bulk « marquer transmis »: every quote or none. */
export function markQuotesFiled(ctx: ServiceContext, input: Parsed<'quotes:markFiled'>): QuoteRow[] {
  return ctx.db.transaction(() => [...new Set(input.ids)].map((id) => applyStep(ctx, { id, action: 'file', date: input.date })))()
}

/** A new draft version of a filed quote, same amounts and dates; the old one is marked superseded. */
export function supersedeQuote(ctx: ServiceContext, input: Parsed<'quotes:supersede'>): QuoteRow {
  const day = today(ctx)
  return ctx.db.transaction(() => {
    const before = getQuote(ctx.db, input.id, day)
    const move = transitionQuote({ status: before.status, dates: before, action: 'supersede', date: day, today: day })
    if (!move.ok) throw new AppError('refused', `Devis ${before.number} : ${move.message} Un brouillon se modifie directement.`)
    const base = ctx.db.prepare<[number], { year: number; sequence: number; version: number }>('SELECT year, sequence, version FROM aif_quote WHERE id = ?').get(input.id)
    if (!base) throw new AppError('not_found', 'Devis introuvable.')
    const latest = ctx.db.prepare<[number, number], { v: number }>('SELECT max(version) AS v FROM aif_quote WHERE year = ? AND sequence = ?').get(base.year, base.sequence)?.v ?? base.version
    const version = latest + 1
    const now = nowIso(ctx.clock)
    ctx.db.prepare("UPDATE aif_quote SET status = 'superseded', updated_at = ? WHERE id = ?").run(now, input.id)
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO aif_quote (number, year, sequence, version, supersedes_id, trainee_id, session_id, enrolment_id, status, start_date, end_date,
             hours_centre_hundredths, hours_company_hundredths, weekly_rhythm, pricing_mode, hourly_cents, total_cents, france_travail_cents,
             remaining_cost_reason, cpf_balance_cents, comment, created_at, created_by, updated_at)
           SELECT ?, year, sequence, ?, id, trainee_id, session_id, enrolment_id, 'draft', start_date, end_date,
             hours_centre_hundredths, hours_company_hundredths, weekly_rhythm, pricing_mode, hourly_cents, total_cents, france_travail_cents,
             remaining_cost_reason, cpf_balance_cents, comment, ?, ?, ?
           FROM aif_quote WHERE id = ?`
        )
        .run(quoteNumber(base.year, base.sequence, version), version, now, ctx.actor.name, now, input.id).lastInsertRowid
    )
    ctx.db.prepare('INSERT INTO aif_quote_funder (quote_id, funder, amount_cents) SELECT ?, funder, amount_cents FROM aif_quote_funder WHERE quote_id = ?').run(id, input.id)
    ctx.db.prepare('INSERT INTO aif_quote_line (quote_id, position, kind, label, amount_cents) SELECT ?, position, kind, label, amount_cents FROM aif_quote_line WHERE quote_id = ?').run(id, input.id)
    const after = getQuote(ctx.db, id, day)
    recordAudit(ctx, { operation: 'quote.supersede', entity: 'aif_quote', entityId: input.id, before: { status: before.status, number: before.number }, after: { status: 'superseded', supersededBy: after.number } })
    recordAudit(ctx, { operation: 'quote.create', entity: 'aif_quote', entityId: id, after })
    return after
  })()
}

export function setQuoteSettings(ctx: ServiceContext, input: Parsed<'quotes:setSettings'>): QuoteSettings {
  return ctx.db.transaction(() => {
    const before = ctx.db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?').get(HOURLY_CEILING_SETTING)?.value ?? null
    const value = input.hourlyCeilingCents === null ? '' : String(input.hourlyCeilingCents)
    ctx.db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(HOURLY_CEILING_SETTING, value)
    recordAudit(ctx, { operation: 'quote.settings', entity: 'app_setting', entityId: HOURLY_CEILING_SETTING, before, after: value })
    return { hourlyCeilingCents: input.hourlyCeilingCents }
  })()
}
