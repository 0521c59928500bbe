import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'

export type ToastKind = 'success' | 'error' | 'info'
type Toast = { id: number; kind: ToastKind; message: string }
type Toaster = { show: (kind: ToastKind, message: string) => void }

const ToastContext = createContext<Toaster | null>(null)

const DURATION: Record<ToastKind, number> = { success: 3500, info: 5000, error: 9000 }
const TITLE: Record<ToastKind, string> = { success: 'Enregistré', info: 'Information', error: 'Erreur' }

/** Short French messages in a corner; errors stay longer and are announced to screen readers at once. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), [])
  const show = useCallback(
    (kind: ToastKind, message: string) => {
      const id = nextId.current++
      setToasts((all) => [...all.filter((t) => t.message !== message).slice(-3), { id, kind, message }])
      window.setTimeout(() => dismiss(id), DURATION[kind])
    },
    [dismiss]
  )
  const value = useMemo(() => ({ show }), [show])

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast--${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'} data-testid={`toast-${t.kind}`}>
            <div className="toast__body">
              <strong className="toast__title">{TITLE[t.kind]}</strong>
              <span className="toast__message">{t.message}</span>
            </div>
            <button type="button" className="toast__close" aria-label="Fermer le message" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export function useToast(): Toaster {
  const toaster = useContext(ToastContext)
  if (!toaster) throw new Error('ToastProvider missing')
  return toaster
}
