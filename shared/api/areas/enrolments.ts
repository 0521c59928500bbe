import { z } from 'zod'
import { command, query } from '../spec'
import { id, isoDate, optionalIsoDate, optionalText } from '../fields'
import { pageLimit, type PageOf } from '../paging'
import { ENROLMENT_STATUS_CODES, FUNDING_CODES, type EnrolmentStatus, type Funding } from '../../domain/enrolment'

export type DeclarationState = 'a_faire' | 'en_retard' | 'declare'

export type EnrolmentRow = {
  id: number
  sessionId: number
  sessionLabel: string
  trainingTitle: string
  intercarifSessionId: string | null
  /** The session's dates: the UI proposes the start date as the entry date. */
  sessionStartDate: string | null
  sessionEndDate: string | null
  traineeId: number
  lastName: string
  firstName: string
  ftId: string | null
  status: EnrolmentStatus
  statusSince: string
  funding: Funding | null
  plannedStartDate: string | null
  plannedEndDate: string | null
  plannedHours: number | null
  entryDate: string | null
  exitDate: string | null
  /** The oldest event still to declare in KAIROS as of `today` (effective on or before it), if any. */
  pendingDeclaration: { eventId: number; kind: string; effectiveDate: string; dueDate: string; state: DeclarationState } | null
  /** An interruption running today. */
  interrupted: boolean
}

export type EnrolmentEvent = {
  id: number
  kind: 'status' | 'entry' | 'interruption' | 'resumption' | 'exit' | 'dropout' | 'cancellation' | 'correction'
  fromStatus: EnrolmentStatus | null
  toStatus: EnrolmentStatus | null
  effectiveDate: string
  reasonCode: string | null
  reasonLabel: string | null
  comment: string | null
  recordedAt: string
  recordedBy: string
  requiresDeclaration: boolean
  kairosDeclaredOn: string | null
  kairosDeclaredBy: string | null
  dueDate: string | null
  declarationState: DeclarationState | null
}

export type Interruption = {
  id: number
  enrolmentId: number
  startDate: string
  endDate: string | null
  reason: string
  comment: string | null
  days: number | null
}

export type EnrolmentDetail = EnrolmentRow & {
  events: EnrolmentEvent[]
  interruptions: Interruption[]
  /** Statuses reachable from the current one, with what each needs. */
  allowed: { to: EnrolmentStatus; label: string; needsDate: boolean; reasonKind: 'cancellation' | 'dropout' | 'exit' | null }[]
}

/** Filters shared by the grid and the dashboard's counters: a counter opens the grid on exactly its rows. */
export const EnrolmentFilter = z
  .object({
    statuses: z.array(z.enum(ENROLMENT_STATUS_CODES)).max(10).optional(),
    sessionId: id.optional(),
    traineeId: id.optional(),
    /**
     * Enrolments with an event to declare in KAIROS (as of `today`), by the state of the OLDEST one
     * (the row's `pendingDeclaration`): 'en_retard' when it is past its due date, 'a_faire' when
     * not; the two split 'any_pending' exactly.
     */
    declaration: z.enum(['a_faire', 'en_retard', 'any_pending']).optional(),
    /**
     * « Inscrit » enrolments of a session that has started (start ≤ `today`) and whose entry is not
     * recorded: 'a_faire' up to the declaration due date of the session start, 'en_retard' after.
     */
    entry: z.enum(['a_faire', 'en_retard']).optional(),
    search: z.string().max(200).optional(),
    /** The day the deadline states are computed for (the dashboard's date picker); defaults to today. */
    today: isoDate('La date').optional(),
    limit: z.number().int().min(1).max(100_000).default(20_000)
  })
  .strict()
export type EnrolmentFilter = z.input<typeof EnrolmentFilter>

/** The grid's rows come newest first: the next page starts below this enrolment id. */
export type EnrolmentCursor = { id: number }
export type EnrolmentPage = PageOf<EnrolmentRow, EnrolmentCursor>

/** The grid's paged read: the same filter, one page after a cursor. */
export const EnrolmentPageInput = EnrolmentFilter.omit({ limit: true })
  .extend({ after: z.object({ id }).strict().optional(), limit: pageLimit })
  .strict()

const change = z
  .object({
    to: z.enum(ENROLMENT_STATUS_CODES, { error: 'Statut inconnu.' }),
    effectiveDate: optionalIsoDate('La date d’effet'),
    reasonCode: optionalText(60, 'Le motif'),
    comment: optionalText(1000, 'Le commentaire')
  })
  .strict()

export const enrolmentOps = {
  'enrolments:list': query<EnrolmentRow[]>()(EnrolmentFilter),
  'enrolments:page': query<EnrolmentPage>()(EnrolmentPageInput),
  'enrolments:get': query<EnrolmentDetail>()(z.object({ id, today: isoDate('La date').optional() }).strict()),
  'enrolments:create': command<EnrolmentDetail>()(
    z
      .object({
        sessionId: id,
        traineeId: id,
        status: z.enum(['positionne', 'retenu', 'a_valider', 'inscrit']).default('positionne'),
        funding: z.enum(FUNDING_CODES).nullish().transform((v) => v ?? null),
        fundingReference: optionalText(60, 'La référence du financement'),
        plannedStartDate: optionalIsoDate('Le début prévu'),
        plannedEndDate: optionalIsoDate('La fin prévue'),
        plannedHours: z.number().min(0).max(10_000).nullish().transform((v) => v ?? null)
      })
      .strict()
  ),
  'enrolments:update': command<EnrolmentDetail>()(
    z
      .object({
        id,
        changes: z
          .object({
            funding: z.enum(FUNDING_CODES).nullable(),
            fundingReference: optionalText(60, 'La référence du financement'),
            plannedStartDate: optionalIsoDate('Le début prévu'),
            plannedEndDate: optionalIsoDate('La fin prévue'),
            plannedHours: z.number().min(0).max(10_000).nullable()
          })
          .partial()
          .strict()
      })
      .strict()
  ),
  /**
   * One status change applied to one or many enrolments (e.g. the entry of 12 trainees at the
   * session's start date), all or nothing: one refused row refuses the whole batch, with the reason per row.
   */
  'enrolments:transition': command<EnrolmentRow[]>()(z.object({ ids: z.array(id).min(1).max(2000), change }).strict()),
  /** Ticks "declared in KAIROS on <date>" for events (entry, interruption, exit, dropout). */
  'enrolments:markDeclared': command<EnrolmentRow[]>()(
    z
      .object({
        /** Either explicit events, or every pending event of these enrolments. */
        eventIds: z.array(id).max(5000).default([]),
        enrolmentIds: z.array(id).max(5000).default([]),
        declaredOn: isoDate('La date de déclaration')
      })
      .strict()
      .refine((v) => v.eventIds.length + v.enrolmentIds.length > 0, 'Choisissez au moins une déclaration.')
  ),
  'enrolments:unmarkDeclared': command<EnrolmentEvent>()(z.object({ eventId: id }).strict())
}
