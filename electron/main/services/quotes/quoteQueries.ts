import type { QuoteCandidate, QuoteFilter, QuoteRow, QuoteSettings } from '@shared/api/areas/quotes'
import { AppError } from '@shared/api/result'
import { computeQuoteAmounts, QUOTE_FUNDER_CODES, NON_FUNDABLE_CODES, type ExtraLine, type FunderAmount, type NonFundableKind, type QuoteFunder } from '@shared/domain/aifQuoteAmounts'
import { checkQuote, DEFAULT_HOURLY_CEILING_CENTS } from '@shared/domain/aifQuoteChecks'
import { ACTIVE_QUOTE_STATUSES, allowedActions, QUOTE_STATUSES, QUOTE_STATUS_CODES, type QuoteStatus } from '@shared/domain/aifQuoteStatus'
import { addDays } from '@shared/domain/dates'
import { AIF_MIN_DAYS_BEFORE_START } from '@shared/domain/deadlines'
import type { Db } from '../../db/open'
import { SqlWhere, type SqlParams } from '../../db/sqlWhere'

/*
 * Reading quotes: one row per quote with its funders, non-fundable lines and the checks of the
 * domain (as of `today`). The checks are recomputed on every read, so a Qualiopi date or a
 * ceiling changed in the settings shows at once.
 */

export const HOURLY_CEILING_SETTING = 'quotes.hourlyCeilingCents'

export function quoteSettings(db: Db): QuoteSettings {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?').get(HOURLY_CEILING_SETTING)
  if (!row) return { hourlyCeilingCents: DEFAULT_HOURLY_CEILING_CENTS }
  const n = Number(row.value)
  return { hourlyCeilingCents: row.value === '' || !Number.isSafeInteger(n) ? null : n }
}

/**
 * A quote as stored: the contract's row without what `toRows` derives (amounts, checks, labels,
 * hours in decimal), with the status and pricing mode as the raw text and the hours in hundredths.
 */
type RawQuote = Omit<
  QuoteRow,
  | 'status' | 'statusLabel' | 'hoursCentre' | 'hoursCompany' | 'hoursTotal' | 'pricingMode' | 'funders' | 'othersCents' | 'franceTravailCents'
  | 'remainingCents' | 'extraLines' | 'extraCents' | 'findings' | 'refusalCount' | 'warningCount' | 'latestFilingDate' | 'actions'
> & { status: string; pricingMode: string; centre: number; company: number; franceTravailCents: number | null }

const SELECT = `
  SELECT q.id, q.number, q.version, q.supersedes_id AS supersedesId,
         (SELECT n.id FROM aif_quote n WHERE n.supersedes_id = q.id) AS supersededById,
         q.status, q.enrolment_id AS enrolmentId, q.session_id AS sessionId, q.trainee_id AS traineeId,
         p.last_name AS lastName, p.first_name AS firstName, p.ft_id AS ftId,
         s.label AS sessionLabel, t.title AS trainingTitle, s.intercarif_session_id AS intercarifSessionId,
         s.start_date AS sessionStart, s.end_date AS sessionEnd,
         q.start_date AS startDate, q.end_date AS endDate, q.hours_centre_hundredths AS centre, q.hours_company_hundredths AS company,
         q.weekly_rhythm AS weeklyRhythm, q.pricing_mode AS pricingMode, q.hourly_cents AS hourlyCents, q.total_cents AS totalCents,
         q.france_travail_cents AS franceTravailCents, q.remaining_cost_reason AS remainingCostReason, q.cpf_balance_cents AS cpfBalanceCents,
         q.kairos_reference AS kairosReference, q.sent_on AS sentOn, q.accepted_on AS acceptedOn, q.answered_on AS answeredOn,
         q.decision_reason AS decisionReason, q.comment, q.created_at AS createdAt, q.created_by AS createdBy, q.updated_at AS updatedAt
  FROM aif_quote q
  JOIN trainee p ON p.id = q.trainee_id
  JOIN session s ON s.id = q.session_id
  JOIN training t ON t.id = s.training_id`

const isStatus = (s: string): s is QuoteStatus => (QUOTE_STATUS_CODES as readonly string[]).includes(s)
const isFunder = (s: string): s is QuoteFunder => (QUOTE_FUNDER_CODES as readonly string[]).includes(s)
const isLineKind = (s: string): s is NonFundableKind => (NON_FUNDABLE_CODES as readonly string[]).includes(s)

type Context = { today: string; qualiopi: { number: string | null; validUntil: string | null }; ceiling: number | null }

