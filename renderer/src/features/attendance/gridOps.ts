import { type CellValue, formatCell, sameCell } from '@shared/domain/attendance'

/*
 * Pure helpers of the attendance grid's spreadsheet behaviour: the rectangular selection, copy as
 * TSV, fill down / right and the undo stack. Cells are addressed by displayed row index and day
 * index (0-based), the grid component maps them onto enrolments and dates.
 */

export type CellPos = { row: number; col: number }
export type Rect = { top: number; left: number; bottom: number; right: number }

export function rectOf(anchor: CellPos, focus: CellPos): Rect {
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col)
  }
}

export function inRect(rect: Rect | null, row: number, col: number): boolean {
  return rect !== null && row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right
}

export function rectSize(rect: Rect): { rows: number; cols: number; cells: number } {
  const rows = rect.bottom - rect.top + 1
  const cols = rect.right - rect.left + 1
  return { rows, cols, cells: rows * cols }
}

export function clampPos(pos: CellPos, size: { rows: number; cols: number }): CellPos {
  return { row: Math.max(0, Math.min(size.rows - 1, pos.row)), col: Math.max(0, Math.min(size.cols - 1, pos.col)) }
}

/** Excel's quoting: a cell holding a tab, a line break or a quote is quoted, inner quotes doubled. */
function tsvCell(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The selection as the spreadsheets put it on the clipboard: tabs between cells, CRLF after each line. */
export function selectionToTsv(rect: Rect, valueAt: (row: number, col: number) => CellValue): string {
  const lines: string[] = []
  for (let r = rect.top; r <= rect.bottom; r++) {
    const cells: string[] = []
    for (let c = rect.left; c <= rect.right; c++) cells.push(tsvCell(formatCell(valueAt(r, c))))
    lines.push(cells.join('\t'))
  }
  return `${lines.join('\r\n')}\r\n`
}

export type PosChange = { row: number; col: number; value: CellValue }

/**
 * Ctrl+D: the first row of the selection copied into the rows below; Ctrl+R: the first column
 * copied into the columns to the right. Cells already holding the value are left out; cells
 * `skip` rejects (locked days) too.
 */
export function fillChanges(rect: Rect, direction: 'down' | 'right', valueAt: (row: number, col: number) => CellValue, skip: (row: number, col: number) => boolean = () => false): PosChange[] {
  const changes: PosChange[] = []
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (direction === 'down' ? r === rect.top : c === rect.left) continue
      const source = direction === 'down' ? valueAt(rect.top, c) : valueAt(r, rect.left)
      if (skip(r, c) || sameCell(valueAt(r, c), source)) continue
      changes.push({ row: r, col: c, value: source })
    }
  }
  return changes
}

/** One undoable operation: every cell it changed, with its value before and after. */
export type UndoCell = { enrolmentId: number; date: string; before: CellValue; after: CellValue }
export type UndoEntry = { label: string; cells: UndoCell[] }

/** Undo and redo stacks of the last operations (bounded). */
export class UndoStack {
  private done: UndoEntry[] = []
  private undone: UndoEntry[] = []

  constructor(private readonly limit = 100) {}

  /** A new operation: the redo stack is dropped, as in every editor. */
  record(entry: UndoEntry): void {
    if (entry.cells.length === 0) return
    this.done.push(entry)
    if (this.done.length > this.limit) this.done.shift()
    this.undone = []
  }

  get canUndo(): boolean {
    return this.done.length > 0
  }

  get canRedo(): boolean {
    return this.undone.length > 0
  }

  peekUndo(): UndoEntry | null {
    return this.done[this.done.length - 1] ?? null
  }

  peekRedo(): UndoEntry | null {
    return this.undone[this.undone.length - 1] ?? null
  }

  /** Moves the last operation to the redo stack (once its old values are saved). */
  markUndone(entry: UndoEntry): void {
    if (this.done[this.done.length - 1] === entry) this.done.pop()
    this.undone.push(entry)
  }

  /** Moves the last undone operation back to the undo stack (once redone). */
  markRedone(entry: UndoEntry): void {
    if (this.undone[this.undone.length - 1] === entry) this.undone.pop()
    this.done.push(entry)
  }

  clear(): void {
    this.done = []
    this.undone = []
  }
}
