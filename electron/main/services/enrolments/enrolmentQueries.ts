import type { DeclarationState, EnrolmentCursor, EnrolmentDetail, EnrolmentEvent, EnrolmentFilter, EnrolmentPage, EnrolmentRow, Interruption } from '@shared/api/areas/enrolments'
import { AppError } from '@shared/api/result'
import { declarationState } from '@shared/domain/deadlines'
import { interruptionLength } from '@shared/domain/interruptions'
import { allowedTransitions, statusLabel } from '@shared/domain/enrolmentStateMachine'
import type { HolidayOptions } from '@shared/domain/frenchHolidays'
import { sessionName } from '@shared/domain/recruitmentRules'
import { foldForSearch } from '@shared/domain/text'
import type { Db } from '../../db/open'
import { deadlineBounds, holidayOptions } from './deadlineBounds'
import { oneRow } from '../../db/oneRow'

/*
 * Reading enrolments: the grid's rows, one enrolment's detail, and the filter shared with the
 * dashboard. Every filter is an index search (see test/services/queryPlans.test.ts): the deadline
 * states come from `kairos_pending_since` (the oldest undeclared event, kept by every write) and
 * the session's start date, compared with date bounds computed once per call (deadlineBounds.ts).
 */

export type Params = Record<string, string | number>
export type Query = { sql: string; params: Params }

/** The rows to show first. */
export type RowOrder = 'recent' | 'oldestPending' | 'longestInStatus'

const ORDER_BY: Record<RowOrder, string> = {
  // Newest enrolments first: walks the table backwards and stops at the limit, no sort.
  recent: 'e.id DESC',
  oldestPending: 'e.kairos_pending_since, e.id',
  longestInStatus: 'e.status_since, e.id'
}

// The columns come out named and ordered as EnrolmentRow: the rows are completed in place (session
// label, deadline of the pending declaration), not copied, so the service adds little to its SQL.
const ROW_COLUMNS = `
  e.id, e.session_id AS sessionId, s.label AS sessionLabel, t.title AS trainingTitle, s.intercarif_session_id AS intercarifSessionId,
  s.start_date AS sessionStartDate, s.end_date AS sessionEndDate,
  e.trainee_id AS traineeId, p.last_name AS lastName, p.first_name AS firstName, p.ft_id AS ftId,
  e.status, e.status_since AS statusSince, e.funding, e.planned_start_date AS plannedStartDate, e.planned_end_date AS plannedEndDate,
  e.planned_hours AS plannedHours, e.entry_date AS entryDate, e.exit_date AS exitDate,
  CASE WHEN pe.id IS NULL THEN NULL ELSE json_object('eventId', pe.id, 'kind', pe.kind, 'effectiveDate', pe.effective_date) END AS pendingDeclaration,
  EXISTS (SELECT 1 FROM interruption i
          WHERE i.enrolment_id = e.id AND i.start_date <= @today AND (i.end_date IS NULL OR i.end_date >= @today)) AS interrupted`

// The oldest undeclared event is found from the denormalised date: one index probe per row.
const ROW_FROM = `
  FROM enrolment e
  JOIN session s ON s.id = e.session_id
  JOIN training t ON t.id = s.training_id
  JOIN trainee p ON p.id = e.trainee_id
  LEFT JOIN enrolment_event pe ON e.kairos_pending_since <= @today AND pe.id = (
    SELECT ev.id FROM enrolment_event ev
    WHERE ev.enrolment_id = e.id AND ev.effective_date = e.kairos_pending_since
      AND ev.requires_declaration = 1 AND ev.kairos_declared_on IS NULL
    ORDER BY ev.id LIMIT 1)`

/** A row as SQLite gives it, before `toRows` completes it in place. */
type RawRow = Omit<EnrolmentRow, 'pendingDeclaration' | 'interrupted' | 'sessionLabel'> & {
  sessionLabel: string | null
  pendingDeclaration: string | null
  interrupted: number
}

type FilterInput = Omit<EnrolmentFilter, 'limit' | 'today'> & { limit?: number }

