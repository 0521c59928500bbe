import type { SuppressKeyboardEventParams } from 'ag-grid-community'
import { type MutableRefObject, type RefObject, useCallback, useEffect, useMemo } from 'react'
import type { AttendanceRow } from '@shared/api/areas/attendance'
import { lockedMessage } from '@shared/domain/attendance'
import { useToast } from '../../components/Toasts'
import { dayIndexOfCol } from './attendanceColumns'
import { type CellPos, clampPos, type Rect, rectSize, selectionToTsv } from './gridOps'
import { plural } from './gridText'
import { keyCommand, suppressGridKey } from './keyCommands'
import type { GridAccess, GridSelection } from './useGridSelection'
import type { SaveStatus } from './useSaveQueue'

/*
 * Keyboard, mouse and clipboard on the grid's day cells, listened to on the grid's wrapper in the
 * capture phase (before AG Grid): the commands of keyCommands.ts, copy as TSV, paste, click,
 * Shift+click and drag selection.
 */

type Actions = {
  undo: () => void
  redo: () => void
  fill: (direction: 'down' | 'right') => void
  clear: () => void
  paste: (text: string) => void
}

type Options = GridAccess & {
  wrapRef: RefObject<HTMLDivElement | null>
  sel: GridSelection
  actions: Actions
  setStatus: (s: SaveStatus) => void
  /** Alt+Enter in an editor: this one entry is forced above the planning. */
  forceNext: MutableRefObject<boolean>
}

