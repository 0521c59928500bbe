import { useId, type ReactNode } from 'react'

export type FieldStatus = { kind: 'error' | 'ok' | 'warning'; message: string } | null

type ControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined; 'aria-required': boolean | undefined }

type Props = {
  label: string
  required?: boolean
  hint?: string
  /** Message under the control: an error (red), a confirmation (green) or a warning (amber). */
  status?: FieldStatus
  className?: string
  children: (control: ControlProps) => ReactNode
}

/** Label, control, hint and message wired together for screen readers (aria-describedby). */
export function Field({ label, required, hint, status, className, children }: Props) {
  const id = useId()
  const hintId = hint && !status ? `${id}-hint` : undefined
  const statusId = status ? `${id}-status` : undefined
  const describedBy = [hintId, statusId].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${status ? ` field--${status.kind}` : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}*
          </span>
        )}
      </label>
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
