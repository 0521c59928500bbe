import type { ReactNode } from 'react'

export type DialogFooterProps = {
  /** A line before the buttons (what will happen, who changed it last…). */
  hint?: ReactNode
  hintWarning?: boolean
  hintTestId?: string
  onCancel: () => void
  cancelLabel?: string
  /** The safe answer focused first (a dialog that destroys something). */
  cancelAutoFocus?: boolean
  /** The id of the form the main button submits; without it, onConfirm is called on click. */
  form?: string
  onConfirm?: () => void
  label: ReactNode
  icon?: ReactNode
  busy?: boolean
  busyLabel?: string
  disabled?: boolean
  tone?: 'primary' | 'danger'
  testId?: string
}

/** The footer of the dialogs: an optional hint, « Annuler », and the main button (waiting while busy). */
export function DialogFooter({ hint, hintWarning, hintTestId, onCancel, cancelLabel = 'Annuler', cancelAutoFocus, form, onConfirm, label, icon, busy, busyLabel = 'Patientez…', disabled, tone = 'primary', testId }: DialogFooterProps) {
  return (
    <>
      {hint !== undefined && (
        <span className={`modal__footer-hint${hintWarning ? ' modal__footer-hint--warning' : ''}`} data-testid={hintTestId}>
          {hint}
        </span>
      )}
      <button type="button" className="button" onClick={onCancel} autoFocus={cancelAutoFocus}>
        {cancelLabel}
      </button>
      <button type={form ? 'submit' : 'button'} form={form} className={`button button--${tone}`} onClick={onConfirm} disabled={busy || disabled} data-testid={testId}>
        {icon}
        {busy ? busyLabel : label}
      </button>
    </>
  )
}

export const REQUIRED_HINT = 'Les champs marqués * sont obligatoires.'
