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
/** Non-empty cells of the sheet read, all rows together (20,000 rows of 50 filled columns). */
export const MAX_CELLS = 1_000_000
/** No trainee field holds more (notes: 2,000): longer text is cut, and the field then says it is too long. */
export const MAX_CELL_CHARS = 2_001

/** A cell's text as kept: trimmed, and never longer than MAX_CELL_CHARS (the rest of a huge cell is not kept). */
export function cellValue(text: string): string {
  const t = text.length > MAX_CELL_CHARS * 2 ? text.slice(0, MAX_CELL_CHARS * 2) : text
  return t.trim().slice(0, MAX_CELL_CHARS)
}

/** Text from the file shown back to the clerk (headers, warnings, messages): short, whatever the file holds. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

export const TOO_MANY_CELLS = 'Le fichier compte plus d’un million de cellules remplies : découpez-le en plusieurs fichiers.'

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '')
}
