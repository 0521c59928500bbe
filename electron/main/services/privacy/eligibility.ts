import type { AnonymiseCandidate } from '@shared/api/areas/privacy'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import { enrolmentEnd, lastActivity } from '@shared/domain/retention'
import type { Db } from '../../db/open'

/*
 * Who may be anonymised: people not anonymised yet, with nothing running, whose last activity (the
 * last enrolment's end, a recruitment meeting, a quote's end, their creation) is before a date
 * (shared/domain/retention.ts). A few grouped reads, then the rule in memory: one pass per table.
 */

type PersonRow = { id: number; lastName: string; firstName: string; ftId: string | null; createdAt: string }
type EnrolmentRow = { traineeId: number; status: EnrolmentStatus; exitDate: string | null; statusSince: string; sessionEnd: string | null; plannedEnd: string | null }
type DateRow = { traineeId: number; date: string | null }
type CountRow = { traineeId: number; n: number }

// Only people entered before the cutoff: a last activity is never before the person's creation
// (created_at < @before is createdOn < before for ISO texts), so the others are never due, and a
// dashboard of 20,000 recent trainees reads none of their rows.
const PERSON = 't.anonymised_at IS NULL AND t.created_at < @before'
const PEOPLE_SQL = `SELECT t.id, t.last_name AS lastName, t.first_name AS firstName, t.ft_id AS ftId, t.created_at AS createdAt
  FROM trainee t WHERE ${PERSON}`
const ENROLMENTS_SQL = `SELECT e.trainee_id AS traineeId, e.status, e.exit_date AS exitDate, e.status_since AS statusSince,
    s.end_date AS sessionEnd, e.planned_end_date AS plannedEnd
  FROM trainee t CROSS JOIN enrolment e ON e.trainee_id = t.id JOIN session s ON s.id = e.session_id WHERE ${PERSON}`
const OTHER_DATES_SQL = `SELECT r.trainee_id AS traineeId, coalesce(ev.end_date, ev.date) AS date
    FROM trainee t CROSS JOIN registration r ON r.trainee_id = t.id JOIN recruitment_event ev ON ev.id = r.event_id WHERE ${PERSON}
  UNION ALL SELECT q.trainee_id, q.end_date FROM trainee t CROSS JOIN aif_quote q ON q.trainee_id = t.id WHERE ${PERSON}`
const DOCUMENTS_SQL = `SELECT t.id AS traineeId, count(DISTINCT d.id) AS n FROM trainee t
  JOIN generated_document d ON d.trainee_id = t.id OR d.enrolment_id IN (SELECT e.id FROM enrolment e WHERE e.trainee_id = t.id)
  WHERE ${PERSON} GROUP BY t.id`

function group<T extends { traineeId: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const r of rows) {
    const list = map.get(r.traineeId)
    if (list) list.push(r)
    else map.set(r.traineeId, [r])
  }
  return map
}

/** Everyone whose last activity is before `before`, ordered by name; `today` decides which sessions are over. */
export function anonymisationCandidates(db: Db, before: string, today: string, only: ReadonlySet<number> | null = null): AnonymiseCandidate[] {
  const params = { before }
  const people = db.prepare<[typeof params], PersonRow>(PEOPLE_SQL).all(params)
  if (people.length === 0) return []
  const enrolments = group(db.prepare<[typeof params], EnrolmentRow>(ENROLMENTS_SQL).all(params))
  const others = group(db.prepare<[typeof params], DateRow>(OTHER_DATES_SQL).all(params))
  const documents = new Map(db.prepare<[typeof params], CountRow>(DOCUMENTS_SQL).all(params).map((r) => [r.traineeId, r.n]))
  const out: AnonymiseCandidate[] = []
  for (const p of people) {
    if (only && !only.has(p.id)) continue
    const own = enrolments.get(p.id) ?? []
    const last = lastActivity({
      enrolmentEnds: own.map((e) => enrolmentEnd(e, today)),
      otherDates: (others.get(p.id) ?? []).map((d) => d.date),
      createdOn: p.createdAt.slice(0, 10)
    })
    if (last === null || last >= before) continue
    out.push({ id: p.id, lastName: p.lastName, firstName: p.firstName, ftId: p.ftId, lastActivity: last, enrolments: own.length, documents: documents.get(p.id) ?? 0 })
  }
  return out.sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr') || a.id - b.id)
}
