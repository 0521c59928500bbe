import { useEffect, useState, type FormEvent } from 'react'
import type { BackupSettings } from '@shared/api/areas/backup'
import { looksLikeAbsolutePath } from '@shared/domain/documents'
import { MAX_KEEP, MIN_KEEP } from '@shared/domain/backups'
import { Field } from '../../components/Field'
import { PathField } from './PathField'
import { useCommand } from '../../hooks/useCommand'

/** Where automatic backups go and how many are kept; the server checks the folder before saving. */
export function BackupSettingsForm({ settings, onSaved }: { settings: BackupSettings; onSaved: (s: BackupSettings) => void }) {
  const { run, busy, error, setError } = useCommand()
  const [folder, setFolder] = useState(settings.folder)
  const [keep, setKeep] = useState(String(settings.keep))
  useEffect(() => {
    setFolder(settings.folder)
    setKeep(String(settings.keep))
  }, [settings])

  async function save(e: FormEvent, toDefault = false): Promise<void> {
    e.preventDefault()
    if (busy) return
    const path = folder.trim()
    const n = Number(keep)
    if (!toDefault && !looksLikeAbsolutePath(path)) return setError('Indiquez le chemin complet du dossier, depuis la racine.')
    if (!Number.isInteger(n) || n < MIN_KEEP || n > MAX_KEEP) return setError(`Gardez entre ${MIN_KEEP} et ${MAX_KEEP} sauvegardes automatiques.`)
    const r = await run((api) => api.call('backup:saveSettings', { folder: toDefault ? null : path, keep: n }), { success: 'Réglages des sauvegardes enregistrés.' })
    if (r.ok) onSaved(r.value)
    else setError(`${r.error.issues?.[0]?.message ?? r.error.message} Rien n’a été enregistré.`)
  }

  const changed = folder.trim() !== settings.folder || keep.trim() !== String(settings.keep)
  return (
    <form className="backup-card__form" onSubmit={(e) => void save(e)} noValidate data-testid="backup-settings">
      <PathField label="Dossier des sauvegardes automatiques" error={error} name="backupFolder" value={folder} placeholder={settings.defaultFolder} onChange={(v) => { setFolder(v); setError(null) }} />
      <Field label="Sauvegardes automatiques gardées" hint="Une par jour ; les plus anciennes sont supprimées au-delà.">
        {(control) => (
          <input
            {...control}
            className="input input--tiny"
            name="backupKeep"
            type="number"
            min={MIN_KEEP}
            max={MAX_KEEP}
            value={keep}
            onChange={(ev) => {
              setKeep(ev.target.value)
              setError(null)
            }}
          />
        )}
      </Field>
      <div className="folder-card__actions">
        <button type="submit" className="button button--primary" disabled={busy || !changed} data-testid="backup-settings-save">
          Enregistrer les réglages
        </button>
        <button type="button" className="button button--ghost" disabled={busy || settings.isDefault} onClick={(e) => void save(e, true)}>
          Dossier par défaut
        </button>
      </div>
    </form>
  )
}
