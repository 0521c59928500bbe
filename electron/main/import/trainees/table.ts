/** One row of the source as text cells, whatever the format. */
export type SourceRow = {
  /** 1-based: the row number Excel or LibreOffice shows for this row. */
  line: number
  cells: string[]
}

/** A prescriber list read from CSV or XLSX, before any interpretation. */
export type SourceTable = {
  format: 'csv' | 'xlsx'
  /** CSV only: how the bytes were decoded. */
  encoding: string | null
  /** CSV only. */
  delimiter: string | null
  /** XLSX only: the sheet read. */
  sheet: string | null
  rows: SourceRow[]
  /** French remarks about the file as a whole (unterminated quotes, sheets left aside). */
  warnings: string[]
}

/** More than this is not a prescriber list; refusing early keeps the app responsive. */
export const MAX_ROWS = 20_000
export const MAX_COLUMNS = 200

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '')
}
