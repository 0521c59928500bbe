import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'

/** One item of a grid's « Exporter ▾ » menu: the downloaded file's suggested name and bytes. */
export async function downloadExport(page: Page, item: string, testId: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId(testId).filter({ visible: true }).click()
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()])
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) }
}

/** « Exporter tout le tableau (Excel) » (or another item), read back with ExcelJS: its first sheet. */
export async function exportXlsx(page: Page, testId = 'grid-export', item = 'Exporter tout le tableau (Excel)'): Promise<{ name: string; sheet: ExcelJS.Worksheet }> {
  const { name, bytes } = await downloadExport(page, item, testId)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  const sheet = book.worksheets[0]
  if (!sheet) throw new Error('no sheet')
  return { name, sheet }
}

/** The sheet's headings (row 1), in their order. */
export const headings = (sheet: ExcelJS.Worksheet): string[] => (sheet.getRow(1).values as unknown[]).slice(1).map(String)
