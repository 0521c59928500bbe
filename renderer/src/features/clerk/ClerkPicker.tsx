import { useState, type FormEvent } from 'react'
import type { Clerk } from '@shared/api/areas/clerks'
import { Field } from '../../components/Field'
import { useCommand } from '../../hooks/useCommand'

type Props = {
  clerks: Clerk[]
  current: Clerk | null
  onSelected: (clerk: Clerk) => void
  autoFocusName?: boolean
}

/** Pick a known clerk or type a name (created the first time): every change is recorded under it. */
export function ClerkPicker({ clerks, current, onSelected, autoFocusName }: Props) {
  const { run, busy, failure, setError } = useCommand()
  const [name, setName] = useState('')
  // The name's own issue says more than the refusal's summary.
  const error = failure ? (failure.issues?.[0]?.message ?? failure.message) : null

  async function select(chosen: string): Promise<void> {
    const r = await run((api) => api.call('clerks:select', { name: chosen }))
    if (r.ok) onSelected(r.value)
  }

  function submit(e: FormEvent): void {
    e.preventDefault()
    if (name.trim() === '') {
      setError('Saisissez votre prénom et votre nom.')
      return
    }
    void select(name.trim())
  }

  const others = clerks.filter((c) => c.id !== current?.id)
  return (
    <div className="clerk-picker">
      {others.length > 0 && (
        <div className="clerk-picker__known">
          <p className="clerk-picker__caption">Personnes déjà enregistrées</p>
          <ul className="clerk-picker__list">
            {others.map((c) => (
              <li key={c.id}>
                <button type="button" className="clerk-chip" onClick={() => void select(c.name)} disabled={busy}>
                  <span className="clerk-chip__avatar" aria-hidden="true">
                    {initials(c.name)}
                  </span>
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form className="clerk-picker__form" onSubmit={submit} noValidate>
        <Field label={others.length > 0 ? 'Ou saisissez votre nom' : 'Votre prénom et votre nom'} status={error ? { kind: 'error', message: error } : null}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={name}
              autoComplete="name"
              maxLength={80}
              placeholder="ex. Claire Martin"
              autoFocus={autoFocusName}
              onChange={(e) => {
                setName(e.target.value)
                setError(null)
              }}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy}>
          Continuer
        </button>
      </form>
    </div>
  )
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/)
  const first = parts[0]?.[0] ?? ''
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''
  return (first + last).toUpperCase()
}
