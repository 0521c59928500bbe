import type { AttendanceMonthGrid, AttendanceRow, AttendanceSessionSummary } from '@shared/api/areas/attendance'
import {
  type AttendanceDay,
  type CellValue,
  cellFromStored,
  monthBounds,
  monthDays,
  monthLabelFr,
  type Period,
  rowCalendar
} from '@shared/domain/attendance'
import { type LedgerDay, summarise, sumSummaries, totalsFromLedger } from '@shared/domain/hoursLedger'
import { attendanceWindow } from '@shared/domain/deadlines'
import type { HolidayOptions } from '@shared/domain/frenchHolidays'
import { sessionName } from '@shared/domain/recruitmentRules'
import type { Db } from '../../db/open'

/*
 * Reading a month of attendance: four statements, pivoted in JS.
 *   1. the rows: enrolments in training during the month (entered by its last day, not left before
 *      its first — the dashboard's rule), with trainee, session and attestation;
 *   2. attendance_day of those enrolments for the month: a search of its primary key
 *      (enrolment_id, date) per enrolment, never a scan;
 *   3. their interruptions overlapping the month;  4. their sessions' breaks overlapping the month.
 */

export type MonthScope = { sessionId?: number; enrolmentIds?: readonly number[] }

/** A row as the services work on it: the contract's row plus what checking and writing need. */
export type LoadedRow = AttendanceRow & {
  sessionStart: string | null
  sessionEnd: string | null
  weekly: number[] | null
  interruptions: Period[]
  breaks: Period[]
}

/** `asOf`: today for the service (days after it are locked 'future'); null: no day is future. */
export type LoadedMonth = { month: string; days: AttendanceDay[]; rows: LoadedRow[]; asOf: string | null }

type RowRecord = {
  enrolmentId: number
  sessionId: number
  traineeId: number
  status: string
  entryDate: string | null
  exitDate: string | null
  weeklyJson: string | null
  sessionStart: string | null
  sessionEnd: string | null
  label: string | null
  trainingTitle: string
  intercarifSessionId: string | null
  lastName: string
  firstName: string
  ftId: string | null
  attestedAt: string | null
  attestedBy: string | null
}

// In training during the month: the dashboard's definition (attendanceMissingQuery), so that a
// row of the grid and a line of the « assiduité à saisir » counter are the same enrolments.
const ACTIVE = `e.entry_date <= @last AND (e.status = 'entre' OR (e.status IN ('sorti', 'abandon') AND e.exit_date >= @first))`

function selector(scope: MonthScope): string {
  if (scope.enrolmentIds !== undefined) {
    return `SELECT e.id FROM json_each(@ids) AS j CROSS JOIN enrolment e WHERE e.id = j.value AND ${ACTIVE}`
  }
  if (scope.sessionId !== undefined) {
    return `SELECT e.id FROM enrolment e WHERE e.session_id = @sessionId AND e.status IN ('entre', 'sorti', 'abandon') AND ${ACTIVE}`
  }
  // Two index searches on (status, exit_date, entry_date, session_id): those still in training,
  // those who left during or after the month.
  return `SELECT e.id FROM enrolment e WHERE e.status = 'entre' AND e.entry_date <= @last
          UNION ALL
          SELECT e.id FROM enrolment e WHERE e.status IN ('sorti', 'abandon') AND e.exit_date >= @first AND e.entry_date <= @last`
}

const rowsSql = (scope: MonthScope) => `
  WITH active(id) AS (${selector(scope)})
  SELECT e.id AS enrolmentId, e.session_id AS sessionId, e.trainee_id AS traineeId, e.status, e.entry_date AS entryDate, e.exit_date AS exitDate,
         coalesce(e.weekly_hours_json, s.weekly_hours_json) AS weeklyJson, s.start_date AS sessionStart, s.end_date AS sessionEnd,
         s.label, tr.title AS trainingTitle, s.intercarif_session_id AS intercarifSessionId,
         t.last_name AS lastName, t.first_name AS firstName, t.ft_id AS ftId,
         m.attested_at AS attestedAt, m.attested_by AS attestedBy
  FROM active a
  JOIN enrolment e ON e.id = a.id
  JOIN session s ON s.id = e.session_id
  JOIN training tr ON tr.id = s.training_id
  JOIN trainee t ON t.id = e.trainee_id
  LEFT JOIN attendance_month m ON m.enrolment_id = e.id AND m.month = @month
  ORDER BY s.start_date, s.id, t.search_text, t.last_name, t.first_name, e.id`

// `json_each(?) CROSS JOIN table`: SQLite keeps the order of a CROSS JOIN, so each table is
// searched by its index, one id at a time, whatever the statistics say (after ANALYZE, a small
// interruption table would otherwise be scanned).
export const DAYS_SQL = `SELECT d.enrolment_id, d.date, d.hours, d.absence_code, d.forced
  FROM json_each(?) AS j CROSS JOIN attendance_day AS d
  WHERE d.enrolment_id = j.value AND d.date BETWEEN ? AND ?`

