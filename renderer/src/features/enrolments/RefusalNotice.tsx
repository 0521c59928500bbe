import { Icon } from '../../components/Icon'

/** A refused transition or declaration: the server's head line, then one line per reason. */
export function RefusalNotice({ refusal, testId }: { refusal: { head: string; lines: string[] } | null; testId: string }) {
  if (!refusal) return null
  return (
    <div className="notice notice--danger refusal" role="alert" data-testid={testId}>
      <Icon name="alert" size={16} />
      <div>
        <strong>{refusal.head}</strong>
        {refusal.lines.length > 0 && (
          <ul className="refusal__list">
            {refusal.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