export function checkContext(db: Db, today: string): Context {
  const o = db.prepare<[], { number: string | null; validUntil: string | null }>('SELECT qualiopi_number AS number, qualiopi_valid_until AS validUntil FROM organisation WHERE id = 1').get()
  return { today, qualiopi: o ?? { number: null, validUntil: null }, ceiling: quoteSettings(db).hourlyCeilingCents }
}

function loadChildren(db: Db, ids: readonly number[]): { funders: Map<number, FunderAmount[]>; lines: Map<number, ExtraLine[]> } {
  const json = JSON.stringify(ids)
  const funders = new Map<number, FunderAmount[]>()
  for (const r of db
    .prepare<[string], { quoteId: number; funder: string; amountCents: number }>(
      'SELECT f.quote_id AS quoteId, f.funder, f.amount_cents AS amountCents FROM json_each(?) j CROSS JOIN aif_quote_funder f WHERE f.quote_id = j.value'
    )
    .all(json)) {
    if (!isFunder(r.funder)) continue
    const list = funders.get(r.quoteId) ?? []
    list.push({ funder: r.funder, amountCents: r.amountCents })
    funders.set(r.quoteId, list)
  }
  const lines = new Map<number, ExtraLine[]>()
  for (const r of db
    .prepare<[string], { quoteId: number; kind: string; label: string | null; amountCents: number }>(
      'SELECT l.quote_id AS quoteId, l.kind, l.label, l.amount_cents AS amountCents FROM json_each(?) j CROSS JOIN aif_quote_line l WHERE l.quote_id = j.value ORDER BY l.quote_id, l.position'
    )
    .all(json)) {
    if (!isLineKind(r.kind)) continue
    const list = lines.get(r.quoteId) ?? []
    list.push({ kind: r.kind, label: r.label, amountCents: r.amountCents })
    lines.set(r.quoteId, list)
  }
  return { funders, lines }
}

/** Other active quotes of each enrolment (for the one-active rule). */
function activeByEnrolment(db: Db, enrolmentIds: readonly number[]): Map<number, { id: number; number: string; status: QuoteStatus }[]> {
  const map = new Map<number, { id: number; number: string; status: QuoteStatus }[]>()
  const rows = db
    .prepare<[string, string], { id: number; enrolmentId: number; number: string; status: string }>(
      `SELECT q.id, q.enrolment_id AS enrolmentId, q.number, q.status FROM json_each(?) j CROSS JOIN aif_quote q
       WHERE q.enrolment_id = j.value AND q.status IN (SELECT value FROM json_each(?))`
    )
    .all(JSON.stringify(enrolmentIds), JSON.stringify(ACTIVE_QUOTE_STATUSES))
  for (const r of rows) {
    if (!isStatus(r.status)) continue
    const list = map.get(r.enrolmentId) ?? []
    list.push({ id: r.id, number: r.number, status: r.status })
    map.set(r.enrolmentId, list)
  }
  return map
}

