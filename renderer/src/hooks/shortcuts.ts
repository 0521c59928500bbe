/** Keyboard shortcuts, written as "Ctrl+N", "Alt+1", "Ctrl+Shift+F". Ctrl also matches ⌘ on macOS. */
export type Shortcut = { key: string; ctrl: boolean; alt: boolean; shift: boolean }

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>

export function parseShortcut(text: string): Shortcut {
  const parts = text.split('+').map((p) => p.trim().toLowerCase())
  const key = parts.pop() ?? ''
  return { key, ctrl: parts.includes('ctrl'), alt: parts.includes('alt'), shift: parts.includes('shift') }
}

/** Keys are compared by layout-independent code for digits and letters (Alt+1 on an AZERTY keyboard gives "&"). */
export function matchesShortcut(e: KeyEventLike, shortcut: Shortcut): boolean {
  if ((e.ctrlKey || e.metaKey) !== shortcut.ctrl || e.altKey !== shortcut.alt || e.shiftKey !== shortcut.shift) return false
  const key = shortcut.key
  if (/^[0-9]$/.test(key)) return e.code === `Digit${key}` || e.code === `Numpad${key}` || e.key === key
  if (/^[a-z]$/.test(key)) return e.code === `Key${key.toUpperCase()}` || e.key.toLowerCase() === key
  return e.key.toLowerCase() === key
}
