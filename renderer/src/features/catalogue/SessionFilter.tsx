import type { SessionOption } from '@shared/api/areas/sessions'
import { sessionOptionLabel } from './catalogueFormat'

/** The « Session » filter of a screen's toolbar: all sessions, or one. */
export function SessionFilter({ sessions, value, onChange, className }: { sessions: SessionOption[] | null | undefined; value: number | null | undefined; onChange: (sessionId: number | null) => void; className?: string }) {
  return (
    <select
      className={`input input--auto input--session${className ? ` ${className}` : ''}`}
      aria-label="Session"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      data-testid="filter-session"
    >
      <option value="">Toutes les sessions</option>
      {(sessions ?? []).map((s) => (
        <option key={s.id} value={s.id}>
          {sessionOptionLabel(s)}
        </option>
      ))}
    </select>
  )
}