/**
 * The WHERE clause of a filter, shared by the grid, its counts and the dashboard: a counter and
 * the grid it opens select the same rows because they run the same conditions.
 */
export function enrolmentWhere(
  filter: FilterInput,
  today: string,
  options: HolidayOptions = {}
): { where: string; params: Params; joinsSession: boolean; joinsTrainee: boolean } {
  const conditions: string[] = []
  const params: Params = { today }
  let joinsSession = false
  let joinsTrainee = false
  const statuses = [...new Set(filter.statuses ?? [])]
  if (filter.statuses !== undefined) {
    if (statuses.length === 0) conditions.push('0')
    else {
      conditions.push(`e.status IN (${statuses.map((_, i) => `@status${i}`).join(', ')})`)
      statuses.forEach((s, i) => (params[`status${i}`] = s))
    }
  }
  if (filter.sessionId !== undefined) {
    conditions.push('e.session_id = @sessionId')
    params.sessionId = filter.sessionId
  }
  if (filter.traineeId !== undefined) {
    conditions.push('e.trainee_id = @traineeId')
    params.traineeId = filter.traineeId
  }
  const needsBounds = filter.declaration !== undefined || filter.entry !== undefined
  if (needsBounds) params.lateOnOrBefore = deadlineBounds(today, options).lateOnOrBefore
  switch (filter.declaration) {
    case undefined:
      break
    case 'any_pending':
      conditions.push('e.kairos_pending_since IS NOT NULL AND e.kairos_pending_since <= @today')
      break
    case 'en_retard':
      conditions.push('e.kairos_pending_since IS NOT NULL AND e.kairos_pending_since <= @lateOnOrBefore')
      break
    case 'a_faire':
      conditions.push('e.kairos_pending_since IS NOT NULL AND e.kairos_pending_since > @lateOnOrBefore AND e.kairos_pending_since <= @today')
      break
  }
  if (filter.entry !== undefined) {
    joinsSession = true
    conditions.push(`e.status = 'inscrit' AND s.start_date <= @today`)
    conditions.push(filter.entry === 'en_retard' ? 's.start_date <= @lateOnOrBefore' : 's.start_date > @lateOnOrBefore')
  }
  // Accent- and case-insensitive, every word somewhere in the person's folded text (as in the
  // trainee registry). Alone, the trainee table is read once and the enrolments of the matches are
  // found by their index; with a session or a person, the few enrolments are tested one by one.
  const terms = foldForSearch(filter.search ?? '').split(/\s+/).filter(Boolean).slice(0, 6)
  if (terms.length > 0) {
    const narrow = filter.sessionId !== undefined || filter.traineeId !== undefined
    const alias = narrow ? 'p' : 'm'
    const likes = terms.map((term, i) => {
      params[`term${i}`] = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      return `${alias}.search_text LIKE @term${i} ESCAPE '\\'`
    })
    if (narrow) {
      joinsTrainee = true
      conditions.push(likes.join(' AND '))
    } else conditions.push(`e.trainee_id IN (SELECT m.id FROM trainee m WHERE ${likes.join(' AND ')})`)
  }
  return { where: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params, joinsSession, joinsTrainee }
}

/** The grid's query for a filter (exposed for the query-plan test and the benchmark). */
export function enrolmentListQuery(filter: FilterInput, today: string, order: RowOrder = 'recent', options: HolidayOptions = {}): Query {
  const { where, params } = enrolmentWhere(filter, today, options)
  return {
    sql: `SELECT ${ROW_COLUMNS} ${ROW_FROM} ${where} ORDER BY ${ORDER_BY[order]} LIMIT @limit`,
    params: { ...params, limit: filter.limit ?? 20_000 }
  }
}

/** How many enrolments a filter selects: what a dashboard counter shows. */
export function enrolmentCountQuery(filter: FilterInput, today: string, options: HolidayOptions = {}): Query {
  const { where, params, joinsSession, joinsTrainee } = enrolmentWhere(filter, today, options)
  const joins = `${joinsSession ? 'JOIN session s ON s.id = e.session_id' : ''} ${joinsTrainee ? 'JOIN trainee p ON p.id = e.trainee_id' : ''}`
  return { sql: `SELECT count(*) AS n FROM enrolment e ${joins} ${where}`, params }
}

