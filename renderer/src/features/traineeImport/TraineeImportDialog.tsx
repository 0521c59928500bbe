import type { TraineeImportPreview } from '@shared/api/areas/traineeImport'
import { FileLine } from '../../components/FileLine'
import { Icon } from '../../components/Icon'
import { ImportEndButtons, ImportPreviewButtons } from '../../components/ImportFooter'
import { Modal } from '../../components/Modal'
import { formatCount } from '../../grid/cellValues'
import type { ImportDialogProps } from '../../hooks/useFileImport'
import { fileSizeText } from '../lheo/lheoUpload'
import { shownPreview, type Merge } from './importPhase'
import { ImportMappingTable, ImportRowsTable } from './ImportTables'
import { COUNT_TILES, fileFacts, importButtonLabel, importResultText, writtenCount } from './traineeImportFormat'
import { useTraineeImportFlow } from './useTraineeImportFlow'

const MERGE_CHOICES: { value: Merge; label: string; hint: string }[] = [
  { value: 'fill_empty', label: 'Compléter les champs vides', hint: 'les valeurs déjà saisies sont gardées' },
  { value: 'overwrite', label: 'Remplacer par les valeurs du fichier', hint: 'un champ vide du fichier n’efface rien' },
  { value: 'skip', label: 'Laisser les fiches telles quelles', hint: 'seules les nouvelles personnes sont créées' }
]

/**
 * A prescriber's list (CSV or Excel) in two steps: a preview that writes nothing — the columns as
 * recognised from their French headers (each can be changed, which re-runs the preview), what each
 * line would do and why — then the import itself, in one transaction.
 */
export function TraineeImportDialog({ file, onClose, onImported, onChooseAnother }: ImportDialogProps<TraineeImportPreview>) {
  const { phase, mapping, merge, filter, setFilter, previewing, previewError, moved, changeMapping, changeMerge, apply } = useTraineeImportFlow(file, onImported)

  const shown = shownPreview(phase)
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
            <ImportPreviewButtons
              hint="Rien n’est encore écrit : vérifiez les colonnes et les lignes, puis importez."
              onCancel={onClose}
              onApply={() => void apply()}
              label={phase.step === 'applying' ? 'Import en cours…' : shown ? importButtonLabel(shown.counts) : 'Importer'}
              disabled={toWrite === 0 || previewing || phase.step === 'applying'}
              testId="trainee-import-apply"
            />
          )}
          <ImportEndButtons ended={phase.step === 'failed' ? 'failed' : done ? 'done' : null} onChooseAnother={onChooseAnother} onClose={onClose} />
        </>
      }
    >
      {file && (
        <FileLine file={file} sizeText={fileSizeText(file.size)} nameTestId="trainee-import-file">
          {shown && (
            <span className="file-line__facts" data-testid="trainee-import-facts">
              {fileFacts(shown).map((f) => (
                <span key={f} className="badge badge--neutral">
                  {f}
                </span>
              ))}
            </span>
          )}
        </FileLine>
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
                className={`tile-button ti-count ti-count--${t.key}${shown.counts[t.key] === 0 ? ' ti-count--zero' : ''}`}
                aria-pressed={filter === t.key}
                onClick={() => setFilter((f) => (f === t.key ? 'all' : t.key))}
                data-testid={`ti-count-${t.key}`}
              >
                <span className="tile-figure ti-count__value">{formatCount(shown.counts[t.key])}</span>
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
            {!done && <ImportMappingTable shown={shown} mapping={mapping} editable={phase.step === 'preview'} moved={moved} onChange={changeMapping} />}
            <ImportRowsTable shown={shown} done={done} filter={filter} onShowAll={() => setFilter('all')} />
          </div>
        </div>
      )}
    </Modal>
  )
}
