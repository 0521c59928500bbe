import { spreadsheetSafe } from '@shared/domain/spreadsheetText'
import ExcelJS from 'exceljs'
import type { AttendanceMonthGrid, AttendanceRow } from '@shared/api/areas/attendance'
import {
  ABSENCE_CODE_LIST,
  ABSENCE_CODES,
  type AttendanceTotals,
  type CellValue,
  dayTotals,
  formatCell,
  monthBounds,
  sumTotals,
  WEEKDAY_INITIALS
} from '@shared/domain/attendance'
import { formatDateFr } from '@shared/domain/dates'
import { formatHours } from '@shared/domain/hours'
import { foldForSearch } from '@shared/domain/text'
import type { Db } from '../../db/open'
import { monthGrid } from './attendanceService'

/*
 * Exports of the month (domain.md §7):
 *   - `grid`: the month as on screen — one line per trainee, one column per day, totals;
 *   - `kairos`: one line per trainee in the order of KAIROS's monthly entry (identifiant France
 *     Travail, nom, prénom, heures réalisées, absences justifiées, absences non justifiées, detail
 *     by code, date d'abandon), so the clerk copies it line by line.
 * XLSX (ExcelJS) with hours as numbers (Excel shows them with the decimal comma of a French
 * system), codes as text; CSV in UTF-8 with a BOM (Excel detects the encoding), `;` separators and
 * decimal commas, as a French Excel opens it by a double click.
 */

export type ExportInput = { month: string; sessionId?: number; format: 'xlsx' | 'csv'; layout: 'grid' | 'kairos'; comment: string | null }
export type ExportFile = { fileName: string; mime: string; base64: string }

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const CSV_MIME = 'text/csv;charset=utf-8'

/** Fills: weekend / holiday columns, locked cells, headers and the totals row. */
export const EXPORT_FILLS = { dayOff: 'FFE3E8F0', locked: 'FFBFBFBF', header: 'FFD9E1F2', totals: 'FFF2F2F2' } as const

const KAIROS_DETAIL = ABSENCE_CODE_LIST

type Column = { header: string; width: number }

function organisationName(db: Db): string {
  const row = db.prepare<unknown[], { name: string | null }>('SELECT raison_sociale AS name FROM organisation WHERE id = 1').get()
  return row?.name ?? 'Organisme de formation'
}

function slug(s: string): string {
  return foldForSearch(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'session'
}

const hoursOf = (totals: AttendanceTotals, code: (typeof ABSENCE_CODE_LIST)[number]): number => totals.absenceHours[code] ?? 0

/** Totals columns, shared by both layouts' order where they overlap. */
function totalsValues(t: AttendanceTotals): number[] {
  return [t.attendedHours, t.plannedHours, ...ABSENCE_CODE_LIST.map((c) => hoursOf(t, c)), t.justifiedAbsenceHours, t.unjustifiedAbsenceHours]
}

const TOTAL_HEADERS = [
  'Heures réalisées',
  'Heures prévues',
  ...ABSENCE_CODE_LIST.map((c) => `${c} (h)`),
  'Absences justifiées (h)',
  'Absences non justifiées (h)'
]

function kairosHeaders(allSessions: boolean): string[] {
  return [
    'Identifiant France Travail',
    'Nom',
    'Prénom',
    'Heures réalisées',
    'Absences justifiées (h)',
    'Absences non justifiées (h)',
    ...KAIROS_DETAIL.map((c) => `${c} – ${ABSENCE_CODES[c].label} (h)`),
    'Date d’abandon',
    ...(allSessions ? ['Session'] : [])
  ]
}

function kairosValues(r: AttendanceRow, allSessions: boolean): (string | number)[] {
  const t = r.totals
  return [
    r.ftId ?? '',
    r.lastName,
    r.firstName,
    t.attendedHours,
    t.justifiedAbsenceHours,
    t.unjustifiedAbsenceHours,
    ...KAIROS_DETAIL.map((c) => hoursOf(t, c)),
    r.status === 'abandon' && r.exitDate ? formatDateFr(r.exitDate) : '',
    ...(allSessions ? [r.sessionLabel] : [])
  ]
}

function title(org: string, grid: AttendanceMonthGrid): string {
  const session = grid.sessionId === null ? 'toutes les sessions' : (grid.sessions[0]?.label ?? grid.rows[0]?.sessionLabel ?? '')
  return `Assiduité mensuelle — ${org} — ${session} — ${grid.monthLabel}`
}

// ---------------------------------------------------------------------------------------------
// CSV

function csvField(v: string | number): string {
  const s = typeof v === 'number' ? formatHours(v) : spreadsheetSafe(v)
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

function csvCell(v: CellValue): string | number {
  return typeof v === 'number' ? v : formatCell(v)
}

function toCsv(lines: (string | number)[][]): string {
  return `\uFEFF${lines.map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`
}

function gridCsv(grid: AttendanceMonthGrid): string {
  const all = grid.sessionId === null
  const head = [...(all ? ['Session'] : []), 'Nom', 'Prénom', 'Identifiant France Travail', ...grid.days.map((d) => formatDateFr(d.date).slice(0, 5)), ...TOTAL_HEADERS]
  const lines: (string | number)[][] = [head]
  for (const r of grid.rows) {
    lines.push([...(all ? [r.sessionLabel] : []), r.lastName, r.firstName, r.ftId ?? '', ...r.values.map(csvCell), ...totalsValues(r.totals)])
  }
  const perDay = dayTotals(grid.rows, grid.days.length)
  const total = sumTotals(grid.rows.map((r) => r.totals))
  lines.push([...(all ? [''] : []), 'Total', '', '', ...perDay.attendedHours, ...totalsValues(total)])
  return toCsv(lines)
}

function kairosCsv(grid: AttendanceMonthGrid): string {
  const all = grid.sessionId === null
  return toCsv([kairosHeaders(all), ...grid.rows.map((r) => kairosValues(r, all))])
}

// ---------------------------------------------------------------------------------------------
// XLSX

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFB4B4B4' } }
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin }

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } }
}

