import { AppError } from '@shared/api/result'
import { addDays, formatDateFr } from '@shared/domain/dates'
import { mondayOf } from '@shared/domain/documents'
import { holidayName } from '@shared/domain/frenchHolidays'
import { sortByNameFr } from '@shared/domain/frenchFormat'
import type { LedgerDay } from '@shared/domain/hoursLedger'
import { formatSlotFr, HALF_DAYS, type HalfDay } from '@shared/domain/schedule'
import type { Db } from '../../db/open'
import type { EmargementCell, EmargementData, EmargementDay, EmargementRow } from '../../pdf/emargementTypes'
import type { IssueInfo, TraineeIdentity } from '../../pdf/types'
import { holidayOptions } from '../enrolments/deadlineBounds'
import { enrolmentLedgers } from '../hours/hoursService'
import { sessionSubjects, sessionWeek } from '../sessions/scheduleService'
import { loadSession, type DocumentTarget } from './documentData'

/*
 * The weekly sign-in sheet of a session, from its timetable (saved or derived from the weekly
 * rhythm) and the hours ledger: one column per half-day the session sits, public holidays and
 * closures shown without signature cells, the cells of someone not in training that day struck
 * out with the reason, and only the people in training that week listed.
 */

type PersonRow = {
  id: number
  status: string
  entry_date: string | null
  exit_date: string | null
  planned_start_date: string | null
  civility: 'M' | 'Mme' | null
  last_name: string
  first_name: string
  ft_id: string | null
  birth_date: string | null
}

const STRUCK: Record<Exclude<LedgerDay['presence'], null>, string> = {
  before_entry: 'avant l’entrée',
  after_exit: 'après la sortie',
  interruption: 'interruption',
  session_break: 'fermeture'
}

/** The session's days of the week of `day` (ISO), with their times, subjects and closures. */
export function emargementDays(db: Db, sessionId: number, day: string): { monday: string; days: EmargementDay[] } {
  const s = loadSession(db, sessionId)
  const monday = mondayOf(day)
  const sunday = addDays(monday, 6)
  const { week } = sessionWeek(db, sessionId)
  const subjects = new Map(sessionSubjects(db, sessionId, monday, sunday).map((x) => [`${x.date}/${x.half}`, x.subject]))
  const breaks = db
    .prepare<[number, string, string], { start: string; end: string; label: string | null }>(
      'SELECT start_date AS start, end_date AS end, label FROM session_break WHERE session_id = ? AND end_date >= ? AND start_date <= ? ORDER BY start_date'
    )
    .all(sessionId, monday, sunday)
  const options = holidayOptions(db)
  const days: EmargementDay[] = []
  for (let i = 0; i < 7; i++) {
    const date = addDays(monday, i)
    const d = week[i]
    if (!d || (!d.am && !d.pm)) continue
    if ((s.row.start_date && date < s.row.start_date) || (s.row.end_date && date > s.row.end_date)) continue
    const half = (h: HalfDay) => {
      const slot = d[h]
      return slot ? { time: formatSlotFr(slot), subject: subjects.get(`${date}/${h}`) ?? null } : null
    }
    const holiday = holidayName(date, options)
    const closure = breaks.find((b) => date >= b.start && date <= b.end)
    const closed = holiday ? { kind: 'holiday' as const, label: holiday } : closure ? { kind: 'closure' as const, label: closure.label ?? 'Fermeture de la session' } : null
    days.push({ date, closed, am: half('am'), pm: half('pm') })
  }
  if (days.length === 0) throw new AppError('refused', 'La session ne se tient pas cette semaine-là : choisissez une semaine entre ses dates.')
  return { monday, days }
}

/** The signature cells of the open half-days, in column order. */
export function openHalves(days: readonly EmargementDay[]): { date: string; half: HalfDay }[] {
  return days.flatMap((d) => (d.closed ? [] : HALF_DAYS.filter((h) => d[h] !== null).map((half) => ({ date: d.date, half }))))
}

