import { z } from 'zod'
import { scheduleProblem, TIME_PATTERN, type HalfDaySubject, type WeekSchedule } from '../../domain/schedule'

export type { HalfDay, HalfDaySubject, Slot, DaySchedule, WeekSchedule } from '../../domain/schedule'

/** A session's timetable as the « Planning » tab and the sign-in sheet read it. */
export type SessionSchedule = {
  sessionId: number
  /** Monday..Sunday. */
  week: WeekSchedule
  /** false: derived from the weekly rhythm (nothing saved yet). */
  saved: boolean
  /** The session's weekly rhythm (hours per weekday), which the hours ledger plans with. */
  weeklyHours: number[] | null
  startDate: string | null
  endDate: string | null
  /** Subjects by date and half-day, in date order. */
  subjects: HalfDaySubject[]
}

const time = z.string({ error: 'Heure attendue (09:00).' }).regex(TIME_PATTERN, 'Heure attendue au format 09:00.')
const slot = z.object({ start: time, end: time }).strict().nullable()
export const WeekScheduleInput = z
  .array(z.object({ am: slot, pm: slot }).strict())
  .length(7, 'Le planning doit décrire les sept jours de la semaine.')
  .superRefine((w, ctx) => {
    const problem = scheduleProblem(w)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