const INTERRUPTIONS_SQL = `SELECT i.enrolment_id, i.start_date, i.end_date
  FROM json_each(?) AS j CROSS JOIN interruption AS i
  WHERE i.enrolment_id = j.value AND i.start_date <= ? AND (i.end_date IS NULL OR i.end_date >= ?)`

const BREAKS_SQL = `SELECT b.session_id, b.start_date, b.end_date
  FROM json_each(?) AS j CROSS JOIN session_break AS b
  WHERE b.session_id = j.value AND b.start_date <= ? AND b.end_date >= ?`

/** Rows as arrays (no object per row); the mode is set on the statement, then `all` runs it. */
function rawRows<R extends unknown[]>(db: Db, sql: string, ...params: (string | number)[]): R[] {
  const statement = db.prepare<(string | number)[], R>(sql)
  statement.raw(true)
  return statement.all(...params)
}

function parseWeekly(json: string | null, cache: Map<string, number[] | null>): number[] | null {
  if (json === null) return null
  let weekly = cache.get(json)
  if (weekly === undefined) {
    const parsed: unknown = JSON.parse(json)
    weekly = Array.isArray(parsed) && parsed.length === 7 && parsed.every((h) => typeof h === 'number') ? (parsed as number[]) : null
    cache.set(json, weekly)
  }
  return weekly
}

/**
 * `withTotals: false` leaves the totals to the caller (a save computes them once, after its writes);
 * planned hours and locked days are always computed. `asOf` is today: later days are locked
 * 'future' and never counted as done (null: none is, for the benchmark's bare reads).
 */
export function loadMonth(db: Db, month: string, scope: MonthScope, options: HolidayOptions, withTotals = true, asOf: string | null = null): LoadedMonth {
  const { first, last } = monthBounds(month)
  const days = monthDays(month, options)
  const params: Record<string, string | number> = { month, first, last }
  if (scope.enrolmentIds !== undefined) params.ids = JSON.stringify(scope.enrolmentIds)
  else if (scope.sessionId !== undefined) params.sessionId = scope.sessionId
  const records = db.prepare<unknown[], RowRecord>(rowsSql(scope)).all(params)
  if (records.length === 0) return { month, days, rows: [], asOf }

  const ids = JSON.stringify(records.map((r) => r.enrolmentId))
  const dayRows = rawRows<[number, string, number | null, string | null, number]>(db, DAYS_SQL, ids, first, last)
  const interruptionRows = rawRows<[number, string, string | null]>(db, INTERRUPTIONS_SQL, ids, last, first)
  const sessionIds = JSON.stringify([...new Set(records.map((r) => r.sessionId))])
  const breakRows = rawRows<[number, string, string]>(db, BREAKS_SQL, sessionIds, last, first)

  const interruptions = new Map<number, Period[]>()
  for (const [e, start, end] of interruptionRows) {
    const list = interruptions.get(e) ?? []
    list.push({ start, end })
    interruptions.set(e, list)
  }
  const breaks = new Map<number, Period[]>()
  for (const [s, start, end] of breakRows) {
    const list = breaks.get(s) ?? []
    list.push({ start, end })
    breaks.set(s, list)
  }

  const n = days.length
  const weeklyCache = new Map<string, number[] | null>()
  const labels = new Map<number, string>()
  const index = new Map<number, LoadedRow>()
  const rows = records.map((r): LoadedRow => {
    let sessionLabel = labels.get(r.sessionId)
    if (sessionLabel === undefined) {
      sessionLabel = sessionName({ label: r.label, trainingTitle: r.trainingTitle, intercarifSessionId: r.intercarifSessionId, startDate: r.sessionStart })
      labels.set(r.sessionId, sessionLabel)
    }
    const row: LoadedRow = {
      enrolmentId: r.enrolmentId,
      sessionId: r.sessionId,
      sessionLabel,
      traineeId: r.traineeId,
      lastName: r.lastName,
      firstName: r.firstName,
      ftId: r.ftId,
      status: r.status,
      entryDate: r.entryDate,
      exitDate: r.exitDate,
      values: new Array<CellValue>(n).fill(null),
      planned: [],
      locked: [],
      forced: [],
      totals: EMPTY_TOTALS,
      ledger: EMPTY_LEDGER,
      attested: r.attestedAt !== null ? { at: r.attestedAt, by: r.attestedBy ?? '' } : null,
      sessionStart: r.sessionStart,
      sessionEnd: r.sessionEnd,
      weekly: parseWeekly(r.weeklyJson, weeklyCache),
      interruptions: interruptions.get(r.enrolmentId) ?? [],
      breaks: breaks.get(r.sessionId) ?? []
    }
    index.set(r.enrolmentId, row)
    return row
  })

  for (const [e, date, hours, code, forced] of dayRows) {
    const row = index.get(e)
    if (!row) continue
    const i = Number(date.slice(8, 10)) - 1
    row.values[i] = cellFromStored(hours, code)
    if (forced === 1) row.forced.push(i)
  }
  const loaded: LoadedMonth = { month, days, rows, asOf }
  for (const row of rows) {
    applyCalendar(row, loaded)
    if (withTotals) applyTotals(row, loaded)
  }
  return loaded
}

