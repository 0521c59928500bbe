import ExcelJS from 'exceljs'
import Papa from 'papaparse'

/*
 * The files behind a grid's « Exporter »: one column list, written as a French CSV or as an
 * XLSX sheet. Each export decides how its values read (dates, hours, amounts); the file
 * format — BOM, separator, header, euro format, frozen first row — is decided here once.
 */

export type TableColumn<R> = { header: string; width: number; value: (row: R) => string | number | null; euros?: boolean }
export type TableFile = { fileName: string; mime: string; base64: string }

const CSV_MIME = 'text/csv'
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** UTF-8 with a BOM (Excel reads the accents), `;` between fields, CRLF lines. */
export function csvFile<R>(base: string, columns: readonly TableColumn<R>[], rows: readonly R[], cell: (value: string | number | null, column: TableColumn<R>) => string): TableFile {
  const data = rows.map((r) => columns.map((c) => cell(c.value(r), c)))
  const text = `\ufeff${Papa.unparse({ fields: columns.map((c) => c.header), data }, { delimiter: ';', newline: '\r\n' })}\r\n`
  return { fileName: `${base}.csv`, mime: CSV_MIME, base64: Buffer.from(text, 'utf8').toString('base64') }
}

/** One sheet: bold header kept in view, euro columns with a currency format. */
export async function xlsxFile<R>(
  base: string,
  sheetName: string,
  columns: readonly TableColumn<R>[],
  rows: readonly R[],
  cell: (value: string | number | null, column: TableColumn<R>) => ExcelJS.CellValue
): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Passerelle'
  workbook.created = new Date(0)
  const sheet = workbook.addWorksheet(sheetName)
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }))
  sheet.getRow(1).font = { bold: true }
  for (const r of rows) {
    const row = sheet.addRow(columns.map((c) => cell(c.value(r), c)))
    columns.forEach((c, i) => {
      if (c.euros) row.getCell(i + 1).numFmt = '#,##0.00 "€"'
    })
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const data = await workbook.xlsx.writeBuffer()
  return { fileName: `${base}.xlsx`, mime: XLSX_MIME, base64: Buffer.from(data as ArrayBuffer).toString('base64') }
}
