import { isAbsenceCode, type Period } from '@shared/domain/attendance'
import { hoursLedger, type Ledger, type LedgerCalendar, type LedgerEntry } from '@shared/domain/hoursLedger'
import type { HolidayOptions } from '@shared/domain/frenchHolidays'
import type { Db } from '../../db/open'
import { holidayOptions } from '../enrolments/deadlineBounds'
import { parseWeekly } from '../sessions/weeklyJson'

/*
 * Reads what the hours ledger needs for enrolments (dates, planning, interruptions, session breaks,
 * attendance days) and runs the pure ledger. Every hour a screen, a document or an invoice shows
 * comes through here (docs/domain.md « Heures »).
 */

export type EnrolmentCalendar = LedgerCalendar & { enrolmentId: number; sessionId: number }

type CalendarRow = {
  enrolmentId: number
  sessionId: number
  entryDate: string | null
  exitDate: string | null
  sessionStart: string | null
  sessionEnd: string | null
  weeklyJson: string | null
}

const CALENDAR_SQL = `SELECT e.id AS enrolmentId, e.session_id AS sessionId, e.entry_date AS entryDate, e.exit_date AS exitDate,
    s.start_date AS sessionStart, s.end_date AS sessionEnd, coalesce(e.weekly_hours_json, s.weekly_hours_json) AS weeklyJson
  FROM json_each(?) AS j CROSS JOIN enrolment e JOIN session s ON s.id = e.session_id
  WHERE e.id = j.value`

function groupPeriods(rows: readonly { id: number; start: string; end: string | null }[]): Map<number, Period[]> {
  const map = new Map<number, Period[]>()
  for (const r of rows) {
    const list = map.get(r.id) ?? []
    list.push({ start: r.start, end: r.end })
    map.set(r.id, list)
  }
  return map
}

/** The calendars of enrolments (in the order of the ids given; unknown ids are left out). */
export function loadCalendars(db: Db, enrolmentIds: readonly number[]): EnrolmentCalendar[] {
  if (enrolmentIds.length === 0) return []
  const ids = JSON.stringify(enrolmentIds)
  const rows = db.prepare<[string], CalendarRow>(CALENDAR_SQL).all(ids)
  const interruptions = groupPeriods(
    db
      .prepare<[string], { id: number; start: string; end: string | null }>(
        'SELECT i.enrolment_id AS id, i.start_date AS start, i.end_date AS end FROM json_each(?) AS j CROSS JOIN interruption i WHERE i.enrolment_id = j.value'
      )
      .all(ids)
  )
  const sessionIds = JSON.stringify([...new Set(rows.map((r) => r.sessionId))])
  const breaks = groupPeriods(
    db
      .prepare<[string], { id: number; start: string; end: string }>(
        'SELECT b.session_id AS id, b.start_date AS start, b.end_date AS end FROM json_each(?) AS j CROSS JOIN session_break b WHERE b.session_id = j.value'
      )
      .all(sessionIds)
  )
  const byId = new Map(rows.map((r) => [r.enrolmentId, r]))
  return enrolmentIds.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    return [
      {
        enrolmentId: r.enrolmentId,
        sessionId: r.sessionId,
        entryDate: r.entryDate,
        exitDate: r.exitDate,
        sessionStart: r.sessionStart,
        sessionEnd: r.sessionEnd,
        weekly: parseWeekly(r.weeklyJson),
        interruptions: interruptions.get(r.enrolmentId) ?? [],
        breaks: breaks.get(r.sessionId) ?? []
      }
    ]
  })
}

/** Attendance days of enrolments within [from, to], by enrolment. */
export function loadEntries(db: Db, enrolmentIds: readonly number[], from: string, to: string): Map<number, LedgerEntry[]> {
  const map = new Map<number, LedgerEntry[]>()
  if (enrolmentIds.length === 0) return map
  const rows = db
    .prepare<[string, string, string], { id: number; date: string; hours: number | null; code: string | null }>(
      `SELECT d.enrolment_id AS id, d.date, d.hours, d.absence_code AS code
       FROM json_each(?) AS j CROSS JOIN attendance_day d
       WHERE d.enrolment_id = j.value AND d.date BETWEEN ? AND ?`
    )
    .all(JSON.stringify(enrolmentIds), from, to)
  for (const r of rows) {
    const list = map.get(r.id) ?? []
    list.push({ date: r.date, hours: r.hours, code: r.code !== null && isAbsenceCode(r.code) ? r.code : null })
    map.set(r.id, list)
  }
  return map
}

/** The period an enrolment's ledger covers by default: from entry (or session start) to exit (or session end). */
export function enrolmentSpan(c: LedgerCalendar): { from: string; to: string } | null {
  const from = c.entryDate ?? c.sessionStart
  const to = c.exitDate ?? c.sessionEnd
  return from !== null && to !== null && to >= from ? { from, to } : null
}

export type EnrolmentLedger = Ledger & { enrolmentId: number; sessionId: number; calendar: EnrolmentCalendar }

/**
 * The ledgers of enrolments over [from, to] (or each one's own span when no period is given),
 * as of asOf. Enrolments without a span (never entered, no session dates) get no ledger.
 */
export function enrolmentLedgers(
  db: Db,
  enrolmentIds: readonly number[],
  asOf: string,
  period: { from: string; to: string } | null = null,
  options: HolidayOptions = holidayOptions(db)
): EnrolmentLedger[] {
  const calendars = loadCalendars(db, enrolmentIds)
  const spans = calendars.map((c) => period ?? enrolmentSpan(c))
  const known = spans.filter((s): s is { from: string; to: string } => s !== null)
  if (known.length === 0) return []
  const from = known.reduce((a, s) => (s.from < a ? s.from : a), known[0]?.from ?? '')
  const to = known.reduce((a, s) => (s.to > a ? s.to : a), known[0]?.to ?? '')
  const entries = loadEntries(db, calendars.map((c) => c.enrolmentId), from, to)
  return calendars.flatMap((calendar, i) => {
    const span = spans[i]
    if (!span) return []
    const ledger = hoursLedger(calendar, entries.get(calendar.enrolmentId) ?? [], span.from, span.to, asOf, options)
    return [{ ...ledger, enrolmentId: calendar.enrolmentId, sessionId: calendar.sessionId, calendar }]
  })
}

/** One enrolment's ledger (null when it has no span). */
export function enrolmentLedger(db: Db, enrolmentId: number, asOf: string, period: { from: string; to: string } | null = null): EnrolmentLedger | null {
  return enrolmentLedgers(db, [enrolmentId], asOf, period)[0] ?? null
}
