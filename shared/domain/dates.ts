import type { Check } from './validation'

/*
 * Civil dates (birth dates, session days…) are plain `yyyy-mm-dd` strings and all
 * arithmetic is done on integer day numbers (Howard Hinnant's days-from-civil
 * algorithm). A Date object would carry a time zone and can silently move a day
 * across midnight or a daylight-saving change.
 */

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre'
] as const

type Civil = { y: number; m: number; d: number }

const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function monthLength(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

function validCivil(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= monthLength(y, m)
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function toIso({ y, m, d }: Civil): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`
}

function parseIso(iso: string): Civil | null {
  const match = ISO_SHAPE.exec(iso)
  if (!match) return null
  const y = Number(match[1])
  const m = Number(match[2])
  const d = Number(match[3])
  return validCivil(y, m, d) ? { y, m, d } : null
}

/** Internal callers get ISO strings from code, not from users: a bad one is a bug. */
function requireIso(iso: string): Civil {
  const civil = parseIso(iso)
  if (!civil) throw new RangeError(`Date ISO invalide : ${JSON.stringify(iso)}`)
  return civil
}

/** Days since 1970-01-01 (negative before). */
function daysFromCivil({ y, m, d }: Civil): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function civilFromDays(days: number): Civil {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d }
}

export function isIsoDate(s: string): boolean {
  return typeof s === 'string' && parseIso(s) !== null
}

const GARBAGE_DATE = 'Date attendue au format jj/mm/aaaa.'

/**
 * Two-digit years are always read as 20yy: entry is mostly about session dates.
 * Birth dates typed as "12/05/85" come out in the future and are caught by
 * `checkBirthDate`.
 */
export function parseFrenchDate(input: string): Check<string> {
  const s = input.trim().replace(/\s*([/.-])\s*/g, '$1')
  let y: number
  let m: number
  let d: number
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  const fr = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s)
  if (iso) {
    y = Number(iso[1])
    m = Number(iso[2])
    d = Number(iso[3])
  } else if (fr) {
    d = Number(fr[1])
    m = Number(fr[3])
    const year = fr[4] ?? ''
    y = year.length === 2 ? 2000 + Number(year) : Number(year)
  } else {
    return { ok: false, message: GARBAGE_DATE }
  }
  if (!validCivil(y, m, d)) {
    return { ok: false, message: `La date ${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)} n'existe pas.` }
  }
  return { ok: true, value: toIso({ y, m, d }) }
}

/** Anything that is not an ISO date is shown unchanged rather than hidden. */
export function formatDateFr(iso: string | null | undefined): string {
  if (iso == null || iso === '') return ''
  const c = parseIso(iso)
  if (!c) return iso
  return `${pad(c.d, 2)}/${pad(c.m, 2)}/${pad(c.y, 4)}`
}

export function formatDateLongFr(iso: string | null | undefined): string {
  if (iso == null || iso === '') return ''
  const c = parseIso(iso)
  if (!c) return iso
  // French writes the first day of a month as an ordinal: "1er novembre".
  const day = c.d === 1 ? '1er' : String(c.d)
  return `${day} ${MONTHS_FR[c.m - 1] ?? ''} ${c.y}`
}

export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Nombre de jours non entier : ${n}`)
  return toIso(civilFromDays(daysFromCivil(requireIso(iso)) + n))
}

/** `b - a` in days: positive when b is after a. */
export function diffDays(a: string, b: string): number {
  return daysFromCivil(requireIso(b)) - daysFromCivil(requireIso(a))
}

/** The user's calendar day, read from local fields: toISOString() would give the UTC day. */
export function todayIso(now: Date = new Date()): string {
  return toIso({ y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() })
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(iso: string): number {
  // 1970-01-01 was a Thursday (4).
  const days = daysFromCivil(requireIso(iso))
  return ((((days + 3) % 7) + 7) % 7) + 1
}

export function monthOf(iso: string): string {
  requireIso(iso)
  return iso.slice(0, 7)
}

export function daysInMonth(yyyyMm: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(yyyyMm)
  const y = Number(match?.[1])
  const m = Number(match?.[2])
  if (!match || y < 1 || m < 1 || m > 12) throw new RangeError(`Mois invalide : ${JSON.stringify(yyyyMm)}`)
  return monthLength(y, m)
}

/** For Array.prototype.sort: ISO dates order like strings. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Completed years on `on`. Someone born on 29 February gets one year older on
 * 1 March in non-leap years.
 */
export function ageInYears(birthIso: string, on: string): number {
  const b = requireIso(birthIso)
  const t = requireIso(on)
  let age = t.y - b.y
  if (t.m < b.m || (t.m === b.m && t.d < b.d)) age -= 1
  return age
}

const MIN_AGE = 15
const MAX_AGE = 100

function yearsFr(n: number): string {
  if (n < 1) return "moins d'un an"
  return n === 1 ? '1 an' : `${n} ans`
}

export function checkBirthDate(iso: string, today: string): Check<string> {
  requireIso(today)
  if (!isIsoDate(iso)) return { ok: false, message: 'La date de naissance est invalide.' }
  if (iso >= today) return { ok: false, message: "La date de naissance doit être antérieure à aujourd'hui." }
  const age = ageInYears(iso, today)
  if (age < MIN_AGE) {
    return {
      ok: false,
      message: `Avec une naissance le ${formatDateFr(iso)}, la personne aurait ${yearsFr(age)} : il faut avoir au moins ${MIN_AGE} ans.`
    }
  }
  if (age > MAX_AGE) {
    return {
      ok: false,
      message: `Avec une naissance le ${formatDateFr(iso)}, la personne aurait ${age} ans : vérifiez l'année (${MAX_AGE} ans au maximum).`
    }
  }
  return { ok: true, value: iso }
}
