import { useState, type FormEvent } from 'react'
import type { BackupDone } from '@shared/api/areas/backup'
import { looksLikeAbsolutePath } from '@shared/domain/documents'
import { PathField } from './PathField'
import { useCommand } from '../../hooks/useCommand'

/**
 * « Sauvegarder maintenant »: into a folder typed by the clerk (a USB key, a network share: the
 * browser host has no native folder picker) or, left empty, the automatic backups' folder.
 */
export function BackupNowForm({ defaultFolder, onDone }: { defaultFolder: string; onDone: (b: BackupDone) => void }) {
  const { run, busy, error, setError } = useCommand()
  const [folder, setFolder] = useState('')

  async function backup(e: FormEvent): Promise<void> {
    e.preventDefault()
    if (busy) return
    const path = folder.trim()
    if (path !== '' && !looksLikeAbsolutePath(path)) {
      setError('Indiquez le chemin complet du dossier, depuis la racine, ou laissez vide pour le dossier des sauvegardes.')
      return
    }
    const r = await run((api) => api.call('backup:now', path === '' ? {} : { folder: path }), { success: (b) => `Sauvegarde enregistrée : ${b.path}` })
    if (r.ok) onDone(r.value)
    else setError(r.error.issues?.[0]?.message ?? r.error.message)
  }

  return (
    <form className="backup-card__form" onSubmit={(e) => void backup(e)} noValidate data-testid="backup-now">
      <PathField
        label="Sauvegarder dans"
        hint="Laissez vide pour le dossier des sauvegardes ; une clé USB ou un partage réseau pour une copie hors de l’ordinateur."
        error={error}
        name="backupNowFolder"
        value={folder}
        placeholder={defaultFolder}
        onChange={(v) => { setFolder(v); setError(null) }}
      />
      <div className="folder-card__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="backup-now-button">
          {busy ? 'Sauvegarde…' : 'Sauvegarder maintenant'}
        </button>
      </div>
    </form>
  )
}
