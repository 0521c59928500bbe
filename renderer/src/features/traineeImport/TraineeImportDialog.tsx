import { useCallback, useEffect, useRef, useState } from 'react'
import type { ImportableField, TraineeImportPreview } from '../../../../shared/api/areas/traineeImport'
import { IMPORTABLE_FIELDS } from '../../../../shared/api/areas/traineeImport'
import { useApi } from '../../api/ApiContext'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { formatCount } from '../../grid/cellValues'
import { bytesToBase64, fileSizeText } from '../lheo/lheoUpload'
import {
  ACTION_LABELS,
  COUNT_TILES,
  DONE_LABELS,
  FIELD_OPTIONS,
  columnSamples,
  fileFacts,
  importButtonLabel,
  importResultText,
  rowsOf,
  setColumnField,
  stripLine,
  writtenCount,
  type ImportAction
} from './traineeImportFormat'

type Merge = 'fill_empty' | 'overwrite' | 'skip'

type Phase =
  | { step: 'reading' }
  | { step: 'preview'; preview: TraineeImportPreview }
  | { step: 'applying'; preview: TraineeImportPreview }
  | { step: 'done'; result: TraineeImportPreview }
  | { step: 'failed'; error: string; during: 'read' | 'preview' | 'apply' }

type Props = {
  file: File | null
  onClose: () => void
  onImported: (result: TraineeImportPreview) => void
  onChooseAnother: () => void
}

const MERGE_CHOICES: { value: Merge; label: string; hint: string }[] = [
  { value: 'fill_empty', label: 'Compléter les champs vides', hint: 'les valeurs déjà saisies sont gardées' },
  { value: 'overwrite', label: 'Remplacer par les valeurs du fichier', hint: 'un champ vide du fichier n’efface rien' },
  { value: 'skip', label: 'Laisser les fiches telles quelles', hint: 'seules les nouvelles personnes sont créées' }
]

const ACTION_TONES: Record<ImportAction, string> = {
  create: 'success',
  merge: 'info',
  unchanged: 'muted',
  invalid: 'danger',
  duplicate_in_file: 'warning'
}

/**
 * A prescriber's list (CSV or Excel) in two steps: a preview that writes nothing — the columns as
 * recognised from their French headers (each can be changed, which re-runs the preview), what each
 * line would do and why — then the import itself, in one transaction.
 */