/** Due dates repeat a lot (a session's entries share a date): computed once per date and call. */
class DeadlineCache {
  private readonly states = new Map<string, { dueDate: string; state: DeclarationState }>()
  constructor(
    private readonly today: string,
    private readonly options: HolidayOptions
  ) {}

  pending(effectiveDate: string): { dueDate: string; state: DeclarationState } {
    let s = this.states.get(effectiveDate)
    if (!s) {
      const d = declarationState({ effectiveDate, declaredOn: null, today: this.today }, this.options)
      s = { dueDate: d.dueDate, state: d.state }
      this.states.set(effectiveDate, s)
    }
    return s
  }

  declared(effectiveDate: string, declaredOn: string): { dueDate: string; state: DeclarationState } {
    const d = declarationState({ effectiveDate, declaredOn, today: this.today }, this.options)
    return { dueDate: d.dueDate, state: d.state }
  }
}

type PendingJson = { eventId: number; kind: string; effectiveDate: string }

function toRows(raw: RawRow[], cache: DeadlineCache): EnrolmentRow[] {
  const names = new Map<number, string>()
  for (const r of raw) {
    let label = names.get(r.sessionId)
    if (label === undefined) {
      label = sessionName({ label: r.sessionLabel, trainingTitle: r.trainingTitle, startDate: r.sessionStartDate, intercarifSessionId: r.intercarifSessionId })
      names.set(r.sessionId, label)
    }
    const row = r as unknown as EnrolmentRow
    row.sessionLabel = label
    if (r.pendingDeclaration !== null) {
      const p = JSON.parse(r.pendingDeclaration) as PendingJson
      row.pendingDeclaration = { ...p, ...cache.pending(p.effectiveDate) }
    }
    row.interrupted = r.interrupted === 1
  }
  return raw as unknown as EnrolmentRow[]
}

export function listEnrolments(db: Db, filter: FilterInput, today: string, order: RowOrder = 'recent'): EnrolmentRow[] {
  const options = holidayOptions(db)
  const q = enrolmentListQuery(filter, today, order, options)
  return toRows(db.prepare<unknown[], RawRow>(q.sql).all(q.params), new DeadlineCache(today, options))
}

/**
 * One page of the grid (newest first), below `after` (the previous page's `next`): a keyset on the
 * id, so the table is walked backwards from there and a row created meanwhile shifts nothing. The
 * total is the filter's count at the time of this page, the same query as a dashboard counter.
 */
export function pageEnrolments(db: Db, filter: Omit<FilterInput, 'limit'>, page: { after?: EnrolmentCursor; limit: number }, today: string): EnrolmentPage {
  const options = holidayOptions(db)
  const { where, params } = enrolmentWhere(filter, today, options)
  const after = page.after ? `${where ? `${where} AND` : 'WHERE'} e.id < @afterId` : where
  // One row more than asked says whether another page follows, without a last empty call.
  const raw = db
    .prepare<unknown[], RawRow>(`SELECT ${ROW_COLUMNS} ${ROW_FROM} ${after} ORDER BY ${ORDER_BY.recent} LIMIT @limit`)
    .all({ ...params, ...(page.after ? { afterId: page.after.id } : {}), limit: page.limit + 1 })
  const more = raw.length > page.limit
  if (more) raw.length = page.limit
  const rows = toRows(raw, new DeadlineCache(today, options))
  const last = rows[rows.length - 1]
  return { rows, total: countEnrolments(db, filter, today, options), next: more && last ? { id: last.id } : null }
}

export function countEnrolments(db: Db, filter: FilterInput, today: string, options: HolidayOptions = holidayOptions(db)): number {
  const q = enrolmentCountQuery(filter, today, options)
  return oneRow(db.prepare<unknown[], { n: number }>(q.sql), q.params).n
}

