import { z } from 'zod'
import { command, query } from '../spec'
import { id, isoDate } from '../fields'
import { RECRUITMENT_STATE_CODES } from '../../domain/recruitment'
import { SessionInput, SessionPatch, type SessionDetail, type SessionRow, type SessionUpdateResult } from './catalogue'

/**
 * A session as the pickers show it (selects of the toolbars and dialogs): no per-session figures
 * (places taken, funders, next slot), which cost a lookup of the big tables per session.
 */
export type SessionOption = Pick<
  SessionRow,
  'id' | 'trainingTitle' | 'label' | 'intercarifSessionId' | 'startDate' | 'endDate' | 'startPrecision' | 'endPrecision' | 'placeName' | 'placeCity'
>
import { WeekScheduleInput, type SessionSchedule } from './schedule'

// Sessions: their record (from the catalogue) and their timetable and dated subjects.
export const sessionOps = {
  'sessions:list': query<SessionRow[]>()(
    z
      .object({
        trainingId: id.optional(),
        /** Sessions still running or starting on or after this date. */
        activeFrom: isoDate('La date').optional(),
        recruitmentState: z.enum(RECRUITMENT_STATE_CODES).optional()
      })
      .strict()
  ),
  /** The sessions:list order and filter, with only what a session picker shows (SessionOption). */
  'sessions:options': query<SessionOption[]>()(
    z
      .object({
        /** Sessions still running or starting on or after this date. */
        activeFrom: isoDate('La date').optional(),
        /** …and starting on or before this one (or not dated yet). */
        startingBy: isoDate('La date').optional()
      })
      .strict()
  ),
  'sessions:get': query<SessionDetail>()(z.object({ id }).strict()),
  'sessions:create': command<SessionDetail>()(SessionInput),
  /**
   * Refused when new dates would leave recorded attendance, entries, exits or interruptions outside
   * the session; after a change of dates the answer proposes to move the enrolments' planned dates.
   */
  'sessions:update': command<SessionUpdateResult>()(z.object({ id, changes: SessionPatch }).strict()),
  /** The enrolments whose planned dates were the session's `previous` dates get its current ones. */
  'sessions:moveEnrolmentDates': command<{ sessionId: number; moved: number }>()(
    z.object({ id, previous: z.object({ start: isoDate('L’ancienne date de début').nullable(), end: isoDate('L’ancienne date de fin').nullable() }).strict() }).strict()
  ),
  /** The saved timetable, or the one derived from the weekly rhythm; with the dated subjects. */
  'sessions:schedule': query<SessionSchedule>()(z.object({ sessionId: id }).strict()),
  /**
   * Saves the timetable (null: back to the one derived from the weekly rhythm). The session's
   * weekly rhythm becomes the timetable's hours, so the hours ledger plans what the sheet prints.
   */
  'sessions:saveSchedule': command<SessionSchedule>()(z.object({ sessionId: id, week: WeekScheduleInput.nullable() }).strict()),
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
