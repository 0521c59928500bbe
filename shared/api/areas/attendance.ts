import { z } from 'zod'
import { command, query } from '../spec'
import { id, isoDate, optionalText } from '../fields'
import type { AttendanceDay, AttendanceTotals, CellValue, LockedReason } from '../../domain/attendance'
import type { HoursSummary } from '../../domain/hoursLedger'

// The grid's types and rules live in shared/domain/attendance.ts (the renderer checks and totals
// with the same functions as the service); re-exported here for the screens.
export type { AttendanceDay, AttendanceTotals, CellValue, LockedReason, PartialAbsence } from '../../domain/attendance'
export type { HoursSummary } from '../../domain/hoursLedger'

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu au format aaaa-mm.')

/** Who attested a month's attendance, and when. */
export type MonthAttestation = { at: string; by: string }

export type AttendanceRow = {
  enrolmentId: number
  sessionId: number
  sessionLabel: string
  traineeId: number
  lastName: string
  firstName: string
  ftId: string | null
  status: string
  entryDate: string | null
  /** Exit or dropout date (KAIROS asks for the date of an abandon). */
  exitDate: string | null
  /** One value per day of the month. */
  values: CellValue[]
  /** Planned hours per day of the month (0 on days off), from the weekly planning. */
  planned: number[]
  /** Null where the cell can be entered; otherwise why not. */
  locked: (LockedReason | null)[]
  /** Days entered above the planning with « forcer » (day indexes), for a mark in the grid. */
  forced: number[]
  /** The grid's total columns, from `ledger`. */
  totals: AttendanceTotals
  /** The hours ledger of the month as of `asOf` (the same as enrolmentLedgers gives documents). */
  ledger: HoursSummary
  attested: MonthAttestation | null
}

export type AttendanceSessionSummary = {
  sessionId: number
  label: string
  trainees: number
  attestedTrainees: number
  /** Set when every trainee of the session is attested for the month (the latest attestation). */
  attested: MonthAttestation | null
}

export type AttendanceMonthGrid = {
  month: string
  /** « novembre 2026 » */
  monthLabel: string
  sessionId: number | null
  days: AttendanceDay[]
  /** Sorted by session, then name. */
  rows: AttendanceRow[]
  /** The sessions of the rows, in the same order. */
  sessions: AttendanceSessionSummary[]
  /** The month may be attested from the 25th (legal rule). */
  canAttestFrom: string
  /** Today for the service: days after it are locked 'future' and never counted as done. */
  asOf: string
  /** The ledger totals of all the rows. */
  totals: HoursSummary
}

export type CellChange = { enrolmentId: number; date: string; value: CellValue; /** Above the day's planned hours. */ force?: boolean }

export type SaveResult = {
  /** Rows of the trainees concerned, with their new values and totals (all written in one transaction). */
  rows: AttendanceRow[]
  /** Cells refused (left unchanged), each with its French reason. */
  rejected: { enrolmentId: number; date: string; message: string }[]
  /** Cells actually changed (a value equal to the stored one is not rewritten). */
  saved: number
}

export type PrefillResult = SaveResult & {
  changes: CellChange[]
  /** Cells filled (days × trainees), their hours, the trainees concerned, the last day that could be filled. */
  filled: { days: number; hours: number; trainees: number; until: string }
}

const ABSENCE = z.enum(['AJ', 'ANJ', 'MAL', 'AT', 'RDV', 'FAM', 'ENT'])

const cellChange = z
  .object({
    enrolmentId: id,
    date: isoDate('La date'),
    value: z.union([z.number().min(0).max(24), ABSENCE, z.object({ hours: z.number().min(0).max(24), code: ABSENCE }).strict(), z.null()]),
    force: z.boolean().optional()
  })
  .strict()

export const attendanceOps = {
  /** One session's month, or every session's (rows sorted by session, then name). */
  'attendance:month': query<AttendanceMonthGrid>()(z.object({ month, sessionId: id.optional() }).strict()),
  /**
   * Every change of one operation (typing, a paste of 15,000 cells, a fill, an undo) in ONE
   * transaction. Invalid cells are returned in `rejected`, the others saved; the whole operation is
   * refused when a change falls in an attested month.
   */
  'attendance:save': command<SaveResult>()(z.object({ month, changes: z.array(cellChange).min(1).max(40_000) }).strict()),
  /**
   * Fills the empty editable cells of days that have happened (today included) with each trainee's
   * planned hours, never a future day nor a `skip` cell (refused or cleared on purpose); returns
   * the changes (for undo) and what was filled.
   */
  'attendance:prefill': command<PrefillResult>()(
    z
      .object({
        month,
        sessionId: id.optional(),
        enrolmentIds: z.array(id).max(5000).optional(),
        skip: z.array(z.object({ enrolmentId: id, date: isoDate('La date') }).strict()).max(40_000).optional()
      })
      .strict()
  ),
  /** Locks a session's month (from the 25th); records who and when. Answers the session's grid. */
  'attendance:attest': command<AttendanceMonthGrid>()(z.object({ month, sessionId: id }).strict()),
  /** Reopens an attested month; the reason goes to the audit log with who and when. */
  'attendance:unlock': command<AttendanceMonthGrid>()(
    z.object({ month, sessionId: id, reason: z.string().trim().min(5, 'Indiquez le motif du déverrouillage (5 caractères au moins).').max(500) }).strict()
  ),
  'attendance:export': command<{ fileName: string; mime: string; base64: string }>()(
    z
      .object({
        month,
        sessionId: id.optional(),
        format: z.enum(['xlsx', 'csv']),
        /** `grid`: the month as in the screen; `kairos`: one line per trainee as KAIROS asks for it. */
        layout: z.enum(['grid', 'kairos']).default('grid'),
        comment: optionalText(200, 'Le commentaire')
      })
      .strict()
  )
}