function toRows(db: Db, raws: RawQuote[], ctx: Context): QuoteRow[] {
  const { funders, lines } = loadChildren(db, raws.map((r) => r.id))
  const active = activeByEnrolment(db, [...new Set(raws.map((r) => r.enrolmentId).filter((id): id is number => id !== null))])
  return raws.map((r) => {
    const status: QuoteStatus = isStatus(r.status) ? r.status : 'draft'
    const amounts = computeQuoteAmounts({
      hoursHundredths: r.centre + r.company,
      pricing: r.pricingMode === 'flat' || r.hourlyCents === null ? { mode: 'flat', totalCents: r.totalCents } : { mode: 'hourly', hourlyCents: r.hourlyCents },
      funders: funders.get(r.id) ?? [],
      franceTravailCents: r.franceTravailCents,
      extraLines: lines.get(r.id) ?? []
    })
    const final = status === 'refused' || status === 'cancelled' || status === 'superseded'
    const others = (r.enrolmentId === null ? [] : active.get(r.enrolmentId) ?? []).filter((q) => q.id !== r.id)
    const result = final
      ? { findings: [] }
      : checkQuote({
          amounts,
          cpfBalanceCents: r.cpfBalanceCents,
          remainingCostReason: r.remainingCostReason,
          startDate: r.startDate,
          endDate: r.endDate,
          session: { startDate: r.sessionStart, endDate: r.sessionEnd },
          qualiopi: ctx.qualiopi,
          hourlyCeilingCents: ctx.ceiling,
          filedOn: r.sentOn,
          today: ctx.today,
          otherActiveQuotes: others.map((q) => ({ number: q.number, statusLabel: QUOTE_STATUSES[q.status] }))
        })
    return {
      id: r.id,
      number: r.number,
      version: r.version,
      supersedesId: r.supersedesId,
      supersededById: r.supersededById,
      status,
      statusLabel: QUOTE_STATUSES[status],
      enrolmentId: r.enrolmentId,
      sessionId: r.sessionId,
      traineeId: r.traineeId,
      lastName: r.lastName,
      firstName: r.firstName,
      ftId: r.ftId,
      sessionLabel: r.sessionLabel,
      trainingTitle: r.trainingTitle,
      intercarifSessionId: r.intercarifSessionId,
      sessionStart: r.sessionStart,
      sessionEnd: r.sessionEnd,
      startDate: r.startDate,
      endDate: r.endDate,
      hoursCentre: r.centre / 100,
      hoursCompany: r.company / 100,
      hoursTotal: (r.centre + r.company) / 100,
      weeklyRhythm: r.weeklyRhythm,
      pricingMode: r.pricingMode === 'flat' ? 'flat' : 'hourly',
      hourlyCents: amounts.hourlyCents,
      totalCents: amounts.totalCents,
      funders: amounts.funders,
      othersCents: amounts.othersCents,
      franceTravailCents: amounts.franceTravailCents,
      remainingCents: amounts.remainingCents,
      remainingCostReason: r.remainingCostReason,
      extraLines: amounts.extraLines,
      extraCents: amounts.extraCents,
      cpfBalanceCents: r.cpfBalanceCents,
      kairosReference: r.kairosReference,
      sentOn: r.sentOn,
      acceptedOn: r.acceptedOn,
      answeredOn: r.answeredOn,
      decisionReason: r.decisionReason,
      comment: r.comment,
      findings: result.findings,
      refusalCount: result.findings.filter((f) => f.level === 'refusal').length,
      warningCount: result.findings.filter((f) => f.level === 'warning').length,
      latestFilingDate: addDays(r.startDate, -AIF_MIN_DAYS_BEFORE_START),
      actions: allowedActions(status),
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      updatedAt: r.updatedAt
    }
  })
}

export function listQuotes(db: Db, filter: QuoteFilter, today: string): QuoteRow[] {
  const where = new SqlWhere()
  if (filter.status && filter.status.length > 0) where.add('q.status IN (SELECT value FROM json_each(@statuses))', { statuses: JSON.stringify(filter.status) })
  where.filter('sessionId', filter.sessionId, 'q.session_id = @sessionId')
  where.filter('funder', filter.funder, 'EXISTS (SELECT 1 FROM aif_quote_funder f WHERE f.quote_id = q.id AND f.funder = @funder AND f.amount_cents > 0)')
  if (filter.ids !== undefined) where.add('q.id IN (SELECT value FROM json_each(@ids))', { ids: JSON.stringify(filter.ids) })
  const sql = `${SELECT} ${where.clause} ORDER BY q.start_date, p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, q.id`
  return toRows(db, db.prepare<[SqlParams], RawQuote>(sql).all(where.params), checkContext(db, today))
}

export function getQuote(db: Db, id: number, today: string): QuoteRow {
  const raw = db.prepare<[number], RawQuote>(`${SELECT} WHERE q.id = ?`).get(id)
  if (!raw) throw new AppError('not_found', `Le devis n° ${id} est introuvable.`)
  const [row] = toRows(db, [raw], checkContext(db, today))
  if (!row) throw new AppError('not_found', `Le devis n° ${id} est introuvable.`)
  return row
}

export function listCandidates(db: Db, sessionId: number): QuoteCandidate[] {
  const rows = db
    .prepare<[number], { enrolmentId: number; traineeId: number; lastName: string; firstName: string; ftId: string | null; status: string; funding: string | null; plannedStart: string | null; plannedEnd: string | null }>(
      `SELECT e.id AS enrolmentId, p.id AS traineeId, p.last_name AS lastName, p.first_name AS firstName, p.ft_id AS ftId, e.status, e.funding,
              e.planned_start_date AS plannedStart, e.planned_end_date AS plannedEnd
       FROM enrolment e JOIN trainee p ON p.id = e.trainee_id
       WHERE e.session_id = ? AND e.status NOT IN ('non_retenu', 'annule', 'sorti', 'abandon')
       ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, e.id`
    )
    .all(sessionId)
  const active = activeByEnrolment(db, rows.map((r) => r.enrolmentId))
  return rows.map((r) => ({ ...r, activeQuote: active.get(r.enrolmentId)?.[0] ?? null }))
}

export { activeByEnrolment }
