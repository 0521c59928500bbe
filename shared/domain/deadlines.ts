import { addDays, daysInMonth, diffDays, formatDateFr, isIsoDate } from './dates'
import { type HolidayOptions, workingDayOnOrAfter } from './frenchHolidays'

/*
 * Legal deadlines and the dashboard's states (docs/domain.md §4). Pure: `today` is always an argument,
 * dates are civil ISO strings (`yyyy-mm-dd`), months are `yyyy-mm`.
 *
 * Declaration deadline (entry, interruption, exit/dropout, in KAIROS):
 *   the training organisation declares the event "dans un délai de trois jours" after its
 *   effective date — décret n° 2019-1386 du 17 décembre 2019 (code du travail, partie
 *   réglementaire, as cited in docs/domain.md §4; check the consolidated article on Légifrance).
 *   - The days are calendar days; the day of the event does not count (as in code de procédure
 *     civile art. 641): an event on day D is due by the end of D + 3.
 *   - When D + 3 is a Saturday, Sunday or public holiday, the deadline moves to the next working
 *     day: the general rule for a deadline expiring on a non-working day (code de procédure civile
 *     art. 642), applied by analogy.
 *   - Not to be confused with the CPF (EDOF) rule of "trois jours ouvrés", another system.
 *   The same due date serves for a session's entries: the dashboard shows "à faire" up to and
 *   including the due date, "en retard" from the day after.
 *
 * Monthly attendance: entered from the 25th of the month and due by its last day.
 * AIF quote: filed at least 15 days before the start (a warning, not a refusal).
 * Interruptions: their own module (interruptions.ts).
 */

export const DECLARATION_DELAY_DAYS = 3
export const ATTENDANCE_OPENING_DAY = 25
export const AIF_MIN_DAYS_BEFORE_START = 15

function requireIso(name: string, iso: string): void {
  if (!isIsoDate(iso)) throw new RangeError(`${name} : date ISO invalide ${JSON.stringify(iso)}`)
}

function requireMonth(month: string): void {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new RangeError(`Mois invalide : ${JSON.stringify(month)}`)
  daysInMonth(month) // throws on month 00 or 13
}

// ---------------------------------------------------------------------------------------------
// Declarations in KAIROS

/** Last day to declare an event that took effect on `effectiveDate` (see the module header). */
export function declarationDueDate(effectiveDate: string, options: HolidayOptions = {}): string {
  requireIso('effectiveDate', effectiveDate)
  return workingDayOnOrAfter(addDays(effectiveDate, DECLARATION_DELAY_DAYS), options)
}

export type DeclarationState = {
  state: 'a_faire' | 'en_retard' | 'declare'
  dueDate: string
  /** Days past the due date: today's lateness, or for a declared event, the lateness of its declaration. */
  daysLate: number
  /** Days since the effective date (the dashboard sorts undeclared events by age). */
  ageDays: number
}

export function declarationState(
  input: { effectiveDate: string; declaredOn: string | null; today: string },
  options: HolidayOptions = {}
): DeclarationState {
  const { effectiveDate, declaredOn, today } = input
  requireIso('today', today)
  if (declaredOn !== null) requireIso('declaredOn', declaredOn)
  const dueDate = declarationDueDate(effectiveDate, options)
  const ageDays = diffDays(effectiveDate, today)
  if (declaredOn !== null) {
    return { state: 'declare', dueDate, daysLate: Math.max(0, diffDays(dueDate, declaredOn)), ageDays }
  }
  const daysLate = Math.max(0, diffDays(dueDate, today))
  return { state: daysLate > 0 ? 'en_retard' : 'a_faire', dueDate, daysLate, ageDays }
}

export type SessionEntryState = 'pas_commence' | 'a_faire' | 'en_retard' | 'fait'

/**
 * Entries of a session whose start has passed. `expected` is the number of people who should be
 * entered (enrolled ones); with none expected there is nothing to do.
 */
