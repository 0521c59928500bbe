import { useEffect, useId, useRef, type ReactNode } from 'react'

/** The first field a clerk types in: editable, enabled, visible in the body. */
const FIRST_FIELD = ['input:not([type="hidden"]):not([disabled]):not([readonly])', 'select:not([disabled])', 'textarea:not([disabled]):not([readonly])']
  .map((f) => `.modal__body ${f}:not(.visually-hidden)`)
  .join(', ')

type Props = {
  open: boolean
  title: string
  onClose: () => void
  children: ReactNode
  footer?: ReactNode
  size?: 'small' | 'medium' | 'large' | 'xlarge'
  testId?: string
}

/**
 * A native modal <dialog>: the browser traps focus, makes the page behind inert and closes it
 * with Escape (reported through onClose so React stays the owner of `open`).
 */
export function Modal({ open, title, onClose, children, footer, size = 'medium', testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      // A field's autoFocus ran while the dialog was closed; showModal then focuses the first
      // focusable element, the × button. Typing must start in the form (Ctrl+N → first field).
      const wanted = document.activeElement
      dialog.showModal()
      const target = wanted instanceof HTMLElement && wanted !== dialog && dialog.contains(wanted) ? wanted : dialog.querySelector<HTMLElement>(FIRST_FIELD)
      target?.focus()
    }
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      className={`modal modal--${size}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      {open && (
        <div className="modal__frame">
          <header className="modal__header">
            <h2 id={titleId} className="modal__title">
              {title}
            </h2>
            <button type="button" className="icon-button" aria-label="Fermer" onClick={onClose}>
              ×
            </button>
          </header>
          <div className="modal__body">{children}</div>
          {footer && <footer className="modal__footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  )
}
