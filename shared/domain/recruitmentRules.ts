import { addDays, diffDays, formatDateFr } from './dates'
import type { EnrolmentStatus } from './enrolment'
import { ABSENT_RESULT_CODE, REGISTRATION_RESULTS, type Presence, type RecruitmentState, type RegistrationResult } from './recruitment'
import type { Check } from './validation'

/*
 * Pure decisions of recruitment (information collectives, appointments, their bookings and
 * results). The services apply them to rows read from the database; nothing here reads a clock.
 */

/** Enrolment statuses that hold one of the session's places (the "places prises" count). */
export const PLACE_HOLDING_STATUSES = ['retenu', 'a_valider', 'inscrit', 'entre'] as const satisfies readonly EnrolmentStatus[]

export type ResultCode = 'ICR' | 'ICA' | 'ICN'

/** What an exchange with France Travail carries for a booking: an absent person is ICA whatever else. */
export function resultCodeFor(presence: Presence, result: RegistrationResult | null): ResultCode | null {
  if (presence === 'absent') return ABSENT_RESULT_CODE
  if (presence !== 'present' || result === null) return null
  return REGISTRATION_RESULTS[result].code
}

/** A weekly series: the same weekday every week, `count` dates starting with `first`. */
export function weeklySeriesDates(first: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Nombre de réunions invalide : ${count}`)
  return Array.from({ length: count }, (_, i) => addDays(first, 7 * i))
}

export type EventSchedule = {
  /** Every date the event (or each event of a series) falls on. */
  dates: string[]
  /** Last day of an application window; shifted with each date of a series. */
  endDate: string | null
  startTime: string | null
  endTime: string | null
  capacity: number | null
}

/**
 * Checks a recruitment slot against its session: no date after the end of the session (a
 * recruitment slot after the training is over would mislead the prescriber), an end time after
 * the start time, at least one place.
 */
export function checkEventSchedule(e: EventSchedule, sessionEnd: string | null): Check<null> {
  if (e.capacity !== null && e.capacity < 1) return { ok: false, message: 'La capacité est d’au moins 1 place.' }
  if (e.startTime && e.endTime && e.endTime <= e.startTime) {
    return { ok: false, message: `L’heure de fin (${e.endTime}) doit être après l’heure de début (${e.startTime}).` }
  }
  const first = e.dates[0]
  if (first !== undefined && e.endDate !== null && e.endDate < first) {
    return { ok: false, message: `La date de fin (${formatDateFr(e.endDate)}) précède la date de la réunion (${formatDateFr(first)}).` }
  }
  if (sessionEnd !== null && first !== undefined) {
    const shift = e.endDate === null ? 0 : diffDays(first, e.endDate)
    for (const date of e.dates) {
      const last = addDays(date, shift)
      if (last > sessionEnd) {
        const what = e.dates.length > 1 ? `La réunion du ${formatDateFr(date)}` : date === last ? `La date du ${formatDateFr(date)}` : `La fin de la période (${formatDateFr(last)})`
        return {
          ok: false,
          message: `${what} tomberait après la fin de la session (${formatDateFr(sessionEnd)}) : un créneau de recrutement doit précéder la fin de la formation.`
        }
      }
    }
  }
  return { ok: true, value: null }
}

/** Places left on an event, or null when it has no capacity limit. */
export function placesLeft(capacity: number | null, booked: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - booked)
}

const places = (n: number) => (n === 0 ? 'aucune place' : n === 1 ? '1 place' : `${n} places`)
const people = (n: number) => (n === 1 ? '1 personne' : `${n} personnes`)

/** The whole booking is refused when it does not fit: nobody is booked "first come". */
export function checkCapacity(capacity: number | null, booked: number, adding: number): Check<null> {
  const left = placesLeft(capacity, booked)
  if (left === null || adding <= left) return { ok: true, value: null }
  return {
    ok: false,
    message: `${left === 0 ? 'Il ne reste aucune place' : `Il reste ${places(left)}`} sur cette réunion (capacité ${capacity}, ${people(booked)} déjà positionnée${booked > 1 ? 's' : ''}) : impossible d’en positionner ${adding}. Augmentez la capacité ou choisissez une autre date.`
  }
}

export function isOverCapacity(capacity: number | null, booked: number): boolean {
  return capacity !== null && booked > capacity
}

export const REGISTRATION_TABS = ['inscrits', 'presence', 'resultat'] as const
export type RegistrationTab = (typeof REGISTRATION_TABS)[number]

/**
 * KAIROS's three tabs of an event: everyone; those whose presence is still to enter or who were
 * absent (a present person leaves the list); present people without a final result (retenu
 * leaves the list; non retenu and en attente stay, they can still change).
 */
export function inTab(tab: RegistrationTab, presence: Presence, result: RegistrationResult | null): boolean {
  switch (tab) {
    case 'inscrits':
      return true
    case 'presence':
      return presence !== 'present'
    case 'resultat':
      return presence === 'present' && result !== 'retenu'
  }
}

/** Only a present person gets a result (an absent one is ICA, an unknown one has none yet). */
export function canReceiveResult(presence: Presence): boolean {
  return presence === 'present'
}

/**
 * Whether an enrolment created by "retenu" can still be undone from the recruitment grid: only
 * while it is still in "retenu" (after that it is handled on the enrolment itself).
 */
export function canUndoRetained(enrolmentStatus: EnrolmentStatus | null): boolean {
  return enrolmentStatus === null || enrolmentStatus === 'retenu'
}

/** The date a retained candidate's enrolment starts from: the meeting, unless it is in the future. */
export function retainedSince(eventDate: string, today: string): string {
  return eventDate <= today ? eventDate : today
}

/** Hours planned for an enrolment: centre + company, when at least one is known. */
export function plannedHours(hoursCentre: number | null, hoursCompany: number | null): number | null {
  if (hoursCentre === null && hoursCompany === null) return null
  return (hoursCentre ?? 0) + (hoursCompany ?? 0)
}

/**
 * "Never leave the prescriber without a recruitment modality" (domain.md §4): an open session
 * not yet ended needs a slot today or later.
 */
export function lacksUpcomingSlot(s: { recruitmentState: RecruitmentState; endDate: string | null; hasUpcomingSlot: boolean }, today: string): boolean {
  return s.recruitmentState === 'open' && (s.endDate === null || s.endDate >= today) && !s.hasUpcomingSlot
}

export function noUpcomingSlotMessage(sessionName: string): string {
  return `Session ${sessionName} : recrutement ouvert sans créneau à venir`
}

export function overCapacityMessage(sessionName: string, eventDate: string, capacity: number, booked: number): string {
  return `Session ${sessionName} : ${people(booked)} positionnée${booked > 1 ? 's' : ''} sur la réunion du ${formatDateFr(eventDate)} pour ${places(capacity)}`
}

/** How a session is named in messages: its label, else its training and start date. */
export function sessionName(s: { label: string | null; trainingTitle: string; startDate: string | null; intercarifSessionId?: string | null }): string {
  if (s.label) return s.label
  const parts = [s.trainingTitle]
  if (s.intercarifSessionId) parts.push(`n° ${s.intercarifSessionId}`)
  if (s.startDate) parts.push(`du ${formatDateFr(s.startDate)}`)
  return parts.join(' ')
}
