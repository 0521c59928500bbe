import { useState, type FormEvent } from 'react'
import type { BackupFile } from '@shared/api/areas/backup'
import { looksLikeAbsolutePath } from '@shared/domain/documents'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { PathField } from './PathField'
import { backupKindLabel, sizeFr, takenAtFr } from './backupFormat'
import { useRestore } from './useRestore'
import { FormError } from '../../components/FormError'

/** Shown at once; the folder may hold more (all are kept, the oldest automatic ones rotate). */
const SHOWN = 8

/** The backups of the folder, newest first, each restorable; or any file by its path. */
export function RestorePanel({ files, backupFolder }: { files: BackupFile[]; backupFolder: string }) {
  const restore = useRestore()
  const [other, setOther] = useState('')
  const [otherError, setOtherError] = useState<string | null>(null)
  const [all, setAll] = useState(false)

  function restoreOther(e: FormEvent): void {
    e.preventDefault()
    const path = other.trim()
    if (!looksLikeAbsolutePath(path)) return setOtherError('Indiquez le chemin complet du fichier de sauvegarde, depuis la racine.')
    restore.ask({ path, label: `La sauvegarde « ${path} »` })
  }

  const shown = all ? files : files.slice(0, SHOWN)
  return (
    <div className="backup-card__restore" data-testid="backup-restore">
      <h3 className="backup-card__subtitle">Restaurer une sauvegarde</h3>
      {files.length === 0 ? (
        <p className="muted small">Aucune sauvegarde dans ce dossier pour l’instant.</p>
      ) : (
        <ul className="backup-list" aria-label="Sauvegardes disponibles">
          {shown.map((f) => (
            <li key={f.path} className="backup-list__item" data-testid="backup-file">
              <span className="backup-list__when">{takenAtFr(f.takenAt)}</span>
              <span className="backup-list__meta muted small">
                {backupKindLabel(f.kind)} · {sizeFr(f.sizeBytes)}
              </span>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => restore.ask({ path: f.path, label: `La sauvegarde du ${takenAtFr(f.takenAt)}` })}
                aria-label={`Restaurer la sauvegarde du ${takenAtFr(f.takenAt)}`}
              >
                Restaurer…
              </button>
            </li>
          ))}
        </ul>
      )}
      {files.length > SHOWN && (
        <button type="button" className="button button--ghost button--small backup-card__more" onClick={() => setAll(!all)}>
          {all ? 'N’afficher que les plus récentes' : `Afficher les ${files.length} sauvegardes`}
        </button>
      )}
      <form className="backup-card__form" onSubmit={restoreOther} noValidate>
        <PathField label="Autre fichier de sauvegarde" error={otherError} name="restorePath" value={other} placeholder={`${backupFolder}/passerelle-….sqlite`} onChange={(v) => { setOther(v); setOtherError(null) }} />
        <div className="folder-card__actions">
          <button type="submit" className="button button--ghost" disabled={other.trim() === ''} data-testid="restore-other">
            Restaurer ce fichier…
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={restore.target !== null}
        title="Restaurer cette sauvegarde ?"
        confirmLabel="Restaurer"
        danger
        busy={restore.busy}
        onConfirm={() => void restore.confirm()}
        onCancel={restore.cancel}
      >
        <p>
          {restore.target?.label} va remplacer toutes les données actuelles. La base actuelle est d’abord copiée dans le dossier des sauvegardes
          (« avant restauration »), puis l’écran se recharge.
        </p>
        <FormError message={restore.error} testId="restore-error" />
      </ConfirmDialog>
    </div>
  )
}
