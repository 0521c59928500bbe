import { useEffect, type FormEvent } from 'react'
import type { TrainingDetail } from '@shared/api/areas/catalogue'
import { plural, possessiveFr } from '@shared/domain/frenchFormat'
import { formatEuros } from '@shared/domain/money'
import { LHEO_OBJECTIVES } from '@shared/domain/recruitment'
import { Field } from '../../components/Field'
import { HeadedTable } from '../../components/HeadedTable'
import { Icon } from '../../components/Icon'
import { REQUIRED_HINT } from '../../components/DialogFooter'
import { FormSection } from '../../components/FormSection'
import { Modal } from '../../components/Modal'
import { hasFieldErrors } from '../../forms/fieldErrors'
import { textFieldBuilder } from '../../forms/textField'
import { useFormFields } from '../../forms/useFormFields'
import { formatTimestampFr } from '../../grid/cellValues'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'
import { entryModeLabel, formatSessionDate, hoursText } from './catalogueFormat'
import { CARIF_LOCK_EXPLANATION } from './sessionForm'
import {
  checkTrainingField,
  emptyTrainingForm,
  formToTrainingInput,
  trainingChanges,
  trainingIssuesToErrors,
  trainingToForm,
  validateTrainingForm,
  type TrainingField
} from './trainingForm'

type Props = {
  open: boolean
  /** null: a new training; else the id of the training to show or edit. */
  trainingId: number | null
  onClose: () => void
  onSaved: (training: TrainingDetail, created: boolean) => void
  onNewSession?: (trainingId: number) => void
  onShowSessions?: (trainingId: number) => void
}

const FIX_FIELDS = 'Corrigez les champs signalés : rien n’a été enregistré.'
const FORM_ID = 'training-form'
const OBJECTIVE_CODES = Object.keys(LHEO_OBJECTIVES).map(Number)
const ACTION_COLUMNS = ['N° action', 'Lieu', 'Places', 'Heures', 'Rythme', 'Entrée', 'Prix', 'Financeurs']

/**
 * A training created by hand is edited here; one imported from the CARIF-OREF (LHEO) is shown
 * read-only, with its actions: its description is corrected at the source and re-imported.
 */
