import { useEffect, useState, type FormEvent } from 'react'
import type { PrivacySettings } from '@shared/api/areas/privacy'
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '@shared/domain/retention'
import { Field } from '../../components/Field'
import { issuesToFieldErrors } from '../../forms/fieldErrors'
import { useCommand } from '../../hooks/useCommand'

type Props = { settings: PrivacySettings; onSaved: (s: PrivacySettings) => void }

/** The retention period, in whole years after the person's last activity. */
export function RetentionForm({ settings, onSaved }: Props) {
  const { run, busy } = useCommand()
  const [value, setValue] = useState(String(settings.retentionYears))
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setValue(String(settings.retentionYears)), [settings.retentionYears])

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault()
    const years = Number(value.trim())
    if (value.trim() === '' || !Number.isInteger(years) || years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS) {
      setError(`Un nombre entier d’années, de ${MIN_RETENTION_YEARS} à ${MAX_RETENTION_YEARS}. Rien n’a été enregistré.`)
      return
    }
    const r = await run((api) => api.call('privacy:saveSettings', { retentionYears: years }), { success: 'Durée de conservation enregistrée.' })
    if (r.ok) {
      setError(null)
      onSaved(r.value)
    } else setError(issuesToFieldErrors(r.error.issues, ['retentionYears']).retentionYears ?? r.error.message)
  }

  return (
    <form className="privacy-retention" onSubmit={(e) => void save(e)} noValidate data-testid="retention-form">
      <Field
        label="Durée de conservation (années après la dernière activité)"
        hint={`Par défaut ${settings.defaultRetentionYears} ans, comme les pièces justificatives (feuilles d’émargement, attestations) qui nomment la personne.`}
        status={error ? { kind: 'error', message: error } : null}
      >
        {(control) => (
          <input {...control} className="input input--auto" type="number" min={MIN_RETENTION_YEARS} max={MAX_RETENTION_YEARS} step={1} value={value} onChange={(e) => setValue(e.target.value)} name="retentionYears" data-testid="retention-years" />
        )}
      </Field>
      <button type="submit" className="button" disabled={busy || value === String(settings.retentionYears)} data-testid="retention-save">
        Enregistrer
      </button>
    </form>
  )
}