export function useGridKeyboard({ api, grid, wrapRef, sel, actions, setStatus, forceNext }: Options) {
  const toast = useToast()
  const isEditing = (): boolean => (api.current?.getEditingCells().length ?? 0) > 0

  useEffect(() => {
    const el = wrapRef.current
    if (!el) return
    // A cell of the body (not the header, not the pinned totals row), or an element inside it.
    const inBodyCell = (target: EventTarget | null): boolean =>
      target instanceof Element && target.closest('.ag-cell') !== null && target.closest('.ag-floating-bottom, .ag-header') === null

    /** The day cell of the body under a mouse event, from the DOM (the grid's own events come later). */
    const dayCellAt = (target: EventTarget | null): CellPos | null => {
      const cellEl = target instanceof Element ? target.closest('.ag-cell') : null
      if (!cellEl || cellEl.closest('.ag-floating-bottom, .ag-header')) return null
      const col = dayIndexOfCol(cellEl.getAttribute('col-id') ?? undefined)
      const row = Number(cellEl.closest('[row-index]')?.getAttribute('row-index'))
      return col >= 0 && Number.isInteger(row) && row >= 0 ? { row, col } : null
    }

    const gridFocusedCell = (): CellPos | null => {
      const fc = api.current?.getFocusedCell()
      const col = dayIndexOfCol(fc?.column.getColId())
      return fc && !fc.rowPinned && col >= 0 && fc.rowIndex >= 0 ? { row: fc.rowIndex, col } : null
    }

    const onKey = (e: KeyboardEvent): void => {
      if (!inBodyCell(e.target) || isEditing()) return
      const command = keyCommand({ key: e.key, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey })
      if (!command) return
      const stop = (): void => {
        e.preventDefault()
        e.stopPropagation()
      }
      switch (command.kind) {
        case 'undo':
          return (stop(), actions.undo())
        case 'redo':
          return (stop(), actions.redo())
        case 'fillDown':
          return (stop(), actions.fill('down'))
        case 'fillRight':
          return (stop(), actions.fill('right'))
        case 'selectAll': {
          stop()
          const s = sel.size()
          if (s.rows > 0) sel.setSelection({ row: 0, col: 0 }, { row: s.rows - 1, col: s.cols - 1 })
          return
        }
        case 'clear':
          return (stop(), actions.clear())
        case 'escape': {
          const f = sel.focus.current
          const rect = sel.selection()
          if (f && rect && rectSize(rect).cells > 1) sel.setSelection(f, f)
          return
        }
        case 'move': {
          // The grid's focused cell is the truth: a move of its own (Tab, Enter after an edit) may
          // not have been reported yet. Its state, not the DOM: the browser focus can still be on a
          // cell the grid has already left.
          const here = gridFocusedCell()
          if (here && (sel.focus.current?.row !== here.row || sel.focus.current.col !== here.col)) sel.setSelection(here, here)
          const f = sel.focus.current
          if (!f) return
          const to = clampPos({ row: f.row + command.step[0], col: f.col + command.step[1] }, sel.size())
          // A plain arrow at the edge of the days leaves them (name, header, totals): the grid's move.
          if (!command.extend && to.row === f.row && to.col === f.col) return
          stop()
          sel.moveTo(to, command.extend)
          return
        }
        case 'type': {
          // Typing on a locked day (out of training, to come, attested): say why nothing happens.
          const fc = api.current?.getFocusedCell()
          const col = dayIndexOfCol(fc?.column.getColId())
          const row = fc && !fc.rowPinned ? sel.rowAt(fc.rowIndex) : undefined
          const reason = row?.locked[col]
          const day = grid.current?.days[col]
          if (reason && day) toast.show('info', lockedMessage(reason, day.date))
          return
        }
      }
    }
    const onCopy = (e: ClipboardEvent): void => {
      if (!inBodyCell(e.target) || isEditing()) return
      const rect: Rect | null = sel.currentRect()
      if (!rect || !e.clipboardData) return
      e.preventDefault()
      e.clipboardData.setData('text/plain', selectionToTsv(rect, sel.valueAt))
      setStatus({ kind: 'saved', text: `${plural(rectSize(rect).cells, 'cellule copiée', 'cellules copiées')}` })
    }
    const onPaste = (e: ClipboardEvent): void => {
      if (!inBodyCell(e.target) || isEditing()) return
      const text = e.clipboardData?.getData('text/plain') ?? ''
      e.preventDefault()
      e.stopPropagation()
      if (text !== '') actions.paste(text)
    }
    const onDown = (e: MouseEvent): void => {
      const pos = e.button === 0 ? dayCellAt(e.target) : null
      if (!pos || isEditing()) return
      if (e.shiftKey && sel.anchor.current) {
        // No browser focus change (nor text selection): the grid's focus is moved to match.
        e.preventDefault()
        sel.moveTo(pos, true)
        return
      }
      sel.setSelection(pos, pos)
      sel.dragging.current = true
    }
    const onUp = (): void => {
      sel.dragging.current = false
    }
    el.addEventListener('keydown', onKey, true)
    el.addEventListener('copy', onCopy, true)
    el.addEventListener('paste', onPaste, true)
    el.addEventListener('mousedown', onDown, true)
    window.addEventListener('mouseup', onUp)
    return () => {
      el.removeEventListener('keydown', onKey, true)
      el.removeEventListener('copy', onCopy, true)
      el.removeEventListener('paste', onPaste, true)
      el.removeEventListener('mousedown', onDown, true)
      window.removeEventListener('mouseup', onUp)
    }
  })

  const suppressKeys = useCallback(
    (p: SuppressKeyboardEventParams<AttendanceRow>): boolean => {
      const ev = p.event
      if (p.editing && ev.key === 'Enter' && ev.altKey) {
        forceNext.current = true
        return false
      }
      return suppressGridKey(p.editing, { key: ev.key, ctrl: ev.ctrlKey || ev.metaKey, shift: ev.shiftKey, alt: ev.altKey })
    },
    [forceNext]
  )

  const defaultColDef = useMemo(() => ({ suppressKeyboardEvent: suppressKeys, sortable: false, filter: false, suppressHeaderMenuButton: true, cellDataType: false as const }), [suppressKeys])

  return { defaultColDef, isEditing }
}