// Placeholders until applyTotals runs (shared: never mutated, always replaced).
const EMPTY_LEDGER = summarise([], '', '', '')
const EMPTY_TOTALS = totalsFromLedger(EMPTY_LEDGER)

/** Planned hours and locked days of a row, from its dates, planning, breaks, attestation and today. */
export function applyCalendar(row: LoadedRow, { days, asOf }: LoadedMonth): void {
  const calendar = rowCalendar(days, {
    entryDate: row.entryDate,
    exitDate: row.exitDate,
    sessionStart: row.sessionStart,
    sessionEnd: row.sessionEnd,
    weekly: row.weekly,
    interruptions: row.interruptions,
    breaks: row.breaks,
    attested: row.attested !== null,
    today: asOf
  })
  row.planned = calendar.planned
  row.locked = calendar.locked
}

/**
 * Totals of a row: its month run through the hours ledger (summarise), built from what the grid
 * already loaded, so that the grid's totals are the ledger's by construction (no query per row).
 */
export function applyTotals(row: LoadedRow, loaded: LoadedMonth): void {
  row.forced.sort((a, b) => a - b)
  const { first, last } = monthBounds(loaded.month)
  const until = loaded.asOf ?? last
  const ledgerDays = scratchDays(loaded, until)
  for (let i = 0; i < ledgerDays.length; i++) {
    const d = ledgerDays[i] as LedgerDay
    const locked = row.locked[i] ?? null
    d.presence = locked === 'attested' || locked === 'future' ? null : locked
    d.planned = row.planned[i] ?? 0
    d.value = d.future ? null : (row.values[i] ?? null)
  }
  row.ledger = summarise(ledgerDays, first, last, until)
  row.totals = totalsFromLedger(row.ledger)
}

// One set of ledger days per loaded month, refilled for each row (summarise keeps no reference):
// a month of 5,000 rows allocates 31 objects, not 155,000.
const scratch = new WeakMap<LoadedMonth, LedgerDay[]>()
function scratchDays(loaded: LoadedMonth, until: string): LedgerDay[] {
  let list = scratch.get(loaded)
  if (!list) {
    list = loaded.days.map((d): LedgerDay => ({ date: d.date, weekday: d.weekday, weekend: d.weekend, holiday: d.holiday, presence: null, planned: 0, future: d.date > until, value: null }))
    scratch.set(loaded, list)
  }
  return list
}

/** The contract's row: the service-only fields left out. */
export function publicRow(row: LoadedRow): AttendanceRow {
  const { sessionStart: _s, sessionEnd: _e, weekly: _w, interruptions: _i, breaks: _b, ...rest } = row
  return rest
}

export function sessionSummaries(rows: readonly AttendanceRow[]): AttendanceSessionSummary[] {
  const bySession = new Map<number, AttendanceSessionSummary>()
  for (const row of rows) {
    let s = bySession.get(row.sessionId)
    if (!s) {
      s = { sessionId: row.sessionId, label: row.sessionLabel, trainees: 0, attestedTrainees: 0, attested: null }
      bySession.set(row.sessionId, s)
    }
    s.trainees++
    if (row.attested) {
      s.attestedTrainees++
      if (s.attested === null || row.attested.at > s.attested.at) s.attested = row.attested
    }
  }
  const list = [...bySession.values()]
  for (const s of list) if (s.attestedTrainees < s.trainees) s.attested = null
  return list
}

export function toGrid(loaded: LoadedMonth, sessionId: number | null): AttendanceMonthGrid {
  const rows = loaded.rows.map(publicRow)
  const { first, last } = monthBounds(loaded.month)
  const asOf = loaded.asOf ?? last
  return {
    month: loaded.month,
    monthLabel: monthLabelFr(loaded.month),
    sessionId,
    days: loaded.days,
    rows,
    sessions: sessionSummaries(rows),
    canAttestFrom: attendanceWindow(loaded.month).opensOn,
    asOf,
    totals: sumSummaries(
      rows.map((r) => r.ledger),
      first,
      last,
      asOf
    )
  }
}

export function getMonthGrid(db: Db, month: string, sessionId: number | null, options: HolidayOptions, asOf: string): AttendanceMonthGrid {
  return toGrid(loadMonth(db, month, sessionId === null ? {} : { sessionId }, options, true, asOf), sessionId)
}
