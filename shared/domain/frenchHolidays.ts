import { addDays, dayOfWeek, isIsoDate } from './dates'

/*
 * French public holidays (jours fériés, code du travail art. L3133-1), computed rather than listed
 * so that any year works. Only civil ISO dates are used: no Date object, no time zone.
 *
 * - Fixed dates: 1 January, 1 May, 8 May, 14 July, 15 August, 1 November, 11 November, 25 December.
 * - Moveable feasts from Easter Sunday: Easter Monday (+1), Ascension (+39), Whit Monday (+50).
 *   Whit Monday (lundi de Pentecôte) is the "journée de solidarité" in many companies, but it
 *   remains a public holiday: deadlines skip it.
 * - Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle; code du travail art. L3134-13) adds Good Friday
 *   (Easter −2) and 26 December (Saint-Étienne).
 *
 * The list is today's law, applied to every year (8 May was not a holiday in 1959–1981, for
 * instance): the app deals with current and upcoming sessions.
 */

export type HolidayOptions = { alsaceMoselle?: boolean }
export type PublicHoliday = { date: string; name: string }

function checkYear(year: number): void {
  // The Gregorian computus is valid from 1583; dates.ts handles years up to 9999.
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Année invalide : ${year}`)
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  checkYear(year)
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
}

/** Public holidays of `year`, sorted by date. */
export function publicHolidays(year: number, options: HolidayOptions = {}): PublicHoliday[] {
  checkYear(year)
  const y = String(year).padStart(4, '0')
  const easter = easterSunday(year)
  const list: PublicHoliday[] = [
    { date: `${y}-01-01`, name: 'Jour de l’an' },
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    { date: `${y}-05-01`, name: 'Fête du Travail' },
    { date: `${y}-05-08`, name: 'Victoire 1945' },
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
    { date: `${y}-07-14`, name: 'Fête nationale' },
    { date: `${y}-08-15`, name: 'Assomption' },
    { date: `${y}-11-01`, name: 'Toussaint' },
    { date: `${y}-11-11`, name: 'Armistice 1918' },
    { date: `${y}-12-25`, name: 'Noël' }
  ]
  if (options.alsaceMoselle) {
    list.push({ date: addDays(easter, -2), name: 'Vendredi saint' }, { date: `${y}-12-26`, name: 'Saint-Étienne' })
  }
  // Ascension can fall on 1 May (2008) or 8 May: both holidays are kept, sorted by date.
  return list.sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0))
}

function requireIso(iso: string): void {
  if (!isIsoDate(iso)) throw new RangeError(`Date ISO invalide : ${JSON.stringify(iso)}`)
}

/** The holiday's name, or null when `iso` is not a public holiday. */
export function holidayName(iso: string, options: HolidayOptions = {}): string | null {
  requireIso(iso)
  const names = publicHolidays(Number(iso.slice(0, 4)), options)
    .filter((h) => h.date === iso)
    .map((h) => h.name)
  return names.length === 0 ? null : names.join(' et ')
}

export function isPublicHoliday(iso: string, options: HolidayOptions = {}): boolean {
  return holidayName(iso, options) !== null
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(iso: string, options: HolidayOptions = {}): boolean {
  requireIso(iso)
  return dayOfWeek(iso) <= 5 && !isPublicHoliday(iso, options)
}

/** First working day strictly after `iso`. */
export function nextWorkingDay(iso: string, options: HolidayOptions = {}): string {
  return workingDayOnOrAfter(addDays(iso, 1), options)
}

/** `iso` itself when it is a working day, else the next working day. */
export function workingDayOnOrAfter(iso: string, options: HolidayOptions = {}): string {
  let day = iso
  // At most a weekend plus a holiday or two in a row: the loop is short.
  while (!isWorkingDay(day, options)) day = addDays(day, 1)
  return day
}
