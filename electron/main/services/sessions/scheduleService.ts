import type { SessionSchedule } from '@shared/api/areas/schedule'
import { AppError } from '@shared/api/result'
import { formatDateFr } from '@shared/domain/dates'
import { deriveSchedule, scheduleProblem, weeklyHoursOf, type HalfDay, type HalfDaySubject, type Slot, type WeekSchedule } from '@shared/domain/schedule'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { parseWeekly } from './weeklyJson'

/*
 * A session's timetable (times of each weekday's morning and afternoon) and its dated half-day
 * subjects. The sign-in sheet prints both; the « Planning » tab edits them.
 */

type SessionRow = { id: number; weekly: string | null; start: string | null; end: string | null }
type ScheduleRow = { weekday: number; am_start: string | null; am_end: string | null; pm_start: string | null; pm_end: string | null }

function sessionRow(db: Db, sessionId: number): SessionRow {
  const row = db
    .prepare<[number], SessionRow>('SELECT id, weekly_hours_json AS weekly, start_date AS start, end_date AS end FROM session WHERE id = ?')
    .get(sessionId)
  if (!row) throw new AppError('not_found', 'Cette session est introuvable.')
  return row
}

const slotOf = (start: string | null, end: string | null): Slot | null => (start !== null && end !== null ? { start, end } : null)

/** The saved timetable of a session, or null when none was saved. */
export function savedWeek(db: Db, sessionId: number): WeekSchedule | null {
  const rows = db.prepare<[number], ScheduleRow>('SELECT weekday, am_start, am_end, pm_start, pm_end FROM session_schedule WHERE session_id = ?').all(sessionId)
  if (rows.length === 0) return null
  const week: WeekSchedule = Array.from({ length: 7 }, () => ({ am: null, pm: null }))
  for (const r of rows) week[r.weekday - 1] = { am: slotOf(r.am_start, r.am_end), pm: slotOf(r.pm_start, r.pm_end) }
  return week
}

/** The timetable in effect: saved, or derived from the weekly rhythm. */
export function sessionWeek(db: Db, sessionId: number): { week: WeekSchedule; saved: boolean } {
  const saved = savedWeek(db, sessionId)
  return saved ? { week: saved, saved: true } : { week: deriveSchedule(parseWeekly(sessionRow(db, sessionId).weekly)), saved: false }
}

/** Subjects of [from, to] (whole session when omitted), keyed « 2026-11-16/am ». */
export function sessionSubjects(db: Db, sessionId: number, from = '0000-01-01', to = '9999-12-31'): HalfDaySubject[] {
  return db
    .prepare<[number, string, string], { date: string; half: HalfDay; subject: string }>(
      "SELECT date, half, subject FROM session_subject WHERE session_id = ? AND date BETWEEN ? AND ? ORDER BY date, half = 'pm'"
    )
    .all(sessionId, from, to)
}

export function getSchedule(db: Db, sessionId: number): SessionSchedule {
  const s = sessionRow(db, sessionId)
  const { week, saved } = sessionWeek(db, sessionId)
  return { sessionId, week, saved, weeklyHours: parseWeekly(s.weekly), startDate: s.start, endDate: s.end, subjects: sessionSubjects(db, sessionId) }
}

/** Saves a timetable (null: back to the derived one); the weekly rhythm follows the timetable. */
export function saveSchedule(ctx: ServiceContext, sessionId: number, week: WeekSchedule | null): SessionSchedule {
  const { db } = ctx
  if (week) {
    const problem = scheduleProblem(week)
    if (problem) throw new AppError('invalid_input', problem)
  }
  db.transaction(() => {
    const s = sessionRow(db, sessionId)
    const before = savedWeek(db, sessionId)
    db.prepare('DELETE FROM session_schedule WHERE session_id = ?').run(sessionId)
    let weeklyAfter: number[] | null = parseWeekly(s.weekly)
    if (week) {
      const insert = db.prepare<[number, number, string | null, string | null, string | null, string | null]>(
        'INSERT INTO session_schedule (session_id, weekday, am_start, am_end, pm_start, pm_end) VALUES (?, ?, ?, ?, ?, ?)'
      )
      week.forEach((d, i) => {
        if (d.am || d.pm) insert.run(sessionId, i + 1, d.am?.start ?? null, d.am?.end ?? null, d.pm?.start ?? null, d.pm?.end ?? null)
      })
      weeklyAfter = weeklyHoursOf(week)
      if (JSON.stringify(weeklyAfter) !== JSON.stringify(parseWeekly(s.weekly))) {
        db.prepare<[string, string, number]>('UPDATE session SET weekly_hours_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(weeklyAfter), nowIso(ctx.clock), sessionId)
      }
    }
    recordAudit(ctx, {
      operation: 'session.schedule.save',
      entity: 'session',
      entityId: sessionId,
      before: { week: before, weeklyHours: parseWeekly(s.weekly) },
      after: { week, weeklyHours: weeklyAfter }
    })
  })()
  return getSchedule(db, sessionId)
}

/** Sets (or, blank, removes) the subject of dated half-days within the session's dates. */
export function saveSubjects(ctx: ServiceContext, sessionId: number, subjects: HalfDaySubject[]): SessionSchedule {
  const { db } = ctx
  db.transaction(() => {
    const s = sessionRow(db, sessionId)
    for (const x of subjects) {
      if ((s.start && x.date < s.start) || (s.end && x.date > s.end)) {
        throw new AppError('invalid_input', `Le ${formatDateFr(x.date)} est en dehors des dates de la session${s.start && s.end ? ` (du ${formatDateFr(s.start)} au ${formatDateFr(s.end)})` : ''} : aucun sujet enregistré.`)
      }
    }
    const get = db.prepare<[number, string, string], { subject: string }>('SELECT subject FROM session_subject WHERE session_id = ? AND date = ? AND half = ?')
    const upsert = db.prepare<[number, string, string, string]>(
      'INSERT INTO session_subject (session_id, date, half, subject) VALUES (?, ?, ?, ?) ON CONFLICT (session_id, date, half) DO UPDATE SET subject = excluded.subject'
    )
    const remove = db.prepare<[number, string, string]>('DELETE FROM session_subject WHERE session_id = ? AND date = ? AND half = ?')
    const changes: { date: string; half: HalfDay; before: string | null; after: string | null }[] = []
    for (const x of subjects) {
      const before = get.get(sessionId, x.date, x.half)?.subject ?? null
      const after = x.subject.trim() === '' ? null : x.subject.trim()
      if (before === after) continue
      if (after === null) remove.run(sessionId, x.date, x.half)
      else upsert.run(sessionId, x.date, x.half, after)
      changes.push({ date: x.date, half: x.half, before, after })
    }
    if (changes.length > 0) recordAudit(ctx, { operation: 'session.subjects.save', entity: 'session', entityId: sessionId, after: changes })
  })()
  return getSchedule(db, sessionId)
}
