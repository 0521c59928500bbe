// The demo generator's plans: what it decides in memory before inserting anything.
import type BetterSqlite3 from 'better-sqlite3'
import type { EnrolmentStatus, Funding } from '@shared/domain/enrolment'
import type { TrainingDef } from './catalogue'
import type { Area } from './frenchNames'

export type Day = number
export type Statement = BetterSqlite3.Statement<unknown[]>
export type Prescriber = 'france_travail' | 'mission_locale' | 'cap_emploi' | 'self' | 'other'

export type TraineePlan = {
  id: number
  civility: 'M' | 'Mme'
  lastName: string
  firstName: string
  birthName: string | null
  birthDate: string
  ftId: string
  email: string | null
  phone: string
  addressLine1: string
  addressLine2: string | null
  postalCode: string
  city: string
  area: Area
  prescriber: Prescriber
  agency: string | null
  adviserName: string | null
  adviserEmail: string | null
  cpfCents: number | null
  notes: string | null
  createdDay: Day
}

export type EventPlan = {
  id: number
  kind: 'info_session' | 'appointment' | 'application_window'
  date: Day
  endDate: Day | null
  startTime: string | null
  endTime: string | null
  capacity: number | null
  comment: string
  cancelled: boolean
  regs: number
  createdDay: Day
}

export type SessionPlan = {
  id: number
  index: number
  training: TrainingDef
  trainingId: number
  actionId: number
  placeId: number
  area: Area
  start: Day
  end: Day
  capacity: number
  totalHours: number
  weekly: readonly number[]
  recruitment: 'open' | 'closed' | 'suspended'
  events: EventPlan[]
  /** The cancelled info session and the one its candidates were moved to. */
  transfer: { from: EventPlan; to: EventPlan } | null
  retenuCount: number
  /** Results entered so far, and whether one candidate was put on the waiting list. */
  results: number
  waitlisted: boolean
  /** Whether one candidate still waits for the adviser's validation, or for the request to be sent. */
  awaitingValidation: boolean
  awaitingRequest: boolean
  entered: number
  entriesPending: boolean
  createdDay: Day
  target: number
}

export type StepKind = 'status' | 'entry' | 'interruption' | 'resumption' | 'exit' | 'dropout' | 'cancellation'

export type StepPlan = {
  kind: StepKind
  from: EnrolmentStatus | null
  to: EnrolmentStatus | null
  date: Day
  reasonCode: string | null
  reasonLabel: string | null
  comment: string | null
  requires: boolean
  declaredOn: Day | null
}

export type RegistrationPlan = {
  event: EventPlan
  presence: 'unknown' | 'present' | 'absent'
  result: 'retenu' | 'non_retenu' | 'en_attente' | null
  resultCode: 'ICR' | 'ICA' | 'ICN' | null
  resultDay: Day | null
  createdDay: Day
  transferredFrom: EventPlan | null
}

export type EnrolmentPlan = {
  id: number
  trainee: TraineePlan
  session: SessionPlan
  registration: RegistrationPlan | null
  status: EnrolmentStatus
  statusSince: Day
  funding: Funding
  fundingReference: string | null
  entry: Day | null
  exit: Day | null
  exitReason: string | null
  dropoutReason: string | null
  cancelReason: string | null
  validatedBy: 'france_travail' | 'mission_locale' | 'cap_emploi' | null
  validatedOn: Day | null
  ais: 'ICR' | 'ICN' | null
  steps: StepPlan[]
  interruption: { start: Day; end: Day | null; reason: string } | null
  createdDay: Day
}

export type AbsentRegistration = { event: EventPlan; trainee: TraineePlan; createdDay: Day }
