import {
  type AbsenceBreakdown,
  type AttendanceDay,
  type AttendanceTotals,
  type CellValue,
  cellAbsence,
  cellHours,
  cellFromStored,
  monthDays,
  presenceLock,
  rowCalendar,
  type RowCalendarInput
} from './attendance'
import { ABSENCE_CODES, type AbsenceCode } from './enrolment'
import type { HolidayOptions } from './frenchHolidays'

/*
 * The hours ledger: the one place where hours are computed (docs/domain.md « Heures »).
 *
 * For one enrolment and a period [from, to], as of a date: the planned hours (the same planning
 * as the attendance grid: weekly rhythm, public holidays, session breaks, session dates, entry,
 * exit, interruptions), the hours attended in centre, the hours in a company (code ENT — a period
 * in a company is training, never an absence), the absences by code, and what is still to be
 * entered. A day after `asOf` is never counted as done nor as planned-to-date: it only adds to
 * `scheduledHours`, the programme of the whole period.
 *
 * Sums run in hundredths of an hour (integers), so 0,1 + 0,2 never drifts.
 *
 * The balance a controller checks: plannedHours = attendedHours + companyHours
 *   + justifiedAbsenceHours + unjustifiedAbsenceHours + unrecordedHours + shortHours − extraHours,
 * where extraHours are hours attended above the day's planning (forced), unrecordedHours the
 * planned hours of past days with nothing entered and shortHours the planned hours left uncovered
 * on days entered below the planning without a code.
 */

/** Absence codes that are absences (ENT is a company period, counted apart). */
export type AbsenceOnlyCode = Exclude<AbsenceCode, 'ENT'>
export const COMPANY_CODE = 'ENT' satisfies AbsenceCode

/** A stored attendance day: hours attended and/or an absence code (attendance_day's convention). */
export type LedgerEntry = { date: string; hours: number | null; code: AbsenceCode | null }

/** An enrolment's calendar: the grid's inputs, attestation aside. */
export type LedgerCalendar = Omit<RowCalendarInput, 'attested' | 'today'>

export type LedgerDay = {
  date: string
  weekday: number
  weekend: boolean
  holiday: string | null
  /** Why the trainee is not in training that day (before entry, after exit, interruption, session break). */
  presence: 'before_entry' | 'after_exit' | 'interruption' | 'session_break' | null
  /** Planned hours of the day (0 when not in training, a holiday, or outside the planning). */
  planned: number
  /** After the ledger's date: nothing counts as done. */
  future: boolean
  /** What was entered (always null on a future day, whatever is stored). */
  value: CellValue
}

/** Absences leave out ENT: days in a company are realised hours, counted apart. */
export type HoursSummary = AbsenceBreakdown<AbsenceOnlyCode> & {
  from: string
  to: string
  asOf: string
  /** Planned hours of the days up to asOf. */
  plannedHours: number
  /** Planned hours of the whole period, future days included (the programme). */
  scheduledHours: number
  /** Hours attended in centre, up to asOf. */
  attendedHours: number
  /** Hours in a company (code ENT), up to asOf. */
  companyHours: number
  companyDays: number
  /** attendedHours + companyHours: the hours of training actually completed. */
  realisedHours: number
  /** Planned hours of past days where nothing was entered. */
  unrecordedHours: number
  /** Hours attended above the day's planning (forced). */
  extraHours: number
  /** Planned hours of past days covered neither by hours attended nor by a code (5 h typed on a 7 h day). */
  shortHours: number
  /** First and last day with hours attended or in a company, up to asOf (null when none). */
  firstDoneDate: string | null
  lastDoneDate: string | null
}

export type Ledger = { summary: HoursSummary; days: LedgerDay[] }

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  const last = to.slice(0, 7)
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
    if (month > last) break
    months.push(month)
    m++
    if (m === 13) {
      m = 1
      y++
    }
  }
  return months
}

/** The days of [from, to] with their planned hours and what was entered, as of asOf. */
export function ledgerDays(calendar: LedgerCalendar, entries: readonly LedgerEntry[], from: string, to: string, asOf: string, options: HolidayOptions = {}): LedgerDay[] {
  if (to < from) return []
  const byDate = new Map<string, LedgerEntry>()
  for (const e of entries) if (e.date >= from && e.date <= to) byDate.set(e.date, e)
  const input: RowCalendarInput = { ...calendar, attested: false }
  const days: LedgerDay[] = []
  for (const month of monthsBetween(from, to)) {
    const all: AttendanceDay[] = monthDays(month, options)
    const inRange = all.filter((d) => d.date >= from && d.date <= to)
    const { planned } = rowCalendar(inRange, input)
    inRange.forEach((d, i) => {
      const future = d.date > asOf
      const stored = future ? undefined : byDate.get(d.date)
      days.push({
        date: d.date,
        weekday: d.weekday,
        weekend: d.weekend,
        holiday: d.holiday,
        presence: presenceLock(d.date, input),
        planned: planned[i] ?? 0,
        future,
        value: stored ? cellFromStored(stored.hours, stored.code) : null
      })
    })
  }
  return days
}

const h = (n: number): number => Math.round(n * 100)

