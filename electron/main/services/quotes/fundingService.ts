import { AppError } from '@shared/api/result'
import type { EnrolmentFundingInfo } from '@shared/api/areas/quotes'
import { SESSION_FUNDERS, SESSION_FUNDER_CODES, type CostUnit, type SessionFunder, type SessionFunderCode } from '@shared/domain/aifQuoteFunding'
import { QUOTE_STATUSES, type QuoteStatus } from '@shared/domain/aifQuoteStatus'
import { FUNDING_CODES, type Funding } from '@shared/domain/enrolment'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'

/*
 * Funding of sessions (session_funder: teaching cost per hour or per place, contract or market
 * reference) and of enrolments (enrolment.funding / funding_reference, inherited from the session
 * when blank), audited in the same transaction as the write.
 */

const isCode = (s: string): s is SessionFunderCode => (SESSION_FUNDER_CODES as readonly string[]).includes(s)
const isFunding = (s: string | null): s is Funding => s !== null && (FUNDING_CODES as readonly string[]).includes(s)

export function sessionFunders(db: Db, sessionId: number): SessionFunder[] {
  if (!db.prepare<[number], { id: number }>('SELECT id FROM session WHERE id = ?').get(sessionId)) throw new AppError('not_found', 'Cette session est introuvable.')
  return db
    .prepare<[number], { code: string; cost: number | null; unit: string | null; reference: string | null }>(
      'SELECT funder_code AS code, teaching_cost_cents AS cost, cost_unit AS unit, reference FROM session_funder WHERE session_id = ?'
    )
    .all(sessionId)
    .flatMap((r): SessionFunder[] => (isCode(r.code) ? [{ code: r.code, teachingCostCents: r.cost, costUnit: r.unit === 'hour' || r.unit === 'place' ? (r.unit satisfies CostUnit) : null, reference: r.reference }] : []))
    // In the list's order (région first, the person last), whatever order they were entered in.
    .sort((a, b) => SESSION_FUNDER_CODES.indexOf(a.code) - SESSION_FUNDER_CODES.indexOf(b.code))
}

export function setSessionFunders(ctx: ServiceContext, sessionId: number, funders: SessionFunder[]): SessionFunder[] {
  return ctx.db.transaction(() => {
    const before = sessionFunders(ctx.db, sessionId)
    for (const f of funders) {
      if (f.teachingCostCents !== null && f.costUnit === null) throw new AppError('invalid_input', 'Indiquez si le coût pédagogique est par heure ou par place.', [{ path: 'funders', message: 'Unité du coût manquante.' }])
    }
    // Funders imported from the catalogue (LHEO numeric codes) are the CARIF's: left as they are.
    ctx.db.prepare('DELETE FROM session_funder WHERE session_id = ? AND funder_code IN (SELECT value FROM json_each(?))').run(sessionId, JSON.stringify(SESSION_FUNDER_CODES))
    const insert = ctx.db.prepare('INSERT INTO session_funder (session_id, funder_code, label, teaching_cost_cents, cost_unit, reference) VALUES (?, ?, ?, ?, ?, ?)')
    for (const f of funders) insert.run(sessionId, f.code, SESSION_FUNDERS[f.code], f.teachingCostCents, f.teachingCostCents === null ? null : f.costUnit, f.reference)
    ctx.db.prepare('UPDATE session SET updated_at = ? WHERE id = ?').run(nowIso(ctx.clock), sessionId)
    const after = sessionFunders(ctx.db, sessionId)
    recordAudit(ctx, { operation: 'session.funders', entity: 'session', entityId: sessionId, before, after })
    return after
  })()
}

/** The contract's answer, named for this service's readers. */
export type EnrolmentFunding = EnrolmentFundingInfo

export function enrolmentFunding(db: Db, enrolmentId: number): EnrolmentFunding {
  const e = db
    .prepare<[number], { sessionId: number; funding: string | null; reference: string | null; employer: string | null }>(
      'SELECT session_id AS sessionId, funding, funding_reference AS reference, employer_name AS employer FROM enrolment WHERE id = ?'
    )
    .get(enrolmentId)
  if (!e) throw new AppError('not_found', 'Cette inscription est introuvable.')
  const q = db
    .prepare<[number], { id: number; number: string; status: string }>(
      "SELECT id, number, status FROM aif_quote WHERE enrolment_id = ? ORDER BY status IN ('draft', 'sent', 'accepted', 'validated') DESC, id DESC LIMIT 1"
    )
    .get(enrolmentId)
  const status = q ? (Object.keys(QUOTE_STATUSES) as QuoteStatus[]).find((s) => s === q.status) : undefined
  return {
    enrolmentId,
    funding: isFunding(e.funding) ? e.funding : null,
    fundingReference: e.reference,
    employerName: e.employer,
    sessionFunders: sessionFunders(db, e.sessionId),
    quote: q && status ? { id: q.id, number: q.number, status, statusLabel: QUOTE_STATUSES[status] } : null
  }
}

/** `employerName` undefined keeps the stored employer (callers that only set the funding). */
export function setEnrolmentFunding(ctx: ServiceContext, enrolmentId: number, funding: Funding | null, fundingReference: string | null, employerName?: string | null): EnrolmentFunding {
  return ctx.db.transaction(() => {
    const before = enrolmentFunding(ctx.db, enrolmentId)
    const employer = employerName === undefined ? before.employerName : employerName
    ctx.db
      .prepare('UPDATE enrolment SET funding = ?, funding_reference = ?, employer_name = ?, updated_at = ? WHERE id = ?')
      .run(funding, fundingReference, employer, nowIso(ctx.clock), enrolmentId)
    const after = enrolmentFunding(ctx.db, enrolmentId)
    recordAudit(ctx, {
      operation: 'enrolment.funding',
      entity: 'enrolment',
      entityId: enrolmentId,
      before: { funding: before.funding, fundingReference: before.fundingReference, employerName: before.employerName },
      after: { funding, fundingReference, employerName: employer }
    })
    return after
  })()
}
