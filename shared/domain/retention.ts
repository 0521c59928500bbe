import type { EnrolmentStatus } from './enrolment'

/*
 * Retention of personal data (RGPD art. 5-1-e, docs/domain.md §4 « Retention »). A person is due
 * for anonymisation when the last thing that happened with them is older than the retention period.
 * Pure: the services feed it rows, the tests feed it cases.
 */

/**
 * Default: 6 years after the last enrolment's end. Supporting documents (sign-in sheets, attendance
 * statements, certificates) must be kept 6 years for a funder's audit (docs/domain.md §4) and they
 * name the person: anonymising sooner would make them unattributable during a control.
 */
export const DEFAULT_RETENTION_YEARS = 6
export const MIN_RETENTION_YEARS = 1
/** 10 years: the ESF co-funded case, the longest retention the field knows. */
export const MAX_RETENTION_YEARS = 10

/** What an anonymised person is called everywhere their name was. */
export const ANONYMISED_LAST_NAME = 'Personne anonymisée'
export const anonymisedFirstName = (id: number): string => `n° ${id}`

/** Statuses after which nothing more happens on an enrolment. */
const CLOSED: ReadonlySet<EnrolmentStatus> = new Set(['sorti', 'abandon', 'annule', 'non_retenu'])

export type EnrolmentEndInput = {
  status: EnrolmentStatus
  exitDate: string | null
  statusSince: string
  sessionEnd: string | null
  plannedEnd: string | null
}

/**
 * The day an enrolment ended, or null while it is still running (a person in training, or one still
 * waiting for a session that has not ended). An enrolment that never reached « entré » ends with its
 * session: once the session is over, nothing can happen on it any more.
 */
export function enrolmentEnd(e: EnrolmentEndInput, today: string): string | null {
  if (CLOSED.has(e.status)) return maxDate([e.exitDate, e.statusSince])
  if (e.status === 'entre') return null
  const sessionEnd = maxDate([e.sessionEnd, e.plannedEnd])
  if (sessionEnd === null || sessionEnd >= today) return null
  return maxDate([sessionEnd, e.statusSince])
}

export type PersonActivity = {
  /** Every enrolment's end (null: still running). */
  enrolmentEnds: (string | null)[]
  /** Dates of the recruitment meetings the person was booked on, of quotes' ends. */
  otherDates: (string | null)[]
  /** When the person was entered (yyyy-mm-dd). */
  createdOn: string
}

/** The person's last activity, or null when something is still running (never due then). */
export function lastActivity(p: PersonActivity): string | null {
  if (p.enrolmentEnds.some((d) => d === null)) return null
  return maxDate([...p.enrolmentEnds, ...p.otherDates, p.createdOn])
}

/** The day before which a last activity is past retention, as of today. 29 February falls back to the 28th. */
export function retentionCutoff(today: string, years: number): string {
  const year = Number(today.slice(0, 4)) - years
  const monthDay = today.slice(5)
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`
}

/** A person whose last activity is strictly before the cutoff may be anonymised. */
export function isDue(last: string | null, cutoff: string): boolean {
  return last !== null && last < cutoff
}

export function checkRetentionYears(years: number): string | null {
  if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS) {
    return `La durée de conservation est un nombre entier d’années, de ${MIN_RETENTION_YEARS} à ${MAX_RETENTION_YEARS}.`
  }
  return null
}

function maxDate(dates: readonly (string | null)[]): string | null {
  let max: string | null = null
  for (const d of dates) if (d !== null && (max === null || d > max)) max = d
  return max
}