/** Totals of ledger days (hundredths internally). */
export function summarise(days: readonly LedgerDay[], from: string, to: string, asOf: string): HoursSummary {
  let planned = 0
  let scheduled = 0
  let attended = 0
  let company = 0
  let companyDays = 0
  let justified = 0
  let unjustified = 0
  let unrecorded = 0
  let extra = 0
  let short = 0
  let firstDone: string | null = null
  let lastDone: string | null = null
  const byCode = new Map<AbsenceOnlyCode, { hours: number; days: number }>()
  for (const d of days) {
    const p = h(d.planned)
    scheduled += p
    if (d.future) continue
    planned += p
    const value = d.value
    if (value === null) {
      unrecorded += p
      continue
    }
    const done = h(cellHours(value))
    attended += done
    if (done > 0) {
      firstDone ??= d.date
      lastDone = d.date
    }
    if (done > p) extra += done - p
    const absence = cellAbsence(value, d.planned)
    const absent = absence === null ? 0 : h(absence.hours)
    // Hours below the planning with no code (5 h typed on a 7 h day): neither done nor a reason.
    if (done + absent < p) short += p - done - absent
    // A code on a day with nothing left to be absent from (nothing planned) counts nothing.
    if (absence === null || absent === 0) continue
    if (absence.code === COMPANY_CODE) {
      company += absent
      companyDays++
      if (firstDone === null || d.date < firstDone) firstDone = d.date
      if (lastDone === null || d.date > lastDone) lastDone = d.date
      continue
    }
    const entry = byCode.get(absence.code) ?? { hours: 0, days: 0 }
    entry.hours += absent
    entry.days++
    byCode.set(absence.code, entry)
    if (ABSENCE_CODES[absence.code].justified) justified += absent
    else unjustified += absent
  }
  const absenceHours: Partial<Record<AbsenceOnlyCode, number>> = {}
  const absenceDays: Partial<Record<AbsenceOnlyCode, number>> = {}
  for (const [code, e] of byCode) {
    absenceHours[code] = e.hours / 100
    absenceDays[code] = e.days
  }
  return {
    from,
    to,
    asOf,
    plannedHours: planned / 100,
    scheduledHours: scheduled / 100,
    attendedHours: attended / 100,
    companyHours: company / 100,
    companyDays,
    realisedHours: (attended + company) / 100,
    absenceHours,
    absenceDays,
    justifiedAbsenceHours: justified / 100,
    unjustifiedAbsenceHours: unjustified / 100,
    unrecordedHours: unrecorded / 100,
    extraHours: extra / 100,
    shortHours: short / 100,
    firstDoneDate: firstDone,
    lastDoneDate: lastDone
  }
}

/** The ledger of one enrolment over [from, to], as of asOf. */
export function hoursLedger(calendar: LedgerCalendar, entries: readonly LedgerEntry[], from: string, to: string, asOf: string, options: HolidayOptions = {}): Ledger {
  const days = ledgerDays(calendar, entries, from, to, asOf, options)
  return { days, summary: summarise(days, from, to, asOf) }
}

/** The controller's check: planned = attended + company + absences + unrecorded + short − extra. */
export function ledgerBalances(s: HoursSummary): boolean {
  return (
    h(s.plannedHours) ===
    h(s.attendedHours) + h(s.companyHours) + h(s.justifiedAbsenceHours) + h(s.unjustifiedAbsenceHours) + h(s.unrecordedHours) + h(s.shortHours) - h(s.extraHours)
  )
}

/** Sum of several summaries (a session's total): same period fields as the first. */
export function sumSummaries(list: readonly HoursSummary[], from: string, to: string, asOf: string): HoursSummary {
  const total = summarise([], from, to, asOf)
  const add = (k: 'plannedHours' | 'scheduledHours' | 'attendedHours' | 'companyHours' | 'realisedHours' | 'justifiedAbsenceHours' | 'unjustifiedAbsenceHours' | 'unrecordedHours' | 'extraHours' | 'shortHours', s: HoursSummary) => {
    total[k] = (h(total[k]) + h(s[k])) / 100
  }
  for (const s of list) {
    for (const k of ['plannedHours', 'scheduledHours', 'attendedHours', 'companyHours', 'realisedHours', 'justifiedAbsenceHours', 'unjustifiedAbsenceHours', 'unrecordedHours', 'extraHours', 'shortHours'] as const) add(k, s)
    total.companyDays += s.companyDays
    for (const [code, hours] of Object.entries(s.absenceHours) as [AbsenceOnlyCode, number][]) total.absenceHours[code] = (h(total.absenceHours[code] ?? 0) + h(hours)) / 100
    for (const [code, n] of Object.entries(s.absenceDays) as [AbsenceOnlyCode, number][]) total.absenceDays[code] = (total.absenceDays[code] ?? 0) + n
    if (s.firstDoneDate !== null && (total.firstDoneDate === null || s.firstDoneDate < total.firstDoneDate)) total.firstDoneDate = s.firstDoneDate
    if (s.lastDoneDate !== null && (total.lastDoneDate === null || s.lastDoneDate > total.lastDoneDate)) total.lastDoneDate = s.lastDoneDate
  }
  return total
}

/**
 * The attendance grid's total columns of a ledger summary: « Prévu » is the month's programme
 * (scheduledHours), the absences by code include ENT in its own column (the grid has one column
 * per code) while the justified/unjustified sums leave it out, as the ledger does.
 */
export function totalsFromLedger(s: HoursSummary): AttendanceTotals {
  const absenceHours: AttendanceTotals['absenceHours'] = { ...s.absenceHours }
  const absenceDays: AttendanceTotals['absenceDays'] = { ...s.absenceDays }
  if (s.companyDays > 0) {
    absenceHours.ENT = s.companyHours
    absenceDays.ENT = s.companyDays
  }
  return {
    attendedHours: s.attendedHours,
    plannedHours: s.scheduledHours,
    absenceHours,
    absenceDays,
    justifiedAbsenceHours: s.justifiedAbsenceHours,
    unjustifiedAbsenceHours: s.unjustifiedAbsenceHours
  }
}
