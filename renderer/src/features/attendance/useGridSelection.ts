import type { CellFocusedEvent, CellMouseOverEvent, GridApi, IRowNode } from 'ag-grid-community'
import { type MutableRefObject, useCallback, useRef, useState } from 'react'
import type { AttendanceMonthGrid as MonthGrid, AttendanceRow, CellValue } from '@shared/api/areas/attendance'
import { dayColId, dayIndexOfCol } from './attendanceColumns'
import { type CellPos, clampPos, rectOf, type Rect } from './gridOps'
import { selectionSummary } from './gridText'

/*
 * The grid's rectangular selection over day cells (anchor and focus, by displayed row and day
 * index): painted by refreshing only the cells that change, summarised under the grid, moved by
 * our own keyboard handling (the grid reports its focus moves late) and by the mouse.
 */

export type GridAccess = {
  api: MutableRefObject<GridApi<AttendanceRow> | null>
  grid: MutableRefObject<MonthGrid | null>
}

export function useGridSelection({ api, grid }: GridAccess) {
  const anchor = useRef<CellPos | null>(null)
  const focus = useRef<CellPos | null>(null)
  const dragging = useRef(false)
  const [selInfo, setSelInfo] = useState('')

  const selection = useCallback((): Rect | null => (anchor.current && focus.current ? rectOf(anchor.current, focus.current) : null), [])
  const rowAt = (row: number): AttendanceRow | undefined => api.current?.getDisplayedRowAtIndex(row)?.data
  const valueAt = (row: number, col: number): CellValue => rowAt(row)?.values[col] ?? null
  const size = (): { rows: number; cols: number } => ({ rows: api.current?.getDisplayedRowCount() ?? 0, cols: grid.current?.days.length ?? 0 })

  const refreshRect = (rects: (Rect | null)[]): void => {
    const a = api.current
    const list = rects.filter((r): r is Rect => r !== null)
    if (!a || list.length === 0) return
    const top = Math.min(...list.map((r) => r.top))
    const bottom = Math.max(...list.map((r) => r.bottom))
    const left = Math.min(...list.map((r) => r.left))
    const right = Math.max(...list.map((r) => r.right))
    const first = Math.max(top, a.getFirstDisplayedRowIndex())
    const last = Math.min(bottom, a.getLastDisplayedRowIndex())
    const rowNodes: IRowNode<AttendanceRow>[] = []
    for (let i = first; i <= last; i++) {
      const n = a.getDisplayedRowAtIndex(i)
      if (n) rowNodes.push(n)
    }
    const columns: string[] = []
    for (let c = left; c <= right; c++) columns.push(dayColId(c))
    if (rowNodes.length > 0) a.refreshCells({ rowNodes, columns, suppressFlash: true })
  }

  const describeSelection = (): void => setSelInfo(selectionSummary(selection(), valueAt))

  const setSelection = (a: CellPos | null, f: CellPos | null): void => {
    const before = selection()
    anchor.current = a
    focus.current = f
    refreshRect([before, selection()])
    describeSelection()
  }

  /** The selection, or the focused day cell alone. */
  const currentRect = (): Rect | null => {
    const sel = selection()
    if (sel) return sel
    const f = api.current?.getFocusedCell()
    const col = dayIndexOfCol(f?.column.getColId())
    if (!f || f.rowPinned || col < 0) return null
    return { top: f.rowIndex, bottom: f.rowIndex, left: col, right: col }
  }

  /**
   * Keyboard moves are ours, not the grid's: the grid reports its own moves late (after the next
   * key, when it scrolls), and a selection built on those reports starts from the wrong cell. The
   * selection moves now, then the grid's focus follows; its report then finds it already there.
   */
  const moveTo = (pos: CellPos, extend: boolean): void => {
    const a = api.current
    if (!a) return
    const p = clampPos(pos, size())
    setSelection(extend ? (anchor.current ?? focus.current ?? p) : p, p)
    a.ensureIndexVisible(p.row)
    a.ensureColumnVisible(dayColId(p.col))
    a.setFocusedCell(p.row, dayColId(p.col))
  }

  const onCellFocused = (e: CellFocusedEvent<AttendanceRow>): void => {
    const colId = typeof e.column === 'string' ? e.column : e.column?.getColId()
    // A report about a cell the grid has left since is stale (the grid reports its moves late).
    const now = api.current?.getFocusedCell()
    if (now && (now.rowIndex !== e.rowIndex || now.column.getColId() !== colId || (now.rowPinned ?? null) !== (e.rowPinned ?? null))) return
    const col = dayIndexOfCol(colId)
    if (e.rowIndex == null || e.rowPinned || col < 0) {
      setSelection(null, null)
      return
    }
    // Keyboard moves and clicks have already put the selection's focus here.
    const f = focus.current
    if (f && f.row === e.rowIndex && f.col === col) return
    setSelection({ row: e.rowIndex, col }, { row: e.rowIndex, col })
  }

  const onMouseOver = (e: CellMouseOverEvent<AttendanceRow>): void => {
    if (!dragging.current || !anchor.current) return
    const ev = e.event
    if (ev instanceof MouseEvent && ev.buttons !== 1) {
      dragging.current = false
      return
    }
    const col = dayIndexOfCol(e.column.getColId())
    if (col < 0 || e.node.rowPinned || e.rowIndex == null) return
    const f = focus.current
    if (f && f.row === e.rowIndex && f.col === col) return
    setSelection(anchor.current, { row: e.rowIndex, col })
  }

  /** A new month or session: nothing selected. */
  const reset = (): void => {
    anchor.current = null
    focus.current = null
    setSelInfo('')
  }

  return { anchor, focus, dragging, selInfo, selection, setSelection, describeSelection, currentRect, moveTo, onCellFocused, onMouseOver, reset, rowAt, valueAt, size }
}

export type GridSelection = ReturnType<typeof useGridSelection>