export function rowsByIds(db: Db, ids: readonly number[], today: string): EnrolmentRow[] {
  const options = holidayOptions(db)
  const raw = db
    .prepare<unknown[], RawRow>(`SELECT ${ROW_COLUMNS} ${ROW_FROM} WHERE e.id IN (SELECT value FROM json_each(@ids)) ORDER BY e.id`)
    .all({ ids: JSON.stringify([...new Set(ids)]), today })
  return toRows(raw, new DeadlineCache(today, options))
}

export function getRow(db: Db, id: number, today: string): EnrolmentRow {
  const row = rowsByIds(db, [id], today)[0]
  if (!row) throw new AppError('not_found', `L’inscription n° ${id} est introuvable (elle a peut-être été supprimée).`)
  return row
}

type RawEvent = Omit<EnrolmentEvent, 'requiresDeclaration' | 'dueDate' | 'declarationState'> & { requiresDeclaration: number }

export const EVENT_COLUMNS = `
  ev.id, ev.kind, ev.from_status AS fromStatus, ev.to_status AS toStatus, ev.effective_date AS effectiveDate,
  ev.reason_code AS reasonCode, ev.reason_label AS reasonLabel, ev.comment, ev.recorded_at AS recordedAt,
  ev.recorded_by AS recordedBy, ev.requires_declaration AS requiresDeclaration,
  ev.kairos_declared_on AS kairosDeclaredOn, ev.kairos_declared_by AS kairosDeclaredBy`

function toEvent(r: RawEvent, cache: DeadlineCache): EnrolmentEvent {
  const requires = r.requiresDeclaration === 1
  const d = !requires ? null : r.kairosDeclaredOn === null ? cache.pending(r.effectiveDate) : cache.declared(r.effectiveDate, r.kairosDeclaredOn)
  return { ...r, requiresDeclaration: requires, dueDate: d?.dueDate ?? null, declarationState: d?.state ?? null }
}

export function getEvent(db: Db, id: number, today: string): EnrolmentEvent & { enrolmentId: number } {
  const raw = db.prepare<unknown[], | (RawEvent & { enrolmentId: number })>(`SELECT ${EVENT_COLUMNS}, ev.enrolment_id AS enrolmentId FROM enrolment_event ev WHERE ev.id = ?`).get(id)
  if (!raw) throw new AppError('not_found', `L’événement n° ${id} est introuvable (il a peut-être été supprimé).`)
  const { enrolmentId, ...rest } = raw
  return { ...toEvent(rest, new DeadlineCache(today, holidayOptions(db))), enrolmentId }
}

type RawInterruption = Omit<Interruption, 'days'>

export const INTERRUPTION_COLUMNS = `
  i.id, i.enrolment_id AS enrolmentId, i.start_date AS startDate, i.end_date AS endDate, i.reason, i.comment`

export function toInterruption(r: RawInterruption): Interruption {
  return { ...r, days: r.endDate === null ? null : interruptionLength(r.startDate, r.endDate) }
}

/** The grid's row, the whole history (newest first), the interruptions and the possible next statuses. */
export function getEnrolment(db: Db, id: number, today: string): EnrolmentDetail {
  const row = getRow(db, id, today)
  const cache = new DeadlineCache(today, holidayOptions(db))
  const events = (
    db.prepare<unknown[], RawEvent>(`SELECT ${EVENT_COLUMNS} FROM enrolment_event ev WHERE ev.enrolment_id = ? ORDER BY ev.effective_date DESC, ev.id DESC`).all(id)
  ).map((e) => toEvent(e, cache))
  const interruptions = (
    db.prepare<unknown[], RawInterruption>(`SELECT ${INTERRUPTION_COLUMNS} FROM interruption i WHERE i.enrolment_id = ? ORDER BY i.start_date, i.id`).all(id)
  ).map(toInterruption)
  const allowed = allowedTransitions(row.status).map((t) => ({
    to: t.to,
    label: statusLabel(t.to),
    needsDate: t.requires.effectiveDate,
    reasonKind: t.requires.reason
  }))
  return { ...row, events, interruptions, allowed }
}
