import { z } from 'zod'
import { command, query } from '../spec'
import { id, isoDate, optionalIsoDate, optionalText } from '../fields'
import type { EnrolmentStatus } from '../../domain/enrolment'
import type { Prescriber } from '../../domain/trainee'
import {
  RECRUITMENT_EVENT_KIND_CODES,
  type Presence,
  type RecruitmentEventKind,
  type RegistrationResult
} from '../../domain/recruitment'

export type RecruitmentEventRow = {
  id: number
  sessionId: number
  sessionLabel: string
  trainingTitle: string
  kind: RecruitmentEventKind
  date: string
  endDate: string | null
  startTime: string | null
  endTime: string | null
  place: string | null
  capacity: number | null
  booked: number
  present: number
  absent: number
  retained: number
  comment: string | null
  seriesId: string | null
  cancelled: boolean
  cancelReason: string | null
}

export type RegistrationRow = {
  id: number
  eventId: number
  traineeId: number
  lastName: string
  firstName: string
  ftId: string | null
  phone: string | null
  email: string | null
  /** Who sent the candidate (from the trainee record): France Travail, Mission locale… */
  prescriber: Prescriber | null
  prescriberAgency: string | null
  /** The prescriber's adviser, who validates the training project. */
  adviserName: string | null
  adviserEmail: string | null
  presence: Presence
  result: RegistrationResult | null
  /** ICR / ICA / ICN, what an exchange with France Travail carries. */
  resultCode: 'ICR' | 'ICA' | 'ICN' | null
  enrolmentId: number | null
  enrolmentStatus: EnrolmentStatus | null
  transferredFrom: string | null
  comment: string | null
}

export type RecruitmentWarning = {
  kind: 'no_future_slot' | 'over_capacity'
  sessionId: number
  eventId: number | null
  message: string
}

const time = (label: string) =>
  z
    .string()
    .nullish()
    .transform((s) => (s == null || s === '' ? null : s))
    .refine((s) => s === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), `${label} : heure attendue au format hh:mm.`)

const eventFields = {
  kind: z.enum(RECRUITMENT_EVENT_KIND_CODES, { error: 'Type de réunion inconnu.' }),
  date: isoDate('La date'),
  endDate: optionalIsoDate('La date de fin'),
  startTime: time('L’heure de début'),
  endTime: time('L’heure de fin'),
  place: optionalText(200, 'Le lieu'),
  capacity: z.number().int().min(1, 'La capacité est d’au moins 1 place.').max(500).nullish().transform((v) => v ?? null),
  comment: optionalText(1000, 'Le commentaire')
}

export const REGISTRATION_TABS = ['inscrits', 'presence', 'resultat'] as const

export const recruitmentOps = {
  'recruitment:listEvents': query<RecruitmentEventRow[]>()(
    z
      .object({
        sessionId: id.optional(),
        from: isoDate('La date').optional(),
        includeCancelled: z.boolean().default(true)
      })
      .strict()
  ),
  /**
   * The slot the screen opens below the grid before the list is in (same filter as listEvents):
   * the next one to come that is not cancelled, else the last one; null when the list is empty.
   * Asked beside listEvents so that the booked people load while the long list still travels.
   */
  'recruitment:firstEvent': query<RecruitmentEventRow | null>()(
    z
      .object({
        sessionId: id.optional(),
        from: isoDate('La date').optional(),
        includeCancelled: z.boolean().default(true),
        today: isoDate('La date')
      })
      .strict()
  ),
  /** Creates one event, or a weekly series (e.g. every Tuesday 9:30 for 6 weeks). */
  'recruitment:createEvents': command<RecruitmentEventRow[]>()(
    z
      .object({
        sessionId: id,
        ...eventFields,
        repeatWeekly: z.number().int().min(1).max(52).default(1)
      })
      .strict()
  ),
  'recruitment:updateEvent': command<RecruitmentEventRow>()(z.object({ id, changes: z.object(eventFields).partial().strict() }).strict()),
  'recruitment:duplicateEvent': command<RecruitmentEventRow>()(z.object({ id, date: isoDate('La date') }).strict()),
  'recruitment:cancelEvent': command<RecruitmentEventRow>()(z.object({ id, reason: optionalText(500, 'Le motif') }).strict()),
  /** Only when nobody is booked; otherwise cancel. */
  'recruitment:deleteEvent': command<{ id: number }>()(z.object({ id }).strict()),
  'recruitment:warnings': query<RecruitmentWarning[]>()(z.object({ today: isoDate('La date').optional() }).strict())
}