export function emargementData(db: Db, sessionId: number, day: string, issue: IssueInfo): EmargementData {
  const s = loadSession(db, sessionId)
  const { monday, days } = emargementDays(db, sessionId, day)
  const first = days[0]?.date ?? monday
  const last = days[days.length - 1]?.date ?? monday
  // In training that week: entered by its last day and not left before its first. For a week not
  // over yet, someone registered (« inscrit ») and due to start by then is listed too, so the first
  // week's sheet can be printed in advance; a past week lists only those who did enter. Someone
  // entering later is never listed.
  const people = db
    .prepare<[number, string, string, string, string, string], PersonRow>(
      `SELECT e.id, e.status, e.entry_date, e.exit_date, e.planned_start_date,
              t.civility, t.last_name, t.first_name, t.ft_id, t.birth_date
       FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
       WHERE e.session_id = ?
         AND ((e.entry_date IS NOT NULL AND e.entry_date <= ? AND (e.exit_date IS NULL OR e.exit_date >= ?))
           OR (e.entry_date IS NULL AND e.status = 'inscrit' AND ? >= ? AND coalesce(e.planned_start_date, '0000-01-01') <= ?))`
    )
    .all(sessionId, last, first, last, issue.issuedOn, last)
  if (people.length === 0) throw new AppError('refused', `Personne n’est en formation dans cette session la semaine du ${formatDateFr(monday)} : pas de feuille d’émargement à établir.`)
  const entered = people.filter((p) => p.entry_date !== null).map((p) => p.id)
  const ledgers = new Map(enrolmentLedgers(db, entered, issue.issuedOn, { from: monday, to: addDays(monday, 6) }).map((l) => [l.enrolmentId, new Map(l.days.map((d) => [d.date, d]))]))
  const halves = openHalves(days)
  const rows: EmargementRow[] = sortByNameFr(people, (p) => ({ lastName: p.last_name, firstName: p.first_name })).map((p) => {
    const trainee: TraineeIdentity = { civility: p.civility, lastName: p.last_name, firstName: p.first_name, ftId: p.ft_id, birthDate: p.birth_date }
    const ledger = ledgers.get(p.id)
    const cells = halves.map(({ date }): EmargementCell => {
      if (!ledger) {
        const start = p.planned_start_date
        return start && date < start ? { kind: 'struck', reason: 'avant l’entrée' } : { kind: 'sign' }
      }
      const d = ledger.get(date)
      if (d?.presence) return { kind: 'struck', reason: STRUCK[d.presence] }
      // A day off this person's own rhythm (part-time planning), holidays being whole columns.
      if (d && d.planned === 0 && d.holiday === null) return { kind: 'struck', reason: 'hors planning' }
      return { kind: 'sign' }
    })
    const notes = [
      p.entry_date && p.entry_date >= monday && p.entry_date <= last ? `entrée le ${formatDateFr(p.entry_date)}` : null,
      !p.entry_date && p.planned_start_date && p.planned_start_date >= monday ? `entrée prévue le ${formatDateFr(p.planned_start_date)}` : null,
      p.exit_date && p.exit_date <= last ? `sortie le ${formatDateFr(p.exit_date)}` : null,
      cells.some((c) => c.kind === 'struck' && c.reason === 'interruption') ? 'interruption' : null
    ].filter((n): n is string => n !== null)
    return { trainee, note: notes.length > 0 ? notes.join(' · ') : null, cells }
  })
  return { ...issue, kind: 'emargement', training: s.training, weekOf: monday, days, rows, trainerName: s.row.trainer_name }
}

/** The register's target of a sign-in sheet: one per session and week (period = its Monday). */
export function emargementTarget(db: Db, sessionId: number, day: string, issue: IssueInfo): DocumentTarget {
  const data = emargementData(db, sessionId, day, issue)
  return { data, kind: 'emargement', traineeId: null, sessionId, enrolmentId: null, period: data.weekOf, subject: data.training.sessionLabel ?? data.training.title }
}
