import { formatDateFr, parseFrenchDate, todayIso } from '@shared/domain/dates'
import { formatHours, parseHours } from '@shared/domain/hours'
import { formatEuros, parseEuros } from '@shared/domain/money'
import { plural as pluralFr } from '@shared/domain/frenchFormat'
import { foldForSearch } from '@shared/domain/text'
import type { Check } from '@shared/domain/validation'

/*
 * Pure value parsers and formatters of the grid's column types. A parser never throws and never
 * guesses: input it cannot read becomes an `InvalidInput`, which the grid wrapper shows as a
 * French message instead of sending anything to the API.
 */

export type InvalidInput = { readonly invalidInput: true; readonly message: string; readonly raw: string }

export function invalidInput(message: string, raw: string): InvalidInput {
  return { invalidInput: true, message, raw }
}

export function isInvalidInput(value: unknown): value is InvalidInput {
  return typeof value === 'object' && value !== null && (value as { invalidInput?: unknown }).invalidInput === true
}

export type CellParse<T> = T | null | InvalidInput

/** A blank cell means "no value"; anything else goes through the domain check. */
function parseWith<T>(raw: unknown, check: (s: string) => Check<T>): CellParse<T> {
  const text = raw == null ? '' : String(raw)
  if (text.trim() === '') return null
  const r = check(text)
  return r.ok ? r.value : invalidInput(r.message, text)
}

export const parseDateCell = (raw: unknown): CellParse<string> => parseWith(raw, parseFrenchDate)
export const parseHoursCell = (raw: unknown): CellParse<number> => parseWith(raw, (s) => parseHours(s))
export const parseEurosCell = (raw: unknown): CellParse<number> => parseWith(raw, parseEuros)

/** A whole number typed in a cell ("12", " 12 "), within bounds; blank means null. */
export function parseIntegerCell(raw: unknown, label: string, min: number, max: number): CellParse<number> {
  const text = raw == null ? '' : String(raw).trim().replace(/[\s\u202F\u00A0]/g, '')
  if (text === '') return null
  if (!/^\d+$/.test(text)) return invalidInput(`${label} : nombre entier attendu (« ${String(raw).trim()} »).`, String(raw))
  const n = Number(text)
  if (n < min || n > max) return invalidInput(`${label} : entre ${min} et ${formatCount(max)}.`, String(raw))
  return n
}

/**
 * A time of day typed the French way ("9h30", "9:30", "9 h", "0930", "9") → "09:30"; blank means
 * null. Minutes 00–59, hours 00–23.
 */
export function parseTimeOfDay(raw: unknown): CellParse<string> {
  const shown = raw == null ? '' : String(raw).trim()
  if (shown === '') return null
  const s = shown.toLowerCase().replace(/\s+/g, '')
  const m = /^(\d{1,2})(?:[h:.]?(\d{2})?|h)$/.exec(s) ?? /^(\d{2})(\d{2})$/.exec(s)
  if (!m) return invalidInput(`Heure « ${shown} » illisible : tapez par exemple 9h30 ou 14:00.`, shown)
  const hours = Number(m[1])
  const minutes = Number(m[2] ?? '0')
  if (hours > 23 || minutes > 59) return invalidInput(`L’heure « ${shown} » n’existe pas.`, shown)
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

/** Free text: trimmed, kept as typed ('' stays '' so the server can say the field is required). */
export function parseTextCell(raw: unknown): string {
  return raw == null ? '' : String(raw).trim()
}

/** Validates a text cell with a domain check (France Travail id, e-mail…): blank means null. */
export function parseCheckedCell(raw: unknown, check: (s: string) => Check<string>): CellParse<string> {
  return parseWith(raw, check)
}

export const formatDateCell = (value: unknown): string => (typeof value === 'string' ? formatDateFr(value) : '')
export const formatHoursCell = (value: unknown): string => (typeof value === 'number' ? formatHours(value) : '')
export const formatEurosCell = (value: unknown): string => (typeof value === 'number' ? formatEuros(value) : '')

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** A stored instant (ISO timestamp with zone) shown in the user's local time: 22/11/2026 10:30. */
export function formatTimestampFr(value: unknown): string {
  if (typeof value !== 'string' || value === '') return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return `${formatDateFr(todayIso(date))} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`
}

/** The local calendar day of a stored instant, for date filters on timestamp columns. */
export function timestampDay(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : todayIso(date)
}

/**
 * AG Grid's date filter gives a local Date at midnight; our cells hold ISO days. Same contract as
 * AG Grid's comparator: negative when the cell is before the filter date.
 */
export function compareIsoToFilterDate(filterDate: Date, cellValue: unknown): number {
  if (typeof cellValue !== 'string' || cellValue === '') return -1
  const filterIso = todayIso(filterDate)
  const cellIso = cellValue.slice(0, 10)
  return cellIso < filterIso ? -1 : cellIso > filterIso ? 1 : 0
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

/** French alphabetical order (É sorts with E), blanks last whichever the direction of the sort. */
export function compareText(a: unknown, b: unknown, _nodeA?: unknown, _nodeB?: unknown, isDescending = false): number {
  const blankA = a == null || a === ''
  const blankB = b == null || b === ''
  if (blankA || blankB) {
    if (blankA && blankB) return 0
    const blankLast = blankA ? 1 : -1
    return isDescending ? -blankLast : blankLast
  }
  return collator.compare(String(a), String(b))
}

/** Integers the French way: 1 234 (narrow no-break space, as Intl and formatEuros print it). */
export function formatCount(n: number): string {
  return String(Math.trunc(Math.abs(n)))
    .replace(/\B(?=(\d{3})+$)/g, '\u202F')
    .replace(/^/, n < 0 ? '-' : '')
}

/** "1 234 stagiaires", "1 stagiaire", "0 stagiaire": the shared French formatter (singular below 2). */
export function countLabel(n: number, singular: string, plural: string): string {
  return pluralFr(n, singular, plural)
}

/** Quick filter that ignores accents and case: every typed word must appear in the row. */
export function quickFilterParts(text: string): string[] {
  return foldForSearch(text).split(/\s+/).filter(Boolean)
}

export function quickFilterMatches(parts: string[], rowText: string): boolean {
  const folded = foldForSearch(rowText)
  return parts.every((p) => folded.includes(p))
}

/** Spreadsheets run cells starting with = + - @ as formulas: the one rule of every export. */
export { spreadsheetSafe as csvSafe } from '@shared/domain/spreadsheetText'

/** stagiaires-2026-11-22.csv */
export function csvFileName(base: string, isoDay: string): string {
  return `${base}-${isoDay}.csv`
}
