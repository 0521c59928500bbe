import { useEffect, useRef } from 'react'
import { matchesShortcut, parseShortcut } from './shortcuts'

type Options = { enabled?: boolean; /** Also while a modal dialog is open (e.g. Ctrl+S inside a form dialog). */ inDialogs?: boolean }

/** A window-level shortcut; the handler always sees the latest props without re-subscribing. */
export function useShortcut(shortcut: string, handler: (e: KeyboardEvent) => void, options: Options = {}): void {
  const handlerRef = useRef(handler)
  useEffect(() => {
    handlerRef.current = handler
  })
  const enabled = options.enabled ?? true
  const inDialogs = options.inDialogs ?? false

  useEffect(() => {
    if (!enabled) return
    const parsed = parseShortcut(shortcut)
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || !matchesShortcut(e, parsed)) return
      if (!inDialogs && document.querySelector('dialog[open]')) return
      e.preventDefault()
      handlerRef.current(e)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [shortcut, enabled, inDialogs])
}