export function TrainingFormDialog({ open, trainingId, onClose, onSaved, onNewSession, onShowSessions }: Props) {
  const { run, busy, error: saveError, setError: setFormError } = useCommand()
  const { values, setValues, errors, setErrors, set, blur, errorStatus: status } = useFormFields(emptyTrainingForm, checkTrainingField)
  // Never the previous training's record while the next one loads.
  const query = useQuery('trainings:get', { id: trainingId ?? 0 }, { enabled: open && trainingId !== null, keepPrevious: false })
  const detail = open && trainingId !== null ? query.data : null
  const formError = saveError ?? (open && trainingId !== null ? query.error : null)

  useEffect(() => {
    if (!open) return
    setErrors({})
    setFormError(null)
    if (trainingId === null) setValues(emptyTrainingForm())
  }, [open, trainingId, setErrors, setFormError, setValues])
  useEffect(() => {
    if (detail) setValues(trainingToForm(detail))
  }, [detail, setValues])

  const fromCarif = detail?.source === 'lheo'
  const loading = trainingId !== null && detail === null && !formError
  const locked = fromCarif ? CARIF_LOCK_EXPLANATION : undefined


  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault()
    const found = validateTrainingForm(values)
    if (hasFieldErrors(found)) {
      setErrors(found)
      setFormError(FIX_FIELDS)
      return
    }
    const r = await run((api) => (detail ? api.call('trainings:update', { id: detail.id, changes: trainingChanges(detail, values) }) : api.call('trainings:create', formToTrainingInput(values))))
    if (r.ok) onSaved(r.value, !detail)
    else setErrors(trainingIssuesToErrors(r.error.issues))
  }

  const text = textFieldBuilder({ values, status, set, blur, locked })
  const select = (field: TrainingField, label: string, options: [string, string][], className: string) => (
    <Field label={label} status={status(field)} className={className} locked={locked}>
      {(control) => (
        <select {...control} className="input" name={field} value={values[field]} disabled={fromCarif} onChange={(ev) => set(field, ev.target.value)}>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  )

  const title = trainingId === null ? 'Nouvelle formation' : detail ? detail.title : 'Formation'

  return (
    <Modal
      open={open}
      title={title}
      onClose={onClose}
      size="large"
      testId="training-dialog"
      footer={
        <>
          {detail && (onNewSession || onShowSessions) && (
            <span className="modal__footer-left">
              {onShowSessions && detail.sessionCount > 0 && (
                <button type="button" className="button button--ghost" onClick={() => onShowSessions(detail.id)}>
                  Voir {possessiveFr(detail.sessionCount, 'session', 'sessions', 'f')}
                </button>
              )}
              {onNewSession && (
                <button type="button" className="button button--ghost" onClick={() => onNewSession(detail.id)}>
                  <Icon name="plus" size={16} />
                  Nouvelle session
                </button>
              )}
            </span>
          )}
          {!fromCarif && <span className="modal__footer-hint">{REQUIRED_HINT}</span>}
          <button type="button" className="button" onClick={onClose}>
            {fromCarif ? 'Fermer' : 'Annuler'}
          </button>
          {!fromCarif && (
            <button type="submit" form={FORM_ID} className="button button--primary" disabled={busy || loading}>
              {busy ? 'Enregistrement…' : detail ? 'Enregistrer' : 'Créer la formation'}
            </button>
          )}
        </>
      }
    >
      <form id={FORM_ID} className="form" onSubmit={(e) => void submit(e)} noValidate aria-busy={loading}>
        {fromCarif && detail && (
          <div className="notice notice--info" data-testid="carif-notice">
            <Icon name="lock" size={16} />
            <div>
              <strong>Formation du catalogue CARIF-OREF</strong> (import LHEO
              {detail.lheoImportedAt ? ` du ${formatTimestampFr(detail.lheoImportedAt)}` : ''}). {CARIF_LOCK_EXPLANATION} Les sessions,
              inscriptions et l’assiduité saisies ici sont conservées à chaque import.
              {detail.missingFromSource && <> Cette formation était absente du dernier fichier importé.</>}
            </div>
          </div>
        )}
        {formError && (formError !== FIX_FIELDS || hasFieldErrors(errors)) && (
          <p className="form-error" role="alert" data-testid="form-error">
            {formError}
          </p>
        )}
        <FormSection legend="Identification">
          {text('title', 'Intitulé', { required: true, className: 'span-12', placeholder: 'ex. Titre professionnel plaquiste' })}
          {text('intercarifFormationId', 'N° de formation InterCarif', { className: 'span-4', placeholder: 'ex. 20_1262663', mono: true })}
          {text('formacode', 'Formacode principal', { className: 'span-3', placeholder: '5 chiffres', mono: true, hint: detail?.formacodeVersion ? `Version ${detail.formacodeVersion}` : undefined })}
          {select('objectiveCode', 'Objectif général', [['', '—'], ...OBJECTIVE_CODES.map((c): [string, string] => [String(c), `${c} · ${LHEO_OBJECTIVES[c] ?? ''}`])], 'span-5')}
        </FormSection>
        <FormSection legend="Certification et durée">
          {select('certificationKind', 'Répertoire', [['', '—'], ['RNCP', 'RNCP'], ['RS', 'RS (répertoire spécifique)']], 'span-3')}
          {text('certificationCode', 'Code', { className: 'span-3', placeholder: 'ex. 35042', mono: true })}
          {select('certificationLevel', 'Niveau', [['', '—'], ...[1, 2, 3, 4, 5, 6, 7, 8].map((n): [string, string] => [String(n), `Niveau ${n}`])], 'span-3')}
          {text('totalHours', 'Durée totale (heures)', { className: 'span-3', placeholder: 'ex. 697' })}
          {select('actionNature', 'Nature de l’action (certificat de réalisation)', [['', 'Action de formation (par défaut)'], ['formation', 'Action de formation'], ['bilan', 'Bilan de compétences'], ['vae', 'Action de VAE'], ['apprentissage', 'Action de formation par apprentissage']], 'span-6')}
        </FormSection>
        <FormSection legend="Description">
          {(['objectives', 'content'] as const).map((field) => (
            <Field key={field} label={field === 'objectives' ? 'Objectifs' : 'Contenu'} status={status(field)} className="span-12" locked={locked}>
              {(control) => (
                <textarea
                  {...control}
                  className="input textarea"
                  name={field}
                  rows={field === 'content' ? 4 : 3}
                  value={values[field]}
                  readOnly={fromCarif}
                  onChange={(ev) => set(field, ev.target.value)}
                />
              )}
            </Field>
          ))}
        </FormSection>
        {detail && detail.actions.length > 0 && (
          <fieldset className="form__section">
            <legend>Actions de formation ({detail.actions.length})</legend>
            <HeadedTable columns={ACTION_COLUMNS} className="mini-table" testId="training-actions">
              {detail.actions.map((a) => (
                <tr key={a.id}>
                  <td className="cell--mono">{a.intercarifActionId ?? '—'}</td>
                  <td>{a.placeLabel ?? '—'}</td>
                  <td className="num">{a.places ?? '—'}</td>
                  <td className="num">{hoursText(a.hoursTotal ?? (a.hoursCentre !== null || a.hoursCompany !== null ? (a.hoursCentre ?? 0) + (a.hoursCompany ?? 0) : null)) || '—'}</td>
                  <td>{a.rhythm ?? '—'}</td>
                  <td>{entryModeLabel(a.entryMode) || '—'}</td>
                  <td className="num">{a.priceTotalCents !== null ? formatEuros(a.priceTotalCents) : '—'}</td>
                  <td>{a.funders.map((f) => f.label ?? f.code).join(', ') || '—'}</td>
                </tr>
              ))}
            </HeadedTable>
          </fieldset>
        )}
        {detail && (
          <p className="form__meta">
            Formation n° {detail.id} · {plural(detail.sessionCount, 'session', 'sessions')}
            {detail.nextStart ? ` · prochaine entrée : ${formatSessionDate(detail.nextStart, detail.nextStartPrecision ?? 'day')}` : ''}
            {detail.responsibleOrgName ? ` · organisme responsable : ${detail.responsibleOrgName}` : ''} · modifiée le {formatTimestampFr(detail.updatedAt)}
          </p>
        )}
      </form>
    </Modal>
  )
}
