import type { ExportMatrix } from './exportMatrix'
import { sheetName } from './exportMatrix'

/*
 * The XLSX writer of the grids' export. ExcelJS is about 1 MB: it is imported on the first
 * export only (its own chunk), never with the screens.
 */

export async function matrixToXlsx(matrix: ExportMatrix, label: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Passerelle'
  // A fixed creation date: the same grid gives the same file (and tests never read the clock).
  workbook.created = new Date(0)
  workbook.modified = new Date(0)
  const sheet = workbook.addWorksheet(sheetName(label), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = matrix.columns.map((c) => ({ header: c.header, width: c.width }))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', wrapText: true }
  matrix.rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 2)
    cells.forEach((cell, c) => {
      const target = row.getCell(c + 1)
      if (cell.kind === 'text') target.value = cell.text
      else if (cell.kind === 'date' || cell.kind === 'number') {
        target.value = cell.kind === 'date' ? cell.date : cell.value
        target.numFmt = cell.format
      }
    })
  })
  if (matrix.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, matrix.rows.length + 1), column: matrix.columns.length } }
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer)
}
