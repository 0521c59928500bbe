import { useEffect, useState, type FormEvent } from 'react'
import type { Trainee } from '../../../../shared/api/areas/trainees'
import { todayIso } from '../../../../shared/domain/dates'
import { CIVILITIES, PRESCRIBERS, PRESCRIBER_CODES } from '../../../../shared/domain/trainee'
import { useApi } from '../../api/ApiContext'
import { Field, type FieldStatus } from '../../components/Field'
import { Modal } from '../../components/Modal'
import {
  checkTraineeField,
  emptyTraineeForm,
  formToTraineeInput,
  issuesToErrors,
  traineeToForm,
  validateTraineeForm,
  type TraineeField,
  type TraineeFormErrors,
  type TraineeFormValues
} from './traineeForm'

type Props = {
  open: boolean
  /** null: a new trainee. */
  trainee: Trainee | null
  onClose: () => void
  onSaved: (trainee: Trainee, created: boolean) => void
}

const FORM_ID = 'trainee-form'

/** Create or edit a trainee: every field, checked as typed, saved only when the server accepts it. */
export function TraineeFormDialog({ open, trainee, onClose, onSaved }: Props) {
  const api = useApi()
  const [values, setValues] = useState<TraineeFormValues>(emptyTraineeForm)
  const [errors, setErrors] = useState<TraineeFormErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!open) return
    setValues(trainee ? traineeToForm(trainee) : emptyTraineeForm())
    setErrors({})
    setFormError(null)
  }, [open, trainee])

  const set = (field: TraineeField, value: string): void => {
    setValues((v) => ({ ...v, [field]: value }))
    // Errors clear as soon as the input becomes right; new errors wait for the blur.
    if (errors[field] && !checkTraineeField(field, value, todayIso())) setErrors((e) => ({ ...e, [field]: undefined }))
  }
  const blur = (field: TraineeField): void => {
    const message = checkTraineeField(field, values[field], todayIso())
    setErrors((e) => ({ ...e, [field]: message ?? undefined }))
  }
  const status = (field: TraineeField): FieldStatus => {
    const message = errors[field]
    if (message) return { kind: 'error', message }
    if (field === 'ftId' && values.ftId.trim() !== '' && !checkTraineeField('ftId', values.ftId, todayIso())) {
      return { kind: 'ok', message: 'Identifiant au bon format.' }
    }
    return null
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault()
    const found = validateTraineeForm(values, todayIso())
    if (Object.values(found).some(Boolean)) {
      setErrors(found)
      setFormError('Corrigez les champs signalés : rien n’a été enregistré.')
      focusFirstError()
      return
    }
    setBusy(true)
    const input = formToTraineeInput(values)
    const r = trainee ? await api.call('trainees:update', { id: trainee.id, changes: input }) : await api.call('trainees:create', input)
    setBusy(false)
    if (r.ok) {
      onSaved(r.value, !trainee)
      return
    }
    const fieldErrors = issuesToErrors(r.error.issues)
    setErrors(fieldErrors)
    setFormError(r.error.message)
    focusFirstError()
  }

  const text = (field: TraineeField, label: string, extra: { required?: boolean; hint?: string; placeholder?: string; autoComplete?: string; className?: string; inputMode?: 'numeric' | 'email' | 'tel' } = {}) => (
    <Field label={label} required={extra.required} hint={extra.hint} status={status(field)} className={extra.className}>
      {(control) => (
        <input
          {...control}
          className="input"
          name={field}
          value={values[field]}
          placeholder={extra.placeholder}
          autoComplete={extra.autoComplete ?? 'off'}
          inputMode={extra.inputMode}
          onChange={(ev) => set(field, ev.target.value)}
          onBlur={() => blur(field)}
        />
      )}
    </Field>
  )

  return (
    <Modal
      open={open}
      title={trainee ? `Modifier ${trainee.lastName} ${trainee.firstName}` : 'Nouveau stagiaire'}
      onClose={onClose}
      size="large"
      testId="trainee-dialog"
      footer={
        <>
          <span className="modal__footer-hint">Les champs marqués * sont obligatoires.</span>
          <button type="button" className="button" onClick={onClose}>
            Annuler
          </button>
          <button type="submit" form={FORM_ID} className="button button--primary" disabled={busy}>
            {busy ? 'Enregistrement…' : trainee ? 'Enregistrer' : 'Créer le stagiaire'}
          </button>
        </>
      }
    >
      <form id={FORM_ID} className="form" onSubmit={(e) => void submit(e)} noValidate>
        {formError && (
          <p className="form-error" role="alert" data-testid="form-error">
            {formError}
          </p>
        )}
        <fieldset className="form__section">
          <legend>Identité</legend>
          <div className="form__grid">
            <Field label="Civilité" status={status('civility')} className="span-2">
              {(control) => (
                <select {...control} className="input" name="civility" value={values.civility} onChange={(e) => set('civility', e.target.value)}>
                  <option value="">—</option>
                  {CIVILITIES.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {text('lastName', 'Nom', { required: true, autoComplete: 'family-name', className: 'span-5' })}
            {text('firstName', 'Prénom', { required: true, autoComplete: 'given-name', className: 'span-5' })}
            {text('birthDate', 'Date de naissance', { placeholder: 'jj/mm/aaaa', inputMode: 'numeric', className: 'span-4' })}
            {text('ftId', 'Identifiant France Travail', { placeholder: 'ex. 0676932W', hint: '7 chiffres et 1 lettre ou chiffre, ou la forme longue KAIROS.', className: 'span-8' })}
          </div>
        </fieldset>
        <fieldset className="form__section">
          <legend>Coordonnées</legend>
          <div className="form__grid">
            {text('phone', 'Téléphone', { placeholder: '06 12 34 56 78', inputMode: 'tel', autoComplete: 'tel', className: 'span-4' })}
            {text('email', 'E-mail', { placeholder: 'prenom.nom@exemple.fr', inputMode: 'email', autoComplete: 'email', className: 'span-8' })}
            {text('addressLine1', 'Adresse', { autoComplete: 'street-address', className: 'span-12' })}
            {text('postalCode', 'Code postal', { inputMode: 'numeric', autoComplete: 'postal-code', className: 'span-3' })}
            {text('city', 'Ville', { autoComplete: 'address-level2', className: 'span-9' })}
          </div>
        </fieldset>
        <fieldset className="form__section">
          <legend>Suivi</legend>
          <div className="form__grid">
            <Field label="Prescripteur" status={status('prescriber')} className="span-4">
              {(control) => (
                <select {...control} className="input" name="prescriber" value={values.prescriber} onChange={(e) => set('prescriber', e.target.value)}>
                  <option value="">—</option>
                  {PRESCRIBER_CODES.map((code) => (
                    <option key={code} value={code}>
                      {PRESCRIBERS[code]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {text('prescriberAgency', 'Agence', { placeholder: 'ex. France Travail Lorient', className: 'span-8' })}
            {text('adviserName', 'Conseiller', { placeholder: 'Nom du conseiller référent', className: 'span-4' })}
            {text('adviserEmail', 'E-mail du conseiller', { placeholder: 'prenom.nom@exemple.fr', inputMode: 'email', className: 'span-8' })}
            <Field label="Notes" status={status('notes')} className="span-12">
              {(control) => (
                <textarea {...control} className="input textarea" name="notes" rows={3} value={values.notes} onChange={(e) => set('notes', e.target.value)} />
              )}
            </Field>
          </div>
        </fieldset>
      </form>
    </Modal>
  )
}

function focusFirstError(): void {
  window.setTimeout(() => {
    const el = document.querySelector<HTMLElement>('#trainee-form [aria-invalid="true"]')
    el?.focus()
  }, 0)
}
