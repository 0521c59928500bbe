import { useId, type ReactNode } from 'react'
import { Icon } from './Icon'

export type FieldStatus = { kind: 'error' | 'ok' | 'warning'; message: string } | null

type ControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined; 'aria-required': boolean | undefined }

type Props = {
  label: string
  required?: boolean
  hint?: string
  /** Message under the control: an error (red), a confirmation (green) or a warning (amber). */
  status?: FieldStatus
  className?: string
  /** Read-only because another source owns the value: a lock beside the label says why. */
  locked?: string
  children: (control: ControlProps) => ReactNode
}

/** Label, control, hint and message wired together for screen readers (aria-describedby). */
export function Field({ label, required, hint, status, className, locked, children }: Props) {
  const id = useId()
  const hintId = hint && !status ? `${id}-hint` : undefined
  const statusId = status ? `${id}-status` : undefined
  const lockId = locked ? `${id}-lock` : undefined
  const describedBy = [hintId, statusId, lockId].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${status ? ` field--${status.kind}` : ''}${locked ? ' field--locked' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && !locked && (
          <span className="field__required" aria-hidden="true">
            {' '}*
          </span>
        )}
        {locked && (
          <span className="field__lock" title={locked} aria-hidden="true">
            <Icon name="lock" size={12} />
          </span>
        )}
      </label>
      {locked && (
        <span className="visually-hidden" id={lockId}>
          {locked}
        </span>
      )}
      {children({ id, 'aria-invalid': status?.kind === 'error', 'aria-describedby': describedBy, 'aria-required': required || undefined })}
      {hintId && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {status && (
        <p className={`field__message field__message--${status.kind}`} id={statusId} role={status.kind === 'error' ? 'alert' : undefined}>
          {status.message}
        </p>
      )}
    </div>
  )
}
