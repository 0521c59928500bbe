/*
 * The attendance grid's keyboard, pure: which command a key press means on a day cell of the body
 * (not while editing), and which keys the grid must not handle itself.
 */

export type KeyPress = { key: string; ctrl: boolean; shift: boolean; alt: boolean }

export type KeyCommand =
  | { kind: 'undo' | 'redo' | 'fillDown' | 'fillRight' | 'selectAll' | 'clear' | 'escape' | 'type' }
  | { kind: 'move'; step: [number, number]; extend: boolean }

/** Row and column steps of the arrow keys. */
const ARROW_STEPS: Record<string, [number, number] | undefined> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }

export function keyCommand(e: KeyPress): KeyCommand | null {
  const key = e.key.toLowerCase()
  if (e.ctrl && key === 'z' && !e.shift) return { kind: 'undo' }
  if (e.ctrl && (key === 'y' || (key === 'z' && e.shift))) return { kind: 'redo' }
  if (e.ctrl && key === 'd') return { kind: 'fillDown' }
  if (e.ctrl && key === 'r') return { kind: 'fillRight' }
  if (e.ctrl && key === 'a') return { kind: 'selectAll' }
  if (e.key === 'Delete' || e.key === 'Backspace') return { kind: 'clear' }
  if (e.key === 'Escape') return { kind: 'escape' }
  const step = ARROW_STEPS[e.key]
  if (step && !e.ctrl && !e.alt) return { kind: 'move', step, extend: e.shift }
  // A printable character: typing (on a locked day, the grid says why nothing happens).
  if (e.key.length === 1 && !e.ctrl && !e.alt) return { kind: 'type' }
  return null
}

/**
 * Keys the grid must leave to us (AG Grid's suppressKeyboardEvent): Delete/Backspace clear the
 * selection, Ctrl+D/R fill, Ctrl+Z/Y undo and redo, Ctrl+A/C/V select, copy and paste,
 * Shift+arrows extend the selection. While editing, the editor keeps every key.
 */
export function suppressGridKey(editing: boolean, e: KeyPress): boolean {
  if (editing) return false
  if (e.key === 'Delete' || e.key === 'Backspace') return true
  if (e.ctrl && ['d', 'r', 'z', 'y', 'a', 'c', 'v'].includes(e.key.toLowerCase())) return true
  return e.shift && e.key.startsWith('Arrow')
}
