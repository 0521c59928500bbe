/*
 * A session's weekly timetable: for each weekday, the times of the morning and of the afternoon
 * (a 3,5-hour Friday has only a morning). The sign-in sheet prints these times and one signature
 * cell per half-day that exists. A session without a saved timetable gets one from its weekly
 * rhythm (weekly_hours_json), so every session has one.
 */

export type HalfDay = 'am' | 'pm'
export const HALF_DAYS: readonly HalfDay[] = ['am', 'pm']
export const HALF_DAY_LABELS: Record<HalfDay, string> = { am: 'Matin', pm: 'Après-midi' }
export const WEEKDAY_LABELS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'] as const

/** « 09:00 »: minutes since midnight as stored (HH:MM, 24 h). */
export type Slot = { start: string; end: string }
/** One weekday: its morning and afternoon, each absent when the session does not sit then. */
export type DaySchedule = { am: Slot | null; pm: Slot | null }
/** Monday..Sunday. */
export type WeekSchedule = DaySchedule[]

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}
export function timeOf(minutes: number): string {
  const m = Math.round(minutes)
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/** « 9h00 », « 13h30 »: how French timetables print a time. */
export function formatTimeFr(time: string): string {
  return `${Number(time.slice(0, 2))}h${time.slice(3, 5)}`
}
/** « 9h00–12h30 » */
export function formatSlotFr(slot: Slot): string {
  return `${formatTimeFr(slot.start)}–${formatTimeFr(slot.end)}`
}

export const slotHours = (slot: Slot | null): number => (slot ? (minutesOf(slot.end) - minutesOf(slot.start)) / 60 : 0)
export const dayHours = (d: DaySchedule): number => slotHours(d.am) + slotHours(d.pm)
/** The weekly rhythm a timetable gives (hours per weekday, Monday..Sunday). */
export const weeklyHoursOf = (w: WeekSchedule): number[] => w.map((d) => Math.round(dayHours(d) * 100) / 100)

const MORNING_START = 9 * 60
const LUNCH_START = 12 * 60 + 30
const AFTERNOON_START = 13 * 60 + 30
/** A day of up to 4 hours is a morning; a longer one is split around the lunch break. */
const MORNING_ONLY_MAX = 4

/**
 * The timetable of one day of `hours` planned hours: ≤ 4 h → a morning from 9h00; more → a
 * morning ending at 12h30 (3,5 h from 9h00; 4 h from 8h30 for days over 7 h, so the afternoon
 * does not run late) and the rest from 13h30.
 */
export function deriveDay(hours: number): DaySchedule {
  if (!(hours > 0)) return { am: null, pm: null }
  const minutes = Math.round(hours * 60)
  if (hours <= MORNING_ONLY_MAX) return { am: { start: timeOf(MORNING_START), end: timeOf(MORNING_START + minutes) }, pm: null }
  const morning = minutes > 7 * 60 ? 240 : 210
  return {
    am: { start: timeOf(LUNCH_START - morning), end: timeOf(LUNCH_START) },
    pm: { start: timeOf(AFTERNOON_START), end: timeOf(AFTERNOON_START + minutes - morning) }
  }
}

/** The timetable of a weekly rhythm (7 numbers, Monday..Sunday; anything else counts as no rhythm). */
export function deriveSchedule(weekly: readonly number[] | null): WeekSchedule {
  const hours = weekly && weekly.length === 7 ? weekly : [7, 7, 7, 7, 7, 0, 0]
  return hours.map((h) => deriveDay(typeof h === 'number' ? h : 0))
}

/** Why a timetable cannot be saved (French, for the clerk), or null. */
export function scheduleProblem(w: WeekSchedule): string | null {
  if (w.length !== 7) return 'Le planning doit décrire les sept jours de la semaine.'
  for (let i = 0; i < 7; i++) {
    const d = w[i]
    if (!d) continue
    const name = WEEKDAY_LABELS[i] ?? ''
    for (const half of HALF_DAYS) {
      const s = d[half]
      if (!s) continue
      if (!TIME_PATTERN.test(s.start) || !TIME_PATTERN.test(s.end)) return `${name} ${HALF_DAY_LABELS[half].toLowerCase()} : heure attendue au format 09:00.`
      if (minutesOf(s.end) <= minutesOf(s.start)) return `${name} ${HALF_DAY_LABELS[half].toLowerCase()} : la fin (${formatTimeFr(s.end)}) doit suivre le début (${formatTimeFr(s.start)}).`
    }
    if (d.am && d.pm && minutesOf(d.pm.start) < minutesOf(d.am.end)) return `${name} : l’après-midi commence (${formatTimeFr(d.pm.start)}) avant la fin du matin (${formatTimeFr(d.am.end)}).`
  }
  return null
}

/** A subject line of a half-day (free text: module, theme, trainer's note). */
export type HalfDaySubject = { date: string; half: HalfDay; subject: string }
