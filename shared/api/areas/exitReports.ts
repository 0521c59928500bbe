import { z } from 'zod'
import { command, query } from '../spec'
import { id, optionalIsoDate, optionalText } from '../fields'
import { CERTIFICATION_RESULT_CODES, type CertificationResult } from '../../domain/documents'

export type { CertificationResult } from '../../domain/documents'

/** One enrolment at the end of its course (sorti, abandon, or still entré), with its report if written. */
export type ExitReportRow = {
  enrolmentId: number
  /** Null while no report has been saved. */
  reportId: number | null
  sessionId: number
  traineeId: number
  lastName: string
  firstName: string
  /** The wording agrees with it (« Non présentée »); null: unknown. */
  civility: 'M' | 'Mme' | null
  ftId: string | null
  status: 'entre' | 'sorti' | 'abandon'
  entryDate: string | null
  /** The report's date, else the enrolment's exit date. */
  exitDate: string | null
  exitReason: string | null
  /** Sum of the attendance days' hours, computed now. */
  hoursComputed: number
  /** The hours the report states: the computed hours unless overridden. */
  hoursCompleted: number
  /** Set when the hours were overridden (then they differ from the computed hours). */
  hoursOverrideReason: string | null
  certificationResult: CertificationResult | null
  skillsAcquired: string | null
  nextStep: string | null
  comments: string | null
  completedAt: string | null
  updatedAt: string | null
  updatedBy: string | null
}

export const exitReportOps = {
  /** The enrolments of a session that are entered, out or dropped out, sorted by name. */
  'exitReports:list': query<ExitReportRow[]>()(z.object({ sessionId: id }).strict()),
  'exitReports:get': query<ExitReportRow>()(z.object({ enrolmentId: id }).strict()),
  /**
   * Creates or updates the report of one enrolment. `hoursCompleted: null` keeps the hours
   * computed from attendance; another value needs `hoursOverrideReason`.
   */
  'exitReports:save': command<ExitReportRow>()(
    z
      .object({
        enrolmentId: id,
        exitDate: optionalIsoDate('La date de sortie').optional(),
        exitReason: optionalText(300, 'Le motif de sortie').optional(),
        hoursCompleted: z.number().min(0, 'Les heures réalisées ne peuvent être négatives.').max(5000).nullable().optional(),
        hoursOverrideReason: optionalText(500, 'Le motif de correction des heures').optional(),
        certificationResult: z.enum(CERTIFICATION_RESULT_CODES).nullable().optional(),
        skillsAcquired: optionalText(4000, 'Les compétences acquises').optional(),
        nextStep: optionalText(1000, 'La suite de parcours').optional(),
        comments: optionalText(4000, 'Les commentaires').optional(),
        completed: z.boolean().optional()
      })
      .strict()
  )
}
