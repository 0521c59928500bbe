import { describe, expect, it } from 'vitest'
import type { CellValue } from '@shared/domain/attendance'
import { parseClipboardBlock } from '@shared/domain/attendancePaste'
import { fillChanges, rectOf, selectionToTsv, UndoStack } from '../../../renderer/src/features/attendance/gridOps'

const grid: CellValue[][] = [
  [7, 'AJ', { hours: 3.5, code: 'RDV' }],
  [null, 7.5, 0]
]
const at = (r: number, c: number): CellValue => grid[r]?.[c] ?? null

describe('attendance grid operations', () => {
  it('normalises a selection whatever the drag direction', () => {
    expect(rectOf({ row: 3, col: 5 }, { row: 1, col: 2 })).toEqual({ top: 1, bottom: 3, left: 2, right: 5 })
  })

  it('copies the selection as TSV that the paste parser reads back', () => {
    const tsv = selectionToTsv({ top: 0, bottom: 1, left: 0, right: 2 }, at)
    expect(tsv).toBe('7\tAJ\t3,5 RDV\r\n\t7,5\t0\r\n')
    expect(parseClipboardBlock(tsv)).toEqual([['7', 'AJ', '3,5 RDV'], ['', '7,5', '0']])
  })

  it('fills down and right from the first row / column, skipping locked and unchanged cells', () => {
    expect(fillChanges({ top: 0, bottom: 1, left: 0, right: 2 }, 'down', at)).toEqual([
      { row: 1, col: 0, value: 7 },
      { row: 1, col: 1, value: 'AJ' },
      { row: 1, col: 2, value: { hours: 3.5, code: 'RDV' } }
    ])
    expect(fillChanges({ top: 0, bottom: 1, left: 0, right: 2 }, 'right', at, (r, c) => r === 1 && c === 2)).toEqual([
      { row: 0, col: 1, value: 7 },
      { row: 0, col: 2, value: 7 },
      { row: 1, col: 1, value: null }
    ])
  })

  it('keeps undo and redo stacks; a new operation drops the redo stack', () => {
    const stack = new UndoStack(2)
    const cell = { enrolmentId: 1, date: '2026-11-02', before: null, after: 7 }
    const a = { label: 'a', cells: [cell] }
    const b = { label: 'b', cells: [cell] }
    stack.record(a)
    stack.record(b)
    expect(stack.peekUndo()).toBe(b)
    stack.markUndone(b)
    expect(stack.peekUndo()).toBe(a)
    expect(stack.peekRedo()).toBe(b)
    stack.markRedone(b)
    expect(stack.canRedo).toBe(false)
    stack.markUndone(b)
    stack.record({ label: 'c', cells: [cell] })
    expect(stack.canRedo).toBe(false)
    stack.record({ label: 'd', cells: [] })
    expect(stack.peekUndo()?.label).toBe('c')
  })
})
