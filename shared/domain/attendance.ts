import { dayOfWeek, daysInMonth } from './dates'
import { ATTENDANCE_OPENING_DAY } from './deadlines'
import { ABSENCE_CODES, type AbsenceCode } from './enrolment'
import { type HolidayOptions, publicHolidays } from './frenchHolidays'
import { formatHours, parseHours } from './hours'
import type { Check } from './validation'

/*
 * Monthly attendance (domain.md §4–§5): the rules of the month × trainees grid, pure so that the
 * renderer (live checks and totals while typing or pasting) and the main process (the check that
 * counts, before writing) apply exactly the same ones. No Node API, no Date object: civil ISO
 * dates only.
 *
 * Cell conventions (also the storage convention of attendance_day, and the demo generator's):
 *   - hours attended: a number of hours, 0 to 24, in hundredths          → hours = n, no code;
 *   - a full day of absence: a code (AJ, ANJ, MAL, AT, RDV, FAM, ENT)    → hours NULL, code,
 *     absence_hours = the day's planned hours;
 *   - a partial absence, typed « 3,5 RDV »: hours attended and a code for the rest of the planned
 *     day (a half day at France Travail)                                  → hours = n, code,
 *     absence_hours = planned − n;
 *   - empty: no row.
 *
 * Planned hours of a day: the trainee's weekly planning (the enrolment's own, else the session's,
 * Monday..Sunday; 7 h Monday to Friday when neither is known), 0 on public holidays, during a
 * session break, outside the session's dates, and on the days the trainee is not in training
 * (before entry, after exit, during an interruption).
 *
 * Editable days: every day from entry to exit, outside interruptions and session breaks, while
 * the month is not attested. Weekends and public holidays ARE editable (shaded, planned 0): a
 * Saturday open day or a make-up session happens. Rule for days with planned 0 (weekend, holiday,
 * outside the session's dates or planning): any hours above 0 need « forcer », like hours above
 * the planning on a normal day; an absence code is refused there (there is nothing to be absent
 * from). Clearing a cell is allowed on every day but an attested one, so that values left on a day
 * that is no longer in training (after a correction of the entry date) can be removed.
 *
 * Totals: a full-day code counts the day's planned hours as absence of that code; a partial
 * absence counts the planned hours minus the hours attended; each counts one day of that code.
 */

export { ABSENCE_CODES, type AbsenceCode } from './enrolment'

export const ABSENCE_CODE_LIST = Object.keys(ABSENCE_CODES) as AbsenceCode[]

/** Used when neither the enrolment nor the session has a weekly planning: 35 h, Monday to Friday. */
export const DEFAULT_WEEKLY_HOURS: readonly number[] = [7, 7, 7, 7, 7, 0, 0]

/** The most a day can hold. */
export const MAX_DAY_HOURS = 24

/** Hours attended and, for the rest of the planned day, an absence code (« 3,5 RDV »). */
export type PartialAbsence = { hours: number; code: AbsenceCode }

/** A cell: hours attended, a full day of absence (code), a partial absence, or null when empty. */
export type CellValue = number | AbsenceCode | PartialAbsence | null

/** Why a day cannot be entered for a trainee (greyed in the grid). */
export type LockedReason = 'before_entry' | 'after_exit' | 'interruption' | 'session_break' | 'future' | 'attested'

export type AttendanceDay = {
  date: string
  /** 1..31 */
  day: number
  /** 1 = Monday … 7 = Sunday. */
  weekday: number
  weekend: boolean
  /** Name of the French public holiday, if any. */
  holiday: string | null
}

/** Absences by code, and split by whether they are justified (the month's totals, the ledger's). */
export type AbsenceBreakdown<C extends AbsenceCode = AbsenceCode> = {
  /** Hours of absence by code. */
  absenceHours: Partial<Record<C, number>>
  /** Days carrying each code (full or partial). */
  absenceDays: Partial<Record<C, number>>
  justifiedAbsenceHours: number
  unjustifiedAbsenceHours: number
}

export type AttendanceTotals = AbsenceBreakdown & {
  attendedHours: number
  plannedHours: number
}

