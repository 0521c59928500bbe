import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildMatrix, exportFileName, exportTypeOf, matrixToCsv, NUMBER_FORMATS, sheetName, toMatrixCell, type ExportColumn } from '../../../renderer/src/grid/export/exportMatrix'
import { matrixToXlsx } from '../../../renderer/src/grid/export/matrixToXlsx'

const columns: ExportColumn[] = [
  { header: 'Nom', type: 'text', width: 20 },
  { header: 'Entrée', type: 'date', width: 12 },
  { header: 'Heures', type: 'hours', width: 10 },
  { header: 'Coût', type: 'euros', width: 12 },
  { header: 'Inscriptions', type: 'integer', width: 10 }
]

const rows = [
  [
    { raw: 'DURAND', shown: 'DURAND' },
    { raw: '2026-11-22', shown: '22/11/2026' },
    { raw: 7.5, shown: '7,5' },
    { raw: 123450, shown: '1 234,50 €' },
    { raw: 3, shown: '3' }
  ],
  [
    { raw: '=HYPERLINK("http://x")', shown: '=HYPERLINK("http://x")' },
    { raw: '2027-03-01', shown: 'mars 2027' },
    { raw: 35, shown: '35' },
    { raw: null, shown: '' },
    { raw: null, shown: '' }
  ]
]

describe('grid export matrix', () => {
  it('types the cells by column: dates as UTC days, cents as euros, hours as numbers', () => {
    const m = buildMatrix(columns, rows)
    expect(m.rows[0]?.[0]).toEqual({ kind: 'text', text: 'DURAND' })
    const day = m.rows[0]?.[1]
    expect(day?.kind === 'date' && day.date.toISOString()).toBe('2026-11-22T00:00:00.000Z')
    expect(day?.kind === 'date' && day.format).toBe('dd/mm/yyyy')
    expect(m.rows[0]?.[2]).toMatchObject({ kind: 'number', value: 7.5, format: NUMBER_FORMATS.hoursDecimal })
    expect(m.rows[1]?.[2]).toMatchObject({ kind: 'number', value: 35, format: NUMBER_FORMATS.hoursWhole })
    expect(m.rows[0]?.[3]).toMatchObject({ kind: 'number', value: 1234.5, format: '#,##0.00 "€"' })
    expect(m.rows[0]?.[4]).toMatchObject({ kind: 'number', value: 3, format: '#,##0' })
  })

  it('keeps a month-only date as the text shown, neutralises formulas, leaves blanks empty', () => {
    const m = buildMatrix(columns, rows)
    expect(m.rows[1]?.[0]).toEqual({ kind: 'text', text: '\'=HYPERLINK("http://x")' })
    expect(m.rows[1]?.[1]).toEqual({ kind: 'text', text: 'mars 2027' })
    expect(m.rows[1]?.[3]).toEqual({ kind: 'empty' })
  })

  it('reads a date shown with its weekday as a date; a timestamp as its local wall-clock time', () => {
    expect(toMatrixCell('date', { raw: '2026-11-23', shown: 'lun. 23/11/2026' }).kind).toBe('date')
    const stamp = toMatrixCell('timestamp', { raw: '2026-11-22T10:30:00', shown: '22/11/2026 10:30' })
    expect(stamp.kind === 'date' && stamp.date.toISOString()).toBe('2026-11-22T10:30:00.000Z')
    expect(toMatrixCell('euros', { raw: 'n/a', shown: 'n/a' })).toEqual({ kind: 'text', text: 'n/a' })
  })

  it('maps the grid column types, a declared export type first', () => {
    expect(exportTypeOf('dateFr')).toBe('date')
    expect(exportTypeOf(['text', 'hours'])).toBe('hours')
    expect(exportTypeOf(undefined)).toBe('text')
    expect(exportTypeOf('rightAligned', 'euros')).toBe('euros')
    expect(exportTypeOf('timestamp')).toBe('timestamp')
  })

  it('writes a French CSV: BOM, semicolons, values as shown, formulas neutralised', () => {
    const csv = matrixToCsv(buildMatrix(columns, rows))
    expect(csv.startsWith('\ufeff"Nom";"Entrée";"Heures";"Coût";"Inscriptions"\r\n')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[1]).toBe('"DURAND";"22/11/2026";"7,5";"1 234,50 €";"3"')
    expect(lines[2]).toBe('"\'=HYPERLINK(""http://x"")";"mars 2027";"35";"";""')
  })

  it('names files and sheets', () => {
    expect(exportFileName('stagiaires', 'all', '2026-11-22', 'xlsx')).toBe('stagiaires-2026-11-22.xlsx')
    expect(exportFileName('stagiaires', 'selection', '2026-11-22', 'csv')).toBe('stagiaires-selection-2026-11-22.csv')
    expect(sheetName('Registre des documents générés / 2026 [tout]')).toHaveLength(31)
    expect(sheetName('a:b')).toBe('a b')
  })
})

describe('grid export XLSX', () => {
  it('has the headings, typed cells with their formats, a frozen header and an auto-filter', async () => {
    const bytes = await matrixToXlsx(buildMatrix(columns, rows), 'Stagiaires')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const sheet = book.getWorksheet('Stagiaires')
    if (!sheet) throw new Error('no sheet')
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Nom', 'Entrée', 'Heures', 'Coût', 'Inscriptions'])
    const date = sheet.getCell('B2').value
    expect(date instanceof Date && date.toISOString()).toBe('2026-11-22T00:00:00.000Z')
    expect(sheet.getCell('B2').numFmt).toBe('dd/mm/yyyy')
    expect(sheet.getCell('C2').value).toBe(7.5)
    expect(sheet.getCell('D2').value).toBe(1234.5)
    expect(sheet.getCell('D2').numFmt).toBe('#,##0.00 "€"')
    expect(sheet.getCell('A3').value).toBe('\'=HYPERLINK("http://x")')
    expect(sheet.getCell('B3').value).toBe('mars 2027')
    expect(sheet.getCell('D3').value).toBeNull()
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBe('A1:E3')
  })
})
