import { z } from 'zod'
import { command, query } from '../spec'
import { id, isoDate } from '../fields'
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
const week = z
  .array(z.object({ am: slot, pm: slot }).strict())
  .length(7, 'Le planning doit décrire les sept jours de la semaine.')
  .superRefine((w, ctx) => {
    const problem = scheduleProblem(w)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

export const scheduleOps = {
  /** The saved timetable, or the one derived from the weekly rhythm; with the dated subjects. */
  'sessions:schedule': query<SessionSchedule>()(z.object({ sessionId: id }).strict()),
  /**
   * Saves the timetable (null: back to the one derived from the weekly rhythm). The session's
   * weekly rhythm becomes the timetable's hours, so the hours ledger plans what the sheet prints.
   */
  'sessions:saveSchedule': command<SessionSchedule>()(z.object({ sessionId: id, week: week.nullable() }).strict()),
  /** Sets the subject of dated half-days; a blank subject removes it. */
  'sessions:saveSubjects': command<SessionSchedule>()(
    z
      .object({
        sessionId: id,
        subjects: z
          .array(
            z
              .object({
                date: isoDate('La date du sujet'),
                half: z.enum(['am', 'pm'], { error: 'Demi-journée attendue : matin (am) ou après-midi (pm).' }),
                subject: z.string().trim().max(200, 'Le sujet d’une demi-journée : 200 caractères au maximum.')
              })
              .strict()
          )
          .min(1, 'Aucun sujet à enregistrer.')
          .max(1000)
      })
      .strict()
  )
}