/** What attendance_day holds for a cell; null = no row. */
export type StoredDay = { hours: number | null; code: AbsenceCode | null; absenceHours: number | null; forced: boolean }

// ---------------------------------------------------------------------------------------------
// Months and days

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const
const WEEKDAYS_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const
/** Initials of the grid's and the spreadsheet's header: L M M J V S D. */
export const WEEKDAY_INITIALS = ['L', 'M', 'M', 'J', 'V', 'S', 'D'] as const

const MONTH_SHAPE = /^(\d{4})-(0[1-9]|1[0-2])$/

export function isMonth(s: string): boolean {
  return MONTH_SHAPE.test(s)
}

function requireMonth(month: string): void {
  if (!isMonth(month)) throw new RangeError(`Mois invalide : ${JSON.stringify(month)}`)
}

/** « novembre 2026 » */
export function monthLabelFr(month: string): string {
  requireMonth(month)
  return `${MONTHS_FR[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`
}

/** « de novembre 2026 », « d’octobre 2026 » */
export function ofMonthFr(month: string): string {
  const label = monthLabelFr(month)
  return /^[aeiouyàâéèêëîïôûù]/i.test(label) ? `d’${label}` : `de ${label}`
}

export function monthBounds(month: string): { first: string; last: string } {
  requireMonth(month)
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` }
}

/** The days of a month with their weekday and public holiday. */
export function monthDays(month: string, options: HolidayOptions = {}): AttendanceDay[] {
  const { first } = monthBounds(month)
  const holidays = new Map<string, string>()
  for (const h of publicHolidays(Number(month.slice(0, 4)), options)) {
    const name = holidays.get(h.date)
    holidays.set(h.date, name ? `${name} et ${h.name}` : h.name)
  }
  const n = daysInMonth(month)
  const firstWeekday = dayOfWeek(first)
  const days: AttendanceDay[] = []
  for (let i = 0; i < n; i++) {
    const date = `${month}-${String(i + 1).padStart(2, '0')}`
    const weekday = ((firstWeekday - 1 + i) % 7) + 1
    days.push({ date, day: i + 1, weekday, weekend: weekday >= 6, holiday: holidays.get(date) ?? null })
  }
  return days
}

/** « le samedi 07/11 » */
export function dayLabelFr(date: string): string {
  return `le ${WEEKDAYS_FR[dayOfWeek(date) - 1] ?? ''} ${date.slice(8, 10)}/${date.slice(5, 7)}`
}

function shortDateFr(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

// ---------------------------------------------------------------------------------------------
// Planned hours and locked days of one trainee

export type Period = { start: string; end: string | null }

export type RowCalendarInput = {
  entryDate: string | null
  exitDate: string | null
  sessionStart: string | null
  sessionEnd: string | null
  /** Monday..Sunday; null: the default planning. */
  weekly: readonly number[] | null
  /** The enrolment's interruptions, first and last days included (end null: ongoing). */
  interruptions: readonly Period[]
  /** The session's breaks, first and last days included. */
  breaks: readonly Period[]
  attested: boolean
  /** Days after it have not happened: locked 'future' (attendance is entered for past days only). */
  today?: string | null
}

export type RowCalendar = { planned: number[]; locked: (LockedReason | null)[] }

const inPeriod = (date: string, p: Period): boolean => date >= p.start && (p.end === null || date <= p.end)

/** Why a day is out of training for this trainee (null when in training); attestation and today aside. */
export function presenceLock(date: string, input: RowCalendarInput): Exclude<LockedReason, 'attested' | 'future'> | null {
  if (input.entryDate === null || date < input.entryDate) return 'before_entry'
  if (input.exitDate !== null && date > input.exitDate) return 'after_exit'
  if (input.interruptions.some((p) => inPeriod(date, p))) return 'interruption'
  if (input.breaks.some((p) => inPeriod(date, p))) return 'session_break'
  return null
}

export function rowCalendar(days: readonly AttendanceDay[], input: RowCalendarInput): RowCalendar {
  const weekly = input.weekly !== null && input.weekly.length === 7 ? input.weekly : DEFAULT_WEEKLY_HOURS
  const planned: number[] = []
  const locked: (LockedReason | null)[] = []
  for (const d of days) {
    const presence = presenceLock(d.date, input)
    const future = input.today !== undefined && input.today !== null && d.date > input.today
    locked.push(presence ?? (input.attested ? 'attested' : future ? 'future' : null))
    const outsideSession = (input.sessionStart !== null && d.date < input.sessionStart) || (input.sessionEnd !== null && d.date > input.sessionEnd)
    planned.push(presence !== null || d.holiday !== null || outsideSession ? 0 : (weekly[d.weekday - 1] ?? 0))
  }
  return { planned, locked }
}

// ---------------------------------------------------------------------------------------------
// Reading what the clerk types

const CODES_TEXT = ABSENCE_CODE_LIST.join(', ')

export function isAbsenceCode(s: string): s is AbsenceCode {
  return Object.prototype.hasOwnProperty.call(ABSENCE_CODES, s)
}

function parseCode(text: string): Check<AbsenceCode> {
  const code = text.toUpperCase()
  if (isAbsenceCode(code)) return { ok: true, value: code }
  return { ok: false, message: `Code inconnu « ${code} » : codes possibles ${CODES_TEXT}` }
}

function parseDayHours(text: string): Check<number> {
  const parsed = parseHours(text, { max: 10_000 })
  if (!parsed.ok) return parsed
  if (parsed.value > MAX_DAY_HOURS) return { ok: false, message: `${formatHours(parsed.value)} h : une journée compte au plus ${MAX_DAY_HOURS} heures` }
  return parsed
}

/**
 * One cell as typed or pasted: « 7,5 », « 7.5 », « 7h30 », a code in any case (« aj »), hours and
 * a code for a partial absence (« 3,5 RDV », « 3h30 rdv »); blank clears the cell (null).
 */
export function parseCellInput(input: string): Check<CellValue> {
  const s = input.replace(/[\u00A0\u202F\u2007]/g, ' ').trim()
  if (s === '') return { ok: true, value: null }
  if (/^[A-Za-zÀ-ÿ]+$/.test(s)) return parseCode(s)
  const partial = /^(.*\d.*?)\s*\+?\s*([A-Za-zÀ-ÿ]{2,})$/.exec(s)
  if (partial && !/^h$/i.test(partial[2] ?? '')) {
    const hours = parseDayHours(partial[1] ?? '')
    if (!hours.ok) return hours
    const code = parseCode(partial[2] ?? '')
    if (!code.ok) return code
    return { ok: true, value: { hours: hours.value, code: code.value } }
  }
  return parseDayHours(s)
}

/** How a cell is shown and copied: « 7,5 », « AJ », « 3,5 RDV », '' when empty. */
export function formatCell(value: CellValue): string {
  if (value === null) return ''
  if (typeof value === 'number') return formatHours(value)
  if (typeof value === 'string') return value
  return `${formatHours(value.hours)} ${value.code}`
}

export function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b
  return a.hours === b.hours && a.code === b.code
}

const round2 = (n: number): number => Math.round(n * 100) / 100

// ---------------------------------------------------------------------------------------------
// Checking a cell before it is stored

const LOCK_WHY: Record<LockedReason, string> = {
  before_entry: 'avant l’entrée en formation',
  after_exit: 'après la sortie de formation',
  interruption: 'pendant une interruption de parcours',
  session_break: 'pendant une fermeture de la session',
  future: 'à venir',
  attested: 'dans un mois déjà attesté (déverrouillez-le pour le modifier)'
}

export function lockedMessage(reason: LockedReason, date: string): string {
  // Attendance certifies what happened: a day that has not come yet cannot be entered (issue #11).
  if (reason === 'future') return `${capitalise(dayLabelFr(date))} n’est pas encore passé : la présence ne se saisit que pour les jours écoulés (aujourd’hui compris)`
  return `${capitalise(dayLabelFr(date))} est ${LOCK_WHY[reason]} : rien ne peut y être saisi`
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export type CellCheckInput = {
  date: string
  value: CellValue
  planned: number
  locked: LockedReason | null
  /** « Forcer »: hours above the day's planned hours are accepted. */
  force?: boolean
}

/** The row to store for a cell (null: delete it), or the French reason for refusing it. */
export function checkCell(input: CellCheckInput): Check<StoredDay | null> {
  const { date, value, planned, locked } = input
  const force = input.force === true
  if (locked === 'attested' || (locked !== null && value !== null)) return { ok: false, message: lockedMessage(locked, date) }
  if (value === null) return { ok: true, value: null }

  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value > MAX_DAY_HOURS) {
      return { ok: false, message: `${formatHours(value)} h : une journée compte au plus ${MAX_DAY_HOURS} heures` }
    }
    const hours = round2(value)
    if (hours > planned && !force) {
      if (planned === 0) {
        return { ok: false, message: `${formatHours(hours)} h ${dayLabelFr(date)} : aucune heure prévue au planning ce jour-là ; cochez « forcer » pour en saisir` }
      }
      return { ok: false, message: `${formatHours(hours)} h : ${formatHours(planned)} h prévues au planning ; cochez « forcer » pour dépasser` }
    }
    return { ok: true, value: { hours, code: null, absenceHours: null, forced: hours > planned } }
  }

  const code = typeof value === 'string' ? value : value.code
  if (!isAbsenceCode(code)) return { ok: false, message: `Code inconnu « ${String(code)} » : codes possibles ${CODES_TEXT}` }
  if (planned === 0) return { ok: false, message: `Aucune heure prévue ${dayLabelFr(date)} : il n’y a pas d’absence à y saisir` }
  if (typeof value === 'string') return { ok: true, value: { hours: null, code, absenceHours: planned, forced: false } }

  const hours = round2(value.hours)
  if (!Number.isFinite(hours) || hours < 0) return { ok: false, message: `${formatCell(value)} : nombre d’heures invalide` }
  if (hours >= planned) {
    return {
      ok: false,
      message: `${formatCell(value)} : la journée prévoit ${formatHours(planned)} h, il ne reste pas d’absence à justifier ; saisissez les heures seules`
    }
  }
  return { ok: true, value: { hours, code, absenceHours: round2(planned - hours), forced: false } }
}

/** The cell shown for a stored row (demo data and older rows included). */
export function cellFromStored(hours: number | null, code: string | null): CellValue {
  if (code !== null && isAbsenceCode(code)) return hours === null ? code : { hours, code }
  return hours
}

// ---------------------------------------------------------------------------------------------
// Totals

export function emptyTotals(): AttendanceTotals {
  return { attendedHours: 0, plannedHours: 0, absenceHours: {}, absenceDays: {}, justifiedAbsenceHours: 0, unjustifiedAbsenceHours: 0 }
}

/** Hours of absence a cell carries, given the day's planned hours. */
export function cellAbsence(value: CellValue, planned: number): { code: AbsenceCode; hours: number } | null {
  if (value === null || typeof value === 'number') return null
  if (typeof value === 'string') return { code: value, hours: planned }
  return { code: value.code, hours: Math.max(0, round2(planned - value.hours)) }
}

export function cellHours(value: CellValue): number {
  if (typeof value === 'number') return value
  if (value !== null && typeof value === 'object') return value.hours
  return 0
}

/** Running sums in hundredths of an hour, so that adding hours never drifts (0.1 + 0.2). */
type Sums = { attended: number; planned: number; justified: number; unjustified: number; hours: Map<AbsenceCode, number>; days: Map<AbsenceCode, number> }

const newSums = (): Sums => ({ attended: 0, planned: 0, justified: 0, unjustified: 0, hours: new Map(), days: new Map() })
const addTo = (map: Map<AbsenceCode, number>, code: AbsenceCode, n: number): void => {
  map.set(code, (map.get(code) ?? 0) + n)
}

/** Totals of one trainee's month. */
export function rowTotals(values: readonly CellValue[], planned: readonly number[]): AttendanceTotals {
  const s = newSums()
  const n = Math.max(values.length, planned.length)
  for (let i = 0; i < n; i++) {
    const value = values[i] ?? null
    const p = planned[i] ?? 0
    s.planned += Math.round(p * 100)
    s.attended += Math.round(cellHours(value) * 100)
    const absence = cellAbsence(value, p)
    if (absence) {
      const h = Math.round(absence.hours * 100)
      addTo(s.hours, absence.code, h)
      addTo(s.days, absence.code, 1)
      if (ABSENCE_CODES[absence.code].justified) s.justified += h
      else s.unjustified += h
    }
  }
  return totalsOf(s)
}

/** The grid's totals row: the sum of the rows' totals. */
export function sumTotals(list: readonly AttendanceTotals[]): AttendanceTotals {
  const cents = (n: number | undefined) => Math.round((n ?? 0) * 100)
  const s = newSums()
  for (const t of list) {
    s.attended += cents(t.attendedHours)
    s.planned += cents(t.plannedHours)
    s.justified += cents(t.justifiedAbsenceHours)
    s.unjustified += cents(t.unjustifiedAbsenceHours)
    for (const code of ABSENCE_CODE_LIST) {
      if (t.absenceHours[code] !== undefined) addTo(s.hours, code, cents(t.absenceHours[code]))
      if (t.absenceDays[code] !== undefined) addTo(s.days, code, t.absenceDays[code] ?? 0)
    }
  }
  return totalsOf(s)
}

/** The codes in their list's order, those seen only. */
function totalsOf(s: Sums): AttendanceTotals {
  const totals = emptyTotals()
  totals.attendedHours = s.attended / 100
  totals.plannedHours = s.planned / 100
  totals.justifiedAbsenceHours = s.justified / 100
  totals.unjustifiedAbsenceHours = s.unjustified / 100
  for (const code of ABSENCE_CODE_LIST) {
    const h = s.hours.get(code)
    if (h !== undefined) totals.absenceHours[code] = h / 100
    const d = s.days.get(code)
    if (d !== undefined) totals.absenceDays[code] = d
  }
  return totals
}

export type DayTotals = { attendedHours: number[]; plannedHours: number[]; absenceHours: number[] }

/** Column totals: per day of the month, over all rows. */
export function dayTotals(rows: readonly { values: readonly CellValue[]; planned: readonly number[] }[], dayCount: number): DayTotals {
  const attended = new Array<number>(dayCount).fill(0)
  const planned = new Array<number>(dayCount).fill(0)
  const absent = new Array<number>(dayCount).fill(0)
  for (const row of rows) {
    for (let i = 0; i < dayCount; i++) {
      const value = row.values[i] ?? null
      const p = row.planned[i] ?? 0
      planned[i] = (planned[i] ?? 0) + Math.round(p * 100)
      attended[i] = (attended[i] ?? 0) + Math.round(cellHours(value) * 100)
      const a = cellAbsence(value, p)
      if (a) absent[i] = (absent[i] ?? 0) + Math.round(a.hours * 100)
    }
  }
  const toHours = (list: number[]) => list.map((c) => c / 100)
  return { attendedHours: toHours(attended), plannedHours: toHours(planned), absenceHours: toHours(absent) }
}

// ---------------------------------------------------------------------------------------------
// Attestation (from the 25th, never a future month)

/** Null when the month can be attested on `today`, else the French reason. */
export function attestationRefusal(month: string, today: string): string | null {
  requireMonth(month)
  const current = today.slice(0, 7)
  if (month > current) return `Impossible d’attester l’assiduité ${ofMonthFr(month)} : ce mois n’a pas encore commencé.`
  const opensOn = `${month}-${ATTENDANCE_OPENING_DAY}`
  if (today < opensOn) {
    return (
      `L’assiduité ${ofMonthFr(month)} s’atteste à partir du ${ATTENDANCE_OPENING_DAY} (le ${shortDateFr(opensOn)}) : ` +
      'France Travail demande l’état mensuel de présence à partir du 25 de chaque mois, les derniers jours étant ceux prévus au planning.'
    )
  }
  return null
}
