import { Badge } from '../../components/Badge'
import { useQuery } from '../../hooks/useQuery'
import { BackupNowForm } from './BackupNowForm'
import { BackupSettingsForm } from './BackupSettingsForm'
import { RestorePanel } from './RestorePanel'
import { LoadingOrError } from '../../components/FormError'

const NO_INPUT = {}

/**
 * Backups: the automatic ones (a copy a day while Passerelle is open, the N newest kept), a copy
 * now into any folder, and the restore of one of them (or of any file by its path).
 */
export function BackupCard() {
  const { data, error, reload } = useQuery('backup:list', NO_INPUT)
  return (
    <section className="panel folder-card backup-card" aria-labelledby="backup-title" data-testid="backup-card">
      <header className="panel__header">
        <h2 id="backup-title" className="panel__title">
          Sauvegardes
        </h2>
      </header>
      {data ? (
        <>
          <p className="muted small">
            Passerelle copie la base une fois par jour tant qu’elle est ouverte et garde les {data.settings.keep} dernières copies.
          </p>
          <dl className="facts">
            <div className="facts__row">
              <dt>Dossier des sauvegardes</dt>
              <dd>
                <span className="facts__path" data-testid="backup-folder">
                  {data.settings.folder}
                </span>{' '}
                {data.settings.isDefault ? <Badge tone="muted">par défaut</Badge> : <Badge tone="info">choisi</Badge>}
              </dd>
            </div>
          </dl>
          {!data.settings.exists && <p className="muted small">Ce dossier sera créé à la première sauvegarde.</p>}
          <BackupNowForm defaultFolder={data.settings.folder} onDone={() => void reload()} />
          <RestorePanel files={data.files} backupFolder={data.settings.folder} />
          <details className="backup-card__settings">
            <summary>Réglages des sauvegardes automatiques</summary>
            <BackupSettingsForm settings={data.settings} onSaved={() => void reload()} />
          </details>
        </>
      ) : (
        <LoadingOrError error={error} />
      )}
    </section>
  )
}
