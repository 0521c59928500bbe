import { AppError } from '@shared/api/result'
import { type DateRange, type EnrolmentDatesProposal, movedPlan, PLAN_FOLLOWING_STATUSES, type RecordedFact, sessionDatesRefusal } from '@shared/domain/sessionDates'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'

/*
 * A session's dates and its enrolments (rules in shared/domain/sessionDates.ts): what recorded
 * facts would fall outside new dates (a refusal), which enrolments' planned dates follow the
 * session (a proposal after the change), and moving them (sessions:moveEnrolmentDates).
 */

const LOW = '0000-01-01'
const HIGH = '9999-12-31'

type FactRow = { who: string; kind: RecordedFact['kind']; date: string }

// One statement: per enrolment of the session, the earliest date before the new start and the
// latest after the new end, of attendance (primary key search per enrolment), entry, exit and
// interruptions. Cancelled paths are included: their recorded facts are evidence too.
const FACTS_SQL = `
  WITH e AS (SELECT e.id, e.entry_date, e.exit_date, t.last_name || ' ' || t.first_name AS who
             FROM enrolment e JOIN trainee t ON t.id = e.trainee_id WHERE e.session_id = @sessionId)
  SELECT who, 'attendance' AS kind, min(d.date) AS date FROM e JOIN attendance_day d ON d.enrolment_id = e.id AND d.date < @start GROUP BY e.id
  UNION ALL
  SELECT who, 'attendance', max(d.date) FROM e JOIN attendance_day d ON d.enrolment_id = e.id AND d.date > @end GROUP BY e.id
  UNION ALL
  SELECT who, 'entry', entry_date FROM e WHERE entry_date < @start OR entry_date > @end
  UNION ALL
  SELECT who, 'exit', exit_date FROM e WHERE exit_date < @start OR exit_date > @end
  UNION ALL
  SELECT who, 'interruption', CASE WHEN i.start_date < @start THEN i.start_date ELSE coalesce(i.end_date, i.start_date) END
  FROM e JOIN interruption i ON i.enrolment_id = e.id
  WHERE i.start_date < @start OR i.start_date > @end OR coalesce(i.end_date, i.start_date) > @end`

/** Recorded facts of the session's enrolments that fall outside `next`. */
export function factsOutside(db: Db, sessionId: number, next: DateRange): RecordedFact[] {
  return db.prepare<[{ sessionId: number; start: string; end: string }], FactRow>(FACTS_SQL).all({ sessionId, start: next.start ?? LOW, end: next.end ?? HIGH })
}

/** Refuses new dates that would leave recorded attendance, entries, exits or interruptions outside. */
export function assertDatesKeepFacts(db: Db, sessionId: number, next: DateRange): void {
  const refusal = sessionDatesRefusal(factsOutside(db, sessionId, next), next)
  if (refusal) throw new AppError('refused', refusal)
}

type PlanRow = { id: number; who: string; start: string | null; end: string | null }

const PLANS_SQL = `SELECT e.id, t.last_name || ' ' || t.first_name AS who, e.planned_start_date AS start, e.planned_end_date AS end
  FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
  WHERE e.session_id = ? AND e.status IN (${PLAN_FOLLOWING_STATUSES.map((s) => `'${s}'`).join(', ')})
  ORDER BY t.search_text, t.last_name, t.first_name, e.id`

function plansToMove(db: Db, sessionId: number, previous: DateRange, next: DateRange) {
  return db
    .prepare<[number], PlanRow>(PLANS_SQL)
    .all(sessionId)
    .flatMap((r) => {
      const moved = movedPlan({ start: r.start, end: r.end }, previous, next)
      return moved ? [{ ...r, moved }] : []
    })
}

/** After a change of dates: the enrolments whose planned dates followed the old ones (null when none). */
export function enrolmentDatesProposal(db: Db, sessionId: number, previous: DateRange, next: DateRange): EnrolmentDatesProposal | null {
  const list = plansToMove(db, sessionId, previous, next)
  if (list.length === 0) return null
  return { count: list.length, names: list.slice(0, 6).map((r) => r.who), previous, next }
}

/**
 * sessions:moveEnrolmentDates — the enrolments whose planned dates were the session's `previous`
 * dates get its current ones, in one transaction with one audit entry.
 */
export function moveEnrolmentDates(ctx: ServiceContext, sessionId: number, previous: DateRange): { sessionId: number; moved: number } {
  return ctx.db.transaction(() => {
    const session = ctx.db.prepare<[number], { start: string | null; end: string | null }>('SELECT start_date AS start, end_date AS end FROM session WHERE id = ?').get(sessionId)
    if (!session) throw new AppError('not_found', `La session n° ${sessionId} est introuvable (elle a peut-être été supprimée).`)
    const list = plansToMove(ctx.db, sessionId, previous, session)
    const update = ctx.db.prepare('UPDATE enrolment SET planned_start_date = ?, planned_end_date = ?, updated_at = ? WHERE id = ?')
    const now = nowIso(ctx.clock)
    for (const r of list) update.run(r.moved.start, r.moved.end, now, r.id)
    if (list.length > 0) {
      recordAudit(ctx, {
        operation: 'sessions.moveEnrolmentDates',
        entity: 'session',
        entityId: sessionId,
        before: { previous, enrolments: list.map((r) => ({ id: r.id, start: r.start, end: r.end })) },
        after: { next: session, enrolments: list.map((r) => ({ id: r.id, ...r.moved })) }
      })
    }
    return { sessionId, moved: list.length }
  })()
}
