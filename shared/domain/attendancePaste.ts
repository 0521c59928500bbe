import { type CellValue, checkCell, type LockedReason, parseCellInput, sameCell } from './attendance'

/*
 * Pasting a block copied from Excel or LibreOffice Calc into the attendance grid.
 *
 * What the spreadsheets put on the clipboard (text/plain): one line per row, cells separated by
 * tabs, lines ended by CRLF (Excel on Windows) or LF, a final line end after the last row. A cell
 * holding a tab, a line break or starting with a double quote is quoted ("…", inner quotes
 * doubled). Rows may be ragged (a block copied from a text editor, or trailing empty cells trimmed).
 *
 * Mapping onto the grid, from the focused cell (row index, day index):
 *   - each cell of the block goes to (row + i, day + j); a blank cell clears its cell;
 *   - a short row fills only its own cells: cells missing from a ragged row are left alone;
 *   - cells falling beyond the grid (below the last trainee or after the last day) are not applied;
 *     `overflow` counts those that are not blank, so the UI can say « 3 cellules hors du tableau
 *     n'ont pas été collées »;
 *   - unreadable cells are listed in `invalid` with their French reason and not applied.
 */

/** The block as rows of cell texts. */
export function parseClipboardBlock(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  let atCellStart = true
  const n = source.length
  while (i < n) {
    const c = source[i]
    if (atCellStart && c === '"') {
      // Quoted cell: up to the closing quote; "" is a quote.
      i++
      for (;;) {
        if (i >= n) break
        const q = source[i]
        if (q === '"') {
          if (source[i + 1] === '"') {
            cell += '"'
            i += 2
            continue
          }
          i++
          break
        }
        cell += q
        i++
      }
      atCellStart = false
      continue
    }
    if (c === '\t') {
      row.push(cell)
      cell = ''
      atCellStart = true
      i++
    } else if (c === '\r' || c === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      atCellStart = true
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1
    } else {
      cell += c
      atCellStart = false
      i++
    }
  }
  // The final line end closes the last row; without one, the last row is still open.
  if (!atCellStart || row.length > 0 || cell !== '' || rows.length === 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** `input`: the text as pasted. */
export type PasteCell = { row: number; col: number; value: CellValue; input: string }
export type PasteInvalid = { row: number; col: number; input: string; message: string }
export type PasteResult = { changes: PasteCell[]; invalid: PasteInvalid[]; overflow: number }

/** Maps the block onto a grid of `size.rows` × `size.cols` from the focused cell; values parsed, not yet checked. */
export function mapPasteBlock(text: string, origin: { row: number; col: number }, size: { rows: number; cols: number }): PasteResult {
  const block = parseClipboardBlock(text)
  const changes: PasteCell[] = []
  const invalid: PasteInvalid[] = []
  let overflow = 0
  block.forEach((cells, i) => {
    const row = origin.row + i
    cells.forEach((input, j) => {
      const col = origin.col + j
      if (row < 0 || col < 0 || row >= size.rows || col >= size.cols) {
        if (input.trim() !== '') overflow++
        return
      }
      const parsed = parseCellInput(input)
      if (parsed.ok) changes.push({ row, col, value: parsed.value, input })
      else invalid.push({ row, col, input, message: parsed.message })
    })
  })
  return { changes, invalid, overflow }
}

/** The grid as the paste needs it (an AttendanceMonthGrid fits). */
export type PasteGrid = {
  days: readonly { date: string }[]
  rows: readonly { enrolmentId: number; values: readonly CellValue[]; planned: readonly number[]; locked: readonly (LockedReason | null)[] }[]
}

export type PlannedPaste = {
  /** Ready for attendance:save; cells whose value does not change are left out. */
  changes: { enrolmentId: number; date: string; value: CellValue; force?: boolean }[]
  invalid: PasteInvalid[]
  overflow: number
}

/**
 * A paste checked against the grid's rules (locked days, hours above the planning without
 * « forcer »), as the service will check it: the grid can show refusals at once.
 */
export function planPaste(grid: PasteGrid, text: string, origin: { row: number; col: number }, options: { force?: boolean } = {}): PlannedPaste {
  const mapped = mapPasteBlock(text, origin, { rows: grid.rows.length, cols: grid.days.length })
  const changes: PlannedPaste['changes'] = []
  const invalid = [...mapped.invalid]
  for (const c of mapped.changes) {
    const row = grid.rows[c.row]
    const day = grid.days[c.col]
    if (!row || !day) continue
    const current = row.values[c.col] ?? null
    if (sameCell(current, c.value)) continue
    const check = checkCell({ date: day.date, value: c.value, planned: row.planned[c.col] ?? 0, locked: row.locked[c.col] ?? null, force: options.force === true })
    if (!check.ok) {
      invalid.push({ row: c.row, col: c.col, input: c.input, message: check.message })
      continue
    }
    changes.push(options.force ? { enrolmentId: row.enrolmentId, date: day.date, value: c.value, force: true } : { enrolmentId: row.enrolmentId, date: day.date, value: c.value })
  }
  invalid.sort((a, b) => a.row - b.row || a.col - b.col)
  return { changes, invalid, overflow: mapped.overflow }
}