/** Integers without a trailing comma, decimals with up to two digits (shown « 7,5 » by a French Excel). */
function hoursFormat(v: number): string {
  return Number.isInteger(v) ? '0' : '0.##'
}

function setHours(cell: ExcelJS.Cell, v: number): void {
  cell.value = v
  cell.numFmt = hoursFormat(v)
}

function pageSetup(sheet: ExcelJS.Worksheet, headerRows: string): void {
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: headerRows,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 }
  }
  sheet.headerFooter = { oddFooter: '&LPasserelle&RPage &P / &N' }
}

function titleRows(sheet: ExcelJS.Worksheet, text: string, comment: string | null, width: number): void {
  const t = sheet.getRow(1)
  t.getCell(1).value = text
  t.getCell(1).font = { bold: true, size: 14 }
  t.height = 22
  sheet.mergeCells(1, 1, 1, Math.max(1, Math.min(width, 20)))
  if (comment) {
    sheet.getRow(2).getCell(1).value = comment
    sheet.getRow(2).getCell(1).font = { italic: true }
  }
}

function gridSheet(workbook: ExcelJS.Workbook, grid: AttendanceMonthGrid, heading: string, comment: string | null): void {
  const sheet = workbook.addWorksheet(grid.monthLabel)
  const all = grid.sessionId === null
  const identity: Column[] = [...(all ? [{ header: 'Session', width: 28 }] : []), { header: 'Nom', width: 20 }, { header: 'Prénom', width: 16 }, { header: 'Identifiant FT', width: 14 }]
  const firstDay = identity.length + 1
  const firstTotal = firstDay + grid.days.length
  const width = firstTotal + TOTAL_HEADERS.length - 1
  titleRows(sheet, heading, comment, width)

  // Header: weekday initials (row 3) above day numbers (row 4).
  const initials = sheet.getRow(3)
  const header = sheet.getRow(4)
  identity.forEach((c, i) => {
    header.getCell(i + 1).value = c.header
    sheet.getColumn(i + 1).width = c.width
  })
  grid.days.forEach((d, i) => {
    const col = firstDay + i
    initials.getCell(col).value = WEEKDAY_INITIALS[d.weekday - 1] ?? ''
    header.getCell(col).value = d.day
    sheet.getColumn(col).width = 5.5
    if (d.holiday) header.getCell(col).note = d.holiday
  })
  TOTAL_HEADERS.forEach((h, i) => {
    header.getCell(firstTotal + i).value = h
    sheet.getColumn(firstTotal + i).width = 11
  })
  for (const row of [initials, header]) {
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c)
      cell.font = { bold: true }
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      cell.fill = fill(EXPORT_FILLS.header)
      cell.border = BORDER
    }
  }
  header.height = 42
  const dayOff = grid.days.map((d) => d.weekend || d.holiday !== null)
  grid.days.forEach((_, i) => {
    if (dayOff[i]) for (const row of [initials, header]) row.getCell(firstDay + i).fill = fill(EXPORT_FILLS.dayOff)
  })

  let line = 5
  for (const r of grid.rows) {
    const row = sheet.getRow(line++)
    const ids = [...(all ? [r.sessionLabel] : []), r.lastName, r.firstName, r.ftId ?? '']
    ids.forEach((v, i) => {
      row.getCell(i + 1).value = spreadsheetSafe(v)
      row.getCell(i + 1).border = BORDER
    })
    r.values.forEach((v, i) => {
      const cell = row.getCell(firstDay + i)
      if (typeof v === 'number') setHours(cell, v)
      else if (v !== null) cell.value = formatCell(v)
      cell.alignment = { horizontal: 'center' }
      cell.border = BORDER
      if (r.locked[i] !== null && r.locked[i] !== 'attested') cell.fill = fill(EXPORT_FILLS.locked)
      else if (dayOff[i]) cell.fill = fill(EXPORT_FILLS.dayOff)
    })
    totalsValues(r.totals).forEach((v, i) => {
      const cell = row.getCell(firstTotal + i)
      setHours(cell, v)
      cell.border = BORDER
      if (i < 2) cell.font = { bold: true }
    })
  }

  // Totals row: attended hours per day, and the sums of the totals columns.
  const totalsRow = sheet.getRow(line)
  totalsRow.getCell(1).value = 'Total'
  const perDay = dayTotals(grid.rows, grid.days.length)
  perDay.attendedHours.forEach((v, i) => setHours(totalsRow.getCell(firstDay + i), v))
  totalsValues(sumTotals(grid.rows.map((r) => r.totals))).forEach((v, i) => setHours(totalsRow.getCell(firstTotal + i), v))
  for (let c = 1; c <= width; c++) {
    const cell = totalsRow.getCell(c)
    cell.font = { bold: true }
    cell.fill = fill(EXPORT_FILLS.totals)
    cell.border = BORDER
  }

  sheet.views = [{ state: 'frozen', xSplit: identity.length, ySplit: 4, topLeftCell: sheet.getCell(5, firstDay).address }]
  pageSetup(sheet, '3:4')
}

