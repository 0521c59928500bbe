import type { LheoDate } from './types'

/**
 * LHEO dates are `YYYYMMDD` (schema pattern `[0-9]{4}[019][0-9][01239][0-9]`), with conventions:
 * `00000000` unknown, `99999999` open ("non fixée"), `YYYYMM00` month only, `YYYY0000` year only.
 */

export type DateBound = 'start' | 'end'

export type DateProblem = 'month' | 'year' | 'unknown' | 'invalid' | null

export type ParsedLheoDate = { date: LheoDate; problem: DateProblem }

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Parses an LHEO date and says what is wrong with it, if anything (for warnings). */
export function parseLheoDate(rawInput: string, bound: DateBound): ParsedLheoDate {
  const raw = rawInput.trim()
  if (raw === '00000000') return { date: { iso: null, precision: 'unknown', raw }, problem: 'unknown' }
  if (raw === '99999999') return { date: { iso: null, precision: 'open', raw }, problem: null }
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw)
  const invalid: ParsedLheoDate = { date: { iso: null, precision: 'unknown', raw }, problem: 'invalid' }
  if (!m) return invalid
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (year === 0) return invalid
  if (month === 0) {
    if (day !== 0) return invalid
    const iso = bound === 'start' ? `${pad(year, 4)}-01-01` : `${pad(year, 4)}-12-31`
    return { date: { iso, precision: 'year', raw }, problem: 'year' }
  }
  if (month > 12) return invalid
  if (day === 0) {
    const last = bound === 'start' ? 1 : daysInMonth(year, month)
    return { date: { iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(last, 2)}`, precision: 'month', raw }, problem: 'month' }
  }
  if (day > daysInMonth(year, month)) return invalid
  return { date: { iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, precision: 'day', raw }, problem: null }
}

/** LHEO date → { iso, precision, raw }; a partial date is widened to the start or the end of its period. */
export function lheoDate(raw: string, bound: DateBound): LheoDate {
  return parseLheoDate(raw, bound).date
}

const FR = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/** French warning text for a date that is not a full day, or null when there is nothing to say. */
export function describeDateProblem(parsed: ParsedLheoDate, element: string, line: number | null): string | null {
  const where = `dans <${element}>${line === null ? '' : ` ligne ${line}`}`
  const { raw, iso } = parsed.date
  switch (parsed.problem) {
    case 'month':
      return `Date incomplète « ${raw} » ${where} : jour non précisé, ${iso === null ? '' : FR(iso)} retenu.`
    case 'year':
      return `Date incomplète « ${raw} » ${where} : seule l'année est connue, ${iso === null ? '' : FR(iso)} retenu.`
    case 'unknown':
      return `Date inconnue (« ${raw} ») ${where}.`
    case 'invalid':
      return `Date impossible « ${raw} » ${where} : ignorée.`
    default:
      return null
  }
}

/** `datecrea` / `datemaj` attributes (free strings in the schema, usually YYYYMMDD) → yyyy-mm-dd or null. */
export function attributeDate(raw: string | undefined): string | null {
  if (raw === undefined) return null
  const v = raw.trim()
  const p = parseLheoDate(v, 'start')
  if (p.date.precision === 'day') return p.date.iso
  // The 2.3 horodatage-* attributes are xs:dateTime.
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(v)
  if (m) {
    const y = Number(m[1])
    const mo = Number(m[2])
    const d = Number(m[3])
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return `${m[1]}-${m[2]}-${m[3]}`
  }
  return null
}
