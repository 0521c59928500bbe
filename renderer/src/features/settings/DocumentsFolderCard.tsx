import { useEffect, useState, type FormEvent } from 'react'
import type { DocumentsFolder } from '../../../../shared/api/areas/documents'
import { looksLikeAbsolutePath } from '../../../../shared/domain/documents'
import { useApi } from '../../api/ApiContext'
import { Badge } from '../../components/Badge'
import { Field } from '../../components/Field'
import { useToast } from '../../components/Toasts'

const RELATIVE = 'Indiquez le chemin complet du dossier, depuis la racine (par exemple C:\\Formation\\Documents ou /Users/claire/Documents).'

/**
 * Where generated PDFs are written (one sub-folder per month). The path is typed: the browser
 * host cannot open a native folder picker. The server checks it (complete, creatable, writable)
 * before saving anything.
 */
export function DocumentsFolderCard() {
  const api = useApi()
  const toast = useToast()
  const [folder, setFolder] = useState<DocumentsFolder | null>(null)
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    void api.call('documents:folder', {}).then((r) => {
      if (!live) return
      if (r.ok) {
        setFolder(r.value)
        setValue(r.value.path)
      } else setError(r.error.message)
    })
    return () => {
      live = false
    }
  }, [api])

  const applied = (f: DocumentsFolder, message: string): void => {
    setFolder(f)
    setValue(f.path)
    setError(null)
    toast.show('success', message)
  }

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault()
    if (busy || !folder) return
    const path = value.trim()
    if (!looksLikeAbsolutePath(path)) {
      setError(path === '' ? 'Indiquez le chemin complet du dossier.' : RELATIVE)
      return
    }
    setBusy(true)
    const r = await api.call('documents:setFolder', { path })
    setBusy(false)
    if (r.ok) applied(r.value, 'Dossier des documents enregistré.')
    else setError(`${r.error.issues?.[0]?.message ?? r.error.message} Rien n’a été enregistré.`)
  }

  async function reset(): Promise<void> {
    setBusy(true)
    const r = await api.call('documents:resetFolder', {})
    setBusy(false)
    if (r.ok) applied(r.value, 'Dossier par défaut rétabli.')
    else setError(r.error.message)
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
          <Field
            label="Nouveau dossier"
            hint="Chemin complet d’un dossier de cet ordinateur ou d’un partage réseau ; il est créé s’il n’existe pas. Les documents y sont rangés par mois (aaaa-mm) ; ceux déjà générés restent où ils sont."
            status={error ? { kind: 'error', message: error } : null}
          >
            {(control) => (
              <input
                {...control}
                className="input input--mono"
                name="documentsFolder"
                value={value}
                placeholder={folder.defaultPath}
                spellCheck={false}
                autoComplete="off"
                onChange={(ev) => {
                  setValue(ev.target.value)
                  setError(null)
                }}
              />
            )}
          </Field>
          <div className="folder-card__actions">
            <button type="submit" className="button button--primary" disabled={busy || !changed} data-testid="documents-folder-save">
              Enregistrer le dossier
            </button>
            <button type="button" className="button button--ghost" disabled={busy || folder.isDefault} onClick={() => void reset()} data-testid="documents-folder-reset">
              Rétablir le dossier par défaut
            </button>
          </div>
        </>
      ) : error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="muted">Chargement…</p>
      )}
    </form>
  )
}
