import { useEffect, useState, type FormEvent } from 'react'
import type { DocumentsFolder } from '@shared/api/areas/documents'
import { looksLikeAbsolutePath } from '@shared/domain/documents'
import { Badge } from '../../components/Badge'
import { PathField } from './PathField'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'
import { LoadingOrError } from '../../components/FormError'

const NO_INPUT = {}
const RELATIVE = 'Indiquez le chemin complet du dossier, depuis la racine (par exemple C:\\Formation\\Documents ou /Users/claire/Documents).'

/**
 * Where generated PDFs are written (one sub-folder per month). The path is typed: the browser
 * host cannot open a native folder picker. The server checks it (complete, creatable, writable)
 * before saving anything.
 */
export function DocumentsFolderCard() {
  const query = useQuery('documents:folder', NO_INPUT)
  const { data: folder, setData: setFolder } = query
  const { run, busy, error: saveError, setError } = useCommand()
  const error = saveError ?? query.error
  const [value, setValue] = useState('')

  // The path field starts from the folder in use, once it is known.
  useEffect(() => {
    if (folder) setValue(folder.path)
  }, [folder])

  const applied = (f: DocumentsFolder): void => setFolder(() => f)

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault()
    if (busy || !folder) return
    const path = value.trim()
    if (!looksLikeAbsolutePath(path)) {
      setError(path === '' ? 'Indiquez le chemin complet du dossier.' : RELATIVE)
      return
    }
    const r = await run((api) => api.call('documents:setFolder', { path }), { success: 'Dossier des documents enregistré.' })
    if (r.ok) applied(r.value)
    else setError(`${r.error.issues?.[0]?.message ?? r.error.message} Rien n’a été enregistré.`)
  }

  async function reset(): Promise<void> {
    const r = await run((api) => api.call('documents:resetFolder', {}), { success: 'Dossier par défaut rétabli.' })
    if (r.ok) applied(r.value)
  }

  const changed = folder !== null && value.trim() !== folder.path

  return (
    <form className="panel folder-card" aria-labelledby="documents-folder-title" data-testid="documents-folder-card" onSubmit={(e) => void save(e)} noValidate>
      <header className="panel__header">
        <h2 id="documents-folder-title" className="panel__title">
          Dossier des documents
        </h2>
      </header>
      {folder ? (
        <>
          <dl className="facts">
            <div className="facts__row">
              <dt>Dossier actuel</dt>
              <dd>
                <span className="facts__path" data-testid="documents-folder-current">
                  {folder.path}
                </span>{' '}
                {folder.isDefault ? (
                  <Badge tone="muted" testId="documents-folder-default">
                    par défaut
                  </Badge>
                ) : (
                  <Badge tone="info">choisi</Badge>
                )}
              </dd>
            </div>
          </dl>
          {!folder.exists &&
            (folder.isDefault ? (
              <p className="muted small" data-testid="documents-folder-missing">
                Ce dossier sera créé à la première génération de documents.
              </p>
            ) : (
              <p className="field__message field__message--warning" data-testid="documents-folder-missing">
                Ce dossier est introuvable pour l’instant (lecteur réseau ou amovible absent ?) : la génération échouera s’il ne peut pas être recréé.
              </p>
            ))}
          <PathField
            label="Nouveau dossier"
            hint="Chemin complet d’un dossier de cet ordinateur ou d’un partage réseau ; il est créé s’il n’existe pas. Les documents y sont rangés par mois (aaaa-mm) ; ceux déjà générés restent où ils sont."
            error={error}
            name="documentsFolder"
            value={value}
            placeholder={folder.defaultPath}
            onChange={(v) => { setValue(v); setError(null) }}
          />
          <div className="folder-card__actions">
            <button type="submit" className="button button--primary" disabled={busy || !changed} data-testid="documents-folder-save">
              Enregistrer le dossier
            </button>
            <button type="button" className="button button--ghost" disabled={busy || folder.isDefault} onClick={() => void reset()} data-testid="documents-folder-reset">
              Rétablir le dossier par défaut
            </button>
          </div>
        </>
      ) : (
        <LoadingOrError error={error} />
      )}
    </form>
  )
}