function kairosSheet(workbook: ExcelJS.Workbook, grid: AttendanceMonthGrid, heading: string, comment: string | null): void {
  const sheet = workbook.addWorksheet('KAIROS')
  const all = grid.sessionId === null
  const headers = kairosHeaders(all)
  titleRows(sheet, heading, comment, headers.length)
  const header = sheet.getRow(3)
  headers.forEach((h, i) => {
    const cell = header.getCell(i + 1)
    cell.value = h
    cell.font = { bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.fill = fill(EXPORT_FILLS.header)
    cell.border = BORDER
    sheet.getColumn(i + 1).width = i < 3 ? 18 : i === headers.length - 1 && all ? 32 : 13
  })
  header.height = 45
  grid.rows.forEach((r, n) => {
    const row = sheet.getRow(4 + n)
    kairosValues(r, all).forEach((v, i) => {
      const cell = row.getCell(i + 1)
      if (typeof v === 'number') setHours(cell, v)
      else cell.value = spreadsheetSafe(v)
      cell.border = BORDER
    })
  })
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 3, topLeftCell: 'D4' }]
  pageSetup(sheet, '3:3')
}

async function toXlsx(grid: AttendanceMonthGrid, layout: 'grid' | 'kairos', heading: string, comment: string | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Passerelle'
  workbook.created = new Date(0)
  if (layout === 'grid') gridSheet(workbook, grid, heading, comment)
  else kairosSheet(workbook, grid, heading, comment)
  const data = await workbook.xlsx.writeBuffer()
  return Buffer.from(data as ArrayBuffer)
}

/** attendance:export, as of `today` (null: no day of the month is treated as future). */
export async function exportAttendance(db: Db, input: ExportInput, today: string | null = null): Promise<ExportFile> {
  const grid = monthGrid(db, input.month, input.sessionId ?? null, today ?? monthBounds(input.month).last)
  const heading = title(organisationName(db), grid)
  const scope = input.sessionId === undefined ? 'toutes-sessions' : slug(grid.sessions[0]?.label ?? `session-${input.sessionId}`)
  const base = `assiduite-${input.layout === 'kairos' ? 'kairos-' : ''}${input.month}-${scope}`
  if (input.format === 'csv') {
    const text = input.layout === 'grid' ? gridCsv(grid) : kairosCsv(grid)
    return { fileName: `${base}.csv`, mime: CSV_MIME, base64: Buffer.from(text, 'utf8').toString('base64') }
  }
  const bytes = await toXlsx(grid, input.layout, heading, input.comment)
  return { fileName: `${base}.xlsx`, mime: XLSX_MIME, base64: bytes.toString('base64') }
}