export function TraineeImportDialog({ file, onClose, onImported, onChooseAnother }: Props) {
  const api = useApi()
  const [phase, setPhase] = useState<Phase>({ step: 'reading' })
  const [mapping, setMapping] = useState<(ImportableField | null)[]>([])
  const [merge, setMerge] = useState<Merge>('fill_empty')
  const [filter, setFilter] = useState<ImportAction | 'all'>('all')
  const [previewing, setPreviewing] = useState(false)
  const [previewError, setPreviewError] = useState<string | null>(null)
  const [moved, setMoved] = useState<string | null>(null)
  const base64 = useRef<string | null>(null)
  const request = useRef(0)
  const fileKey = useRef<File | null>(null)

  const runPreview = useCallback(
    async (f: File, data: string, options: { mapping?: (ImportableField | null)[]; merge: Merge }) => {
      const id = ++request.current
      setPreviewing(true)
      const r = await api.call('traineeImport:preview', { fileName: f.name, base64: data, merge: options.merge, ...(options.mapping ? { mapping: options.mapping } : {}) })
      if (id !== request.current) return
      setPreviewing(false)
      if (r.ok) {
        setPreviewError(null)
        setMapping(r.value.mapping)
        setPhase({ step: 'preview', preview: r.value })
      } else {
        setPhase((p) => (p.step === 'preview' ? p : { step: 'failed', error: r.error.message, during: 'preview' }))
        setPreviewError(r.error.issues?.[0]?.message ?? r.error.message)
      }
    },
    [api]
  )

  useEffect(() => {
    if (!file) {
      fileKey.current = null
      return
    }
    if (fileKey.current === file) return
    fileKey.current = file
    base64.current = null
    setPhase({ step: 'reading' })
    setMerge('fill_empty')
    setFilter('all')
    setPreviewError(null)
    setMoved(null)
    let live = true
    void (async () => {
      let data: string
      try {
        data = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
      } catch {
        if (live) setPhase({ step: 'failed', error: `Le fichier « ${file.name} » n’a pas pu être lu sur ce poste.`, during: 'read' })
        return
      }
      if (!live) return
      base64.current = data
      await runPreview(file, data, { merge: 'fill_empty' })
    })()
    return () => {
      live = false
    }
  }, [file, runPreview])

  function changeMapping(index: number, field: ImportableField | null): void {
    if (!file || !base64.current || phase.step !== 'preview') return
    const { mapping: next, movedFrom } = setColumnField(mapping, index, field)
    const headers = phase.preview.headers
    setMoved(movedFrom !== null && field !== null ? `« ${IMPORTABLE_FIELDS[field]} » était choisi pour la colonne « ${headers[movedFrom] ?? ''} » : cette colonne est maintenant ignorée.` : null)
    setMapping(next)
    void runPreview(file, base64.current, { mapping: next, merge })
  }

  function changeMerge(value: Merge): void {
    if (!file || !base64.current) return
    setMerge(value)
    void runPreview(file, base64.current, { mapping, merge: value })
  }

  async function apply(): Promise<void> {
    if (!file || !base64.current || phase.step !== 'preview') return
    const preview = phase.preview
    setPhase({ step: 'applying', preview })
    const r = await api.call('traineeImport:apply', { fileName: file.name, base64: base64.current, mapping, merge })
    if (!r.ok) {
      setPhase({ step: 'preview', preview })
      setPreviewError(r.error.message)
      return
    }
    setFilter('all')
    setPhase({ step: 'done', result: r.value })
    onImported(r.value)
  }

  const shown = phase.step === 'preview' || phase.step === 'applying' ? phase.preview : phase.step === 'done' ? phase.result : null
  const done = phase.step === 'done'
  const toWrite = shown ? writtenCount(shown.counts) : 0

  return (
    <Modal
      open={file !== null}
      title={done ? 'Import de stagiaires terminé' : 'Importer une liste de stagiaires'}
      onClose={onClose}
      size="xlarge"
      testId="trainee-import-dialog"
      footer={
        <>
          {phase.step === 'reading' && (
            <button type="button" className="button" onClick={onClose}>
              Annuler
            </button>
          )}
          {(phase.step === 'preview' || phase.step === 'applying') && (
            <>
              <span className="modal__footer-hint">Rien n’est encore écrit : vérifiez les colonnes et les lignes, puis importez.</span>
              <button type="button" className="button" onClick={onClose}>
                Annuler
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={toWrite === 0 || previewing || phase.step === 'applying'}
                onClick={() => void apply()}
                data-testid="trainee-import-apply"
              >
                <Icon name="upload" size={16} />
                {phase.step === 'applying' ? 'Import en cours…' : shown ? importButtonLabel(shown.counts) : 'Importer'}
              </button>
            </>
          )}
          {phase.step === 'failed' && (
            <>
              <button type="button" className="button" onClick={onChooseAnother}>
                Choisir un autre fichier
              </button>
              <button type="button" className="button button--primary" onClick={onClose}>
                Fermer
              </button>
            </>
          )}
          {done && (
            <button type="button" className="button button--primary" onClick={onClose} autoFocus>
              Fermer
            </button>
          )}
        </>
      }
    >
      {file && (
        <div className="file-line">
          <span className="file-line__icon" aria-hidden="true">
            <Icon name="file" size={20} />
          </span>
          <span className="file-line__name" data-testid="trainee-import-file">
            {file.name}
          </span>
          <span className="muted">{fileSizeText(file.size)}</span>
          {shown && (
            <span className="file-line__facts" data-testid="trainee-import-facts">
              {fileFacts(shown).map((f) => (
                <span key={f} className="badge badge--neutral">
                  {f}
                </span>
              ))}
            </span>
          )}
        </div>
      )}

      {phase.step === 'reading' && (
        <p className="import-progress__label" aria-busy="true">
          Lecture du fichier et analyse des colonnes (rien n’est écrit)…
        </p>
      )}

      {phase.step === 'failed' && (
        <div className="notice notice--danger" role="alert" data-testid="trainee-import-error">
          <Icon name="alert" size={16} />
          <div>
            <strong>{phase.during === 'apply' ? 'L’import a échoué.' : 'Fichier refusé.'}</strong> {phase.error}
            <p className="notice__after">Aucune donnée n’a été enregistrée.</p>
          </div>
        </div>
      )}

      {shown && (
        <div className={`ti${previewing ? ' ti--busy' : ''}`} data-testid={done ? 'trainee-import-result' : 'trainee-import-preview'} aria-busy={previewing}>
          {done && (
            <div className="notice notice--success" role="status" data-testid="trainee-import-done">
              <Icon name="check" size={16} />
              <div>
                <strong>{importResultText(shown.counts)}</strong> Les fiches sont dans le registre des stagiaires.
              </div>
            </div>
          )}
          {previewError && (
            <div className="notice notice--danger" role="alert" data-testid="trainee-import-preview-error">
              <Icon name="alert" size={16} />
              <div>{previewError}</div>
            </div>
          )}

          <div className="ti-counts" role="group" aria-label="Résultat par ligne">
            {COUNT_TILES.map((t) => (
              <button
                key={t.key}
                type="button"
                className={`ti-count ti-count--${t.key}${shown.counts[t.key] === 0 ? ' ti-count--zero' : ''}`}
                aria-pressed={filter === t.key}
                onClick={() => setFilter((f) => (f === t.key ? 'all' : t.key))}
                data-testid={`ti-count-${t.key}`}
              >
                <span className="ti-count__value">{formatCount(shown.counts[t.key])}</span>
                <span className="ti-count__label">{done ? t.done : t.label}</span>
                <span className="ti-count__hint">{t.hint}</span>
              </button>
            ))}
          </div>

          {shown.warnings.length > 0 && (
            <div className="notice notice--warning" data-testid="trainee-import-warnings">
              <Icon name="alert" size={16} />
              <ul className="ti-warnings">
                {shown.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </div>
          )}

          {!done && (
            <div className="ti-merge">
              <label className="ti-merge__label" htmlFor="ti-merge">
                Personnes déjà enregistrées (même identifiant France Travail) :
              </label>
              <select
                id="ti-merge"
                className="input input--small input--auto"
                value={merge}
                disabled={phase.step !== 'preview'}
                onChange={(e) => changeMerge(e.target.value as Merge)}
                data-testid="trainee-import-merge"
              >
                {MERGE_CHOICES.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </select>
              <span className="muted small">{MERGE_CHOICES.find((m) => m.value === merge)?.hint}</span>
            </div>
          )}

          <div className="ti-columns">
            {!done && (
              <section className="ti-section" aria-labelledby="ti-mapping-title">
                <h3 id="ti-mapping-title" className="ti-section__title">
                  Colonnes du fichier
                  <span className="ti-section__hint">reconnues d’après leurs en-têtes ; modifiez un choix si besoin</span>
                </h3>
                {moved && (
                  <p className="form-note form-note--warning" role="status">
                    <Icon name="info" size={14} /> {moved}
                  </p>
                )}
                <div className="mini-table-wrap ti-scroll">
                  <table className="mini-table ti-mapping" data-testid="trainee-import-mapping">
                    <thead>
                      <tr>
                        <th scope="col">Colonne</th>
                        <th scope="col">Importée dans</th>
                        <th scope="col">Exemples</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.headers.map((h, i) => {
                        const samples = columnSamples(shown.sample, i)
                        const field = mapping[i] ?? null
                        return (
                          <tr key={i} className={field === null ? 'ti-mapping__row--ignored' : undefined} data-column={h}>
                            <th scope="row" className="ti-mapping__header">
                              {h || <span className="cell--faint">(sans titre)</span>}
                            </th>
                            <td>
                              <select
                                className="input input--small"
                                aria-label={`Champ pour la colonne « ${h} »`}
                                value={field ?? ''}
                                disabled={phase.step !== 'preview'}
                                onChange={(e) => changeMapping(i, e.target.value === '' ? null : (e.target.value as ImportableField))}
                              >
                                {FIELD_OPTIONS.map((o) => (
                                  <option key={o.value} value={o.value}>
                                    {o.label}
                                  </option>
                                ))}
                              </select>
                            </td>
                            <td className="ti-mapping__samples">
                              {samples.length > 0 ? (
                                samples.map((v) => (
                                  <span key={v} className="ti-mapping__sample" title={v}>
                                    {v}
                                  </span>
                                ))
                              ) : (
                                <span className="cell--faint">vide</span>
                              )}
                            </td>
                          </tr>
                        )
                      })}
                    </tbody>
                  </table>
                </div>

              </section>
            )}

            <section className="ti-section ti-section--rows" aria-labelledby="ti-rows-title">
              <h3 id="ti-rows-title" className="ti-section__title">
                Lignes
                <span className="ti-section__hint">
                  {filter === 'all' ? `${formatCount(shown.rows.length)} lignes lues` : `${ACTION_LABELS[filter]} · `}
                  {filter !== 'all' && (
                    <button type="button" className="link-button" onClick={() => setFilter('all')}>
                      tout afficher
                    </button>
                  )}
                </span>
              </h3>
              <div className="mini-table-wrap ti-scroll">
                <table className="mini-table ti-rows" data-testid="trainee-import-rows">
                  <thead>
                    <tr>
                      <th scope="col" className="ti-rows__line">
                        Ligne
                      </th>
                      <th scope="col">Personne et résultat</th>
                      <th scope="col">Détail</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rowsOf(shown.rows, filter).map((r) => (
                      <tr key={r.line} data-line={r.line} data-action={r.action}>
                        <td className="ti-rows__line">{r.line}</td>
                        <td>
                          <span className="ti-rows__name">{r.name || <span className="cell--faint">(sans nom)</span>}</span>
                          <span className="ti-rows__meta">
                            <span className={`badge badge--${ACTION_TONES[r.action]}`}>{done ? DONE_LABELS[r.action] : ACTION_LABELS[r.action]}</span>
                            {r.ftId && <span className="ti-rows__ft mono">{r.ftId}</span>}
                          </span>
                        </td>
                        <td className="ti-rows__messages">
                          {r.messages.length === 0 ? (
                            <span className="cell--faint">—</span>
                          ) : (
                            r.messages.map((m, i) => (
                              <span key={i} className="ti-rows__message" title={m}>
                                {stripLine(m)}
                              </span>
                            ))
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </div>
        </div>
      )}
    </Modal>
  )
}