export function sessionEntryState(
  input: { sessionStart: string; today: string; entriesRecorded: number; expected: number },
  options: HolidayOptions = {}
): SessionEntryState {
  const { sessionStart, today, entriesRecorded, expected } = input
  requireIso('sessionStart', sessionStart)
  requireIso('today', today)
  for (const [name, n] of [['entriesRecorded', entriesRecorded], ['expected', expected]] as const) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} : nombre invalide ${n}`)
  }
  if (today < sessionStart) return 'pas_commence'
  if (entriesRecorded >= expected) return 'fait'
  return today > declarationDueDate(sessionStart, options) ? 'en_retard' : 'a_faire'
}

// ---------------------------------------------------------------------------------------------
// Monthly attendance

function shiftMonth(month: string, by: -1 | 1): string {
  requireMonth(month)
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7)) + by
  const [yy, mm] = m === 0 ? [y - 1, 12] : m === 13 ? [y + 1, 1] : [y, m]
  const result = `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}`
  requireMonth(result)
  return result
}

export function previousMonth(month: string): string {
  return shiftMonth(month, -1)
}

export function nextMonth(month: string): string {
  return shiftMonth(month, 1)
}

export function attendanceWindow(month: string): { opensOn: string; dueBy: string } {
  requireMonth(month)
  return { opensOn: `${month}-${ATTENDANCE_OPENING_DAY}`, dueBy: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` }
}

export type AttendanceState = 'pas_encore' | 'a_saisir' | 'en_retard' | 'atteste'

export function attendanceState(input: { month: string; today: string; attested: boolean }): AttendanceState {
  const { month, today, attested } = input
  requireIso('today', today)
  const { opensOn, dueBy } = attendanceWindow(month)
  if (attested) return 'atteste'
  if (today < opensOn) return 'pas_encore'
  return today <= dueBy ? 'a_saisir' : 'en_retard'
}

/** The month whose attendance is being entered: this month from the 25th, the previous one before. */
export function currentAttendanceMonth(today: string): string {
  requireIso('today', today)
  const month = today.slice(0, 7)
  return Number(today.slice(8, 10)) >= ATTENDANCE_OPENING_DAY ? month : previousMonth(month)
}

/**
 * Months the dashboard checks for missing attendance: always the previous month (late if not
 * attested), and the current month from the 25th. Oldest first.
 */
export function monthsToCheck(today: string): string[] {
  requireIso('today', today)
  const month = today.slice(0, 7)
  const previous = previousMonth(month)
  return Number(today.slice(8, 10)) >= ATTENDANCE_OPENING_DAY ? [previous, month] : [previous]
}

// ---------------------------------------------------------------------------------------------
// AIF quote

export type AifFilingState = {
  state: 'a_deposer' | 'depose' | 'tardif'
  /** Last day to file the quote 15 days before the start. */
  latestFilingDate: string
  /** Warning for the UI, null when everything is in order. */
  message: string | null
}

/** Filed on `sessionStart − 15` or earlier is in time; later is a warning, never a refusal. */
export function aifFilingState(input: { sessionStart: string; filedOn: string | null; today: string }): AifFilingState {
  const { sessionStart, filedOn, today } = input
  requireIso('sessionStart', sessionStart)
  requireIso('today', today)
  const latestFilingDate = addDays(sessionStart, -AIF_MIN_DAYS_BEFORE_START)
  if (filedOn !== null) {
    requireIso('filedOn', filedOn)
    if (filedOn <= latestFilingDate) return { state: 'depose', latestFilingDate, message: null }
    const before = diffDays(filedOn, sessionStart)
    const detail =
      before > 1 ? `${before} jours avant` : before === 1 ? 'la veille' : before === 0 ? 'le jour même' : 'après l’entrée'
    return {
      state: 'tardif',
      latestFilingDate,
      message: `Devis déposé moins de ${AIF_MIN_DAYS_BEFORE_START} jours avant l’entrée (le ${formatDateFr(filedOn)}, ${detail}).`
    }
  }
  if (today <= latestFilingDate) {
    return { state: 'a_deposer', latestFilingDate, message: null }
  }
  return {
    state: 'tardif',
    latestFilingDate,
    message: `Devis non déposé à moins de ${AIF_MIN_DAYS_BEFORE_START} jours de l’entrée (${formatDateFr(sessionStart)}) : il fallait le déposer au plus tard le ${formatDateFr(latestFilingDate)}.`
  }
}
