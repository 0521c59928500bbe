import { describe, expect, it } from 'vitest'
import type { AttendanceSessionSummary, CellValue } from '@shared/api/areas/attendance'
import { dayIndexIn, dayText, monthState, selectionSummary, who } from '../../../renderer/src/features/attendance/gridText'
import { keyCommand, suppressGridKey } from '../../../renderer/src/features/attendance/keyCommands'

const key = (k: string, m: Partial<{ ctrl: boolean; shift: boolean; alt: boolean }> = {}) => ({ key: k, ctrl: false, shift: false, alt: false, ...m })

describe('attendance grid keyboard', () => {
  it('maps key presses to commands', () => {
    expect(keyCommand(key('z', { ctrl: true }))).toEqual({ kind: 'undo' })
    expect(keyCommand(key('Z', { ctrl: true, shift: true }))).toEqual({ kind: 'redo' })
    expect(keyCommand(key('y', { ctrl: true }))).toEqual({ kind: 'redo' })
    expect(keyCommand(key('d', { ctrl: true }))).toEqual({ kind: 'fillDown' })
    expect(keyCommand(key('r', { ctrl: true }))).toEqual({ kind: 'fillRight' })
    expect(keyCommand(key('a', { ctrl: true }))).toEqual({ kind: 'selectAll' })
    expect(keyCommand(key('Delete'))).toEqual({ kind: 'clear' })
    expect(keyCommand(key('Backspace'))).toEqual({ kind: 'clear' })
    expect(keyCommand(key('Escape'))).toEqual({ kind: 'escape' })
    expect(keyCommand(key('ArrowDown'))).toEqual({ kind: 'move', step: [1, 0], extend: false })
    expect(keyCommand(key('ArrowLeft', { shift: true }))).toEqual({ kind: 'move', step: [0, -1], extend: true })
    expect(keyCommand(key('ArrowLeft', { ctrl: true }))).toBeNull()
    expect(keyCommand(key('7'))).toEqual({ kind: 'type' })
    expect(keyCommand(key('c', { ctrl: true }))).toBeNull()
    expect(keyCommand(key('Tab'))).toBeNull()
  })

  it('leaves the grid its keys while editing, takes ours otherwise', () => {
    expect(suppressGridKey(true, key('Delete'))).toBe(false)
    expect(suppressGridKey(false, key('Delete'))).toBe(true)
    expect(suppressGridKey(false, key('v', { ctrl: true }))).toBe(true)
    expect(suppressGridKey(false, key('ArrowUp', { shift: true }))).toBe(true)
    expect(suppressGridKey(false, key('ArrowUp'))).toBe(false)
    expect(suppressGridKey(false, key('Enter'))).toBe(false)
  })
})

describe('attendance grid words', () => {
  it('names rows and days', () => {
    expect(who({ lastName: 'Dupont', firstName: 'Marie' })).toBe('DUPONT Marie')
    expect(who(undefined)).toBe('?')
    expect(dayText([{ day: 5, date: '2026-11-05' }], 0)).toBe('05/11')
    expect(dayText([], 3)).toBe('?')
    expect(dayIndexIn('2026-11', '2026-11-30')).toBe(29)
    expect(dayIndexIn('2026-11', '2026-12-01')).toBe(-1)
  })

  it('summarises a selection of two cells or more', () => {
    const values: CellValue[][] = [
      [7, 'AJ', { hours: 3.5, code: 'RDV' }],
      [0.1, 0.2, null]
    ]
    const at = (r: number, c: number): CellValue => values[r]?.[c] ?? null
    expect(selectionSummary({ top: 0, left: 0, bottom: 1, right: 2 }, at)).toBe('2 × 3 = 6 cellules · 10,8 h · 2 absences')
    expect(selectionSummary({ top: 0, left: 0, bottom: 0, right: 0 }, at)).toBe('')
    expect(selectionSummary(null, at)).toBe('')
  })

  it('says the month’s state for the banner', () => {
    const s = (attested: { at: string; by: string } | null, id = 1): AttendanceSessionSummary => ({ sessionId: id, label: `S${id}`, trainees: 3, attestedTrainees: attested ? 3 : 0, attested })
    const a = { at: '2026-11-25T10:00:00.000Z', by: 'Claire Martin' }
    const b = { at: '2026-11-26T10:00:00.000Z', by: 'Paul Durand' }
    expect(monthState(null, '2026-11-20', null)).toEqual({ kind: 'loading' })
    expect(monthState([s(a), s(b, 2)], '2026-11-27', '2026-11-25')).toEqual({ kind: 'attested', ...b })
    expect(monthState([s(a), s(null, 2)], '2026-11-27', '2026-11-25')).toEqual({ kind: 'partly', attested: 1, sessions: 2 })
    expect(monthState([s(null)], '2026-11-20', '2026-11-25')).toEqual({ kind: 'not_yet', opensOn: '2026-11-25' })
    expect(monthState([s(null)], '2026-11-25', '2026-11-25')).toEqual({ kind: 'to_attest' })
    expect(monthState([], '2026-11-25', '2026-11-25')).toEqual({ kind: 'to_attest' })
  })
})
