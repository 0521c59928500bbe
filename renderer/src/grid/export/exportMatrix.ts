import { formatDateFr, isIsoDate } from '@shared/domain/dates'
import { spreadsheetSafe } from '@shared/domain/spreadsheetText'

/*
 * The pure half of every grid's export: columns (heading, type) and cells (the stored value and
 * the text the grid shows) → a matrix of typed cells. The XLSX writer and the CSV writer only
 * serialise this matrix, so both files of one grid hold the same headings, rows and values.
 * No DOM, no AG Grid, no ExcelJS: unit-tested on plain data.
 */

/** How a column's values go to a spreadsheet. Declared once per column (column type or `context.exportType`). */
export type ExportType = 'text' | 'date' | 'timestamp' | 'hours' | 'euros' | 'integer'

export type ExportColumn = { header: string; type: ExportType; /** characters */ width: number }

/** One cell as the grid holds it: its stored value (ISO day, cents, decimal hours…) and its displayed text. */
export type SourceCell = { raw: unknown; shown: string }

/**
 * Number formats are written in the file's canonical (US) syntax; a French Excel or LibreOffice
 * shows `#,##0.00` as « 1 234,50 » and `0.0#` as « 7,5 ».
 */
export const NUMBER_FORMATS = {
  date: 'dd/mm/yyyy',
  timestamp: 'dd/mm/yyyy hh:mm',
  euros: '#,##0.00 "€"',
  hoursWhole: '#,##0',
  hoursDecimal: '#,##0.0#',
  integer: '#,##0'
} as const

export type MatrixCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** A calendar day or a local wall-clock instant, as a Date at that UTC time (spreadsheets have no zones). */
  | { kind: 'date'; date: Date; format: string; shown: string }
  | { kind: 'number'; value: number; format: string; shown: string }

export type ExportMatrix = { columns: ExportColumn[]; rows: MatrixCell[][] }

const EMPTY: MatrixCell = { kind: 'empty' }

function textCell(shown: string): MatrixCell {
  return shown === '' ? EMPTY : { kind: 'text', text: shown }
}

/** '2026-11-22' → that day at 00:00 UTC, which ExcelJS writes as the day's serial number. */
export function isoDayToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number)
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1))
}

/** A stored instant → its local wall-clock time (what the grid shows), as a zone-less spreadsheet date. */
export function instantToLocalDate(value: string): Date | null {
  const t = new Date(value)
  if (Number.isNaN(t.getTime())) return null
  return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()))
}

/** The grid shows the whole day (« 22/11/2026 », « lun. 22/11/2026 »), not only its month. */
const showsWholeDay = (iso: string, shown: string): boolean => shown.includes(formatDateFr(iso))

/**
 * One cell. A typed column writes a typed cell only when the grid shows the whole value: a
 * session starting « mars 2027 » (a month-only LHEO date) stays the text the clerk reads, not a
 * made-up 01/03/2027. Text goes through the formula rule of every export.
 */
export function toMatrixCell(type: ExportType, cell: SourceCell): MatrixCell {
  const { raw, shown } = cell
  switch (type) {
    case 'date':
      if (typeof raw === 'string' && isIsoDate(raw.slice(0, 10)) && showsWholeDay(raw.slice(0, 10), shown)) {
        return { kind: 'date', date: isoDayToDate(raw.slice(0, 10)), format: NUMBER_FORMATS.date, shown }
      }
      break
    case 'timestamp': {
      const date = typeof raw === 'string' && raw !== '' ? instantToLocalDate(raw) : null
      if (date) return { kind: 'date', date, format: NUMBER_FORMATS.timestamp, shown }
      break
    }
    case 'euros':
      if (typeof raw === 'number' && Number.isFinite(raw)) return { kind: 'number', value: raw / 100, format: NUMBER_FORMATS.euros, shown }
      break
    case 'hours':
      if (typeof raw === 'number' && Number.isFinite(raw)) {
        return { kind: 'number', value: raw, format: Number.isInteger(raw) ? NUMBER_FORMATS.hoursWhole : NUMBER_FORMATS.hoursDecimal, shown }
      }
      break
    case 'integer':
      if (typeof raw === 'number' && Number.isFinite(raw)) return { kind: 'number', value: raw, format: NUMBER_FORMATS.integer, shown }
      break
    case 'text':
      break
  }
  return textCell(spreadsheetSafe(shown))
}

export function buildMatrix(columns: ExportColumn[], rows: SourceCell[][]): ExportMatrix {
  return { columns, rows: rows.map((cells) => columns.map((c, i) => toMatrixCell(c.type, cells[i] ?? { raw: null, shown: '' }))) }
}

/** The column type of the grid (`type: 'dateFr'`…) → the export type; anything else is text as shown. */
export function exportTypeOf(gridType: string | string[] | undefined, declared?: unknown): ExportType {
  if (declared === 'text' || declared === 'date' || declared === 'timestamp' || declared === 'hours' || declared === 'euros' || declared === 'integer') return declared
  const types = Array.isArray(gridType) ? gridType : gridType ? [gridType] : []
  if (types.includes('dateFr')) return 'date'
  if (types.includes('timestamp')) return 'timestamp'
  if (types.includes('hours')) return 'hours'
  if (types.includes('euros')) return 'euros'
  if (types.includes('integer')) return 'integer'
  return 'text'
}

/** Every field quoted: a value holding « ; », a quote or a line break stays one cell. */
function csvField(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

/**
 * CSV as a French Excel opens it: UTF-8 with a BOM (accents), semicolons, CRLF, values as the
 * grid shows them (22/11/2026, 1 234,50 €, 7,5).
 */
export function matrixToCsv(matrix: ExportMatrix): string {
  const cellText = (c: MatrixCell): string => (c.kind === 'empty' ? '' : c.kind === 'text' ? c.text : c.shown)
  const lines = [matrix.columns.map((c) => csvField(spreadsheetSafe(c.header))), ...matrix.rows.map((r) => r.map((c) => csvField(cellText(c))))]
  return `\ufeff${lines.map((l) => l.join(';')).join('\r\n')}\r\n`
}

/** « stagiaires-2026-11-22.xlsx », « stagiaires-selection-2026-11-22.csv ». */
export function exportFileName(base: string, scope: 'all' | 'selection', isoDay: string, format: 'xlsx' | 'csv'): string {
  return `${base}${scope === 'selection' ? '-selection' : ''}-${isoDay}.${format}`
}

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
export function sheetName(label: string): string {
  const clean = label.replace(/[:\\/?*[\]]/g, ' ').trim()
  return (clean || 'Export').slice(0, 31)
}
