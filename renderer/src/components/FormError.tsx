/** A screen's or form's error line, announced to screen readers; nothing when there is no error. */
export function FormError({ message, testId, inline }: { message: string | null | undefined; testId?: string; inline?: boolean }) {
  if (!message) return null
  const Tag = inline ? 'span' : 'p'
  return (
    <Tag className="form-error" role="alert" data-testid={testId}>
      {message}
    </Tag>
  )
}

/** What a card shows until its data comes: the error that stopped it, else « Chargement… ». */
export function LoadingOrError({ error }: { error: string | null | undefined }) {
  return error ? <FormError message={error} /> : <p className="muted">Chargement…</p>
}
