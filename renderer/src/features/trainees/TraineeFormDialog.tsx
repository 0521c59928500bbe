import { useEffect, type FormEvent } from 'react'
import type { Trainee } from '@shared/api/areas/trainees'
import { todayIso } from '@shared/domain/dates'
import { CIVILITIES, PRESCRIBERS, PRESCRIBER_CODES } from '@shared/domain/trainee'
import { DialogFooter, REQUIRED_HINT } from '../../components/DialogFooter'
import { Field, type FieldStatus } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { hasFieldErrors } from '../../forms/fieldErrors'
import { codeOptions, selectFieldBuilder } from '../../forms/selectField'
import { textFieldBuilder } from '../../forms/textField'
import { useFormFields } from '../../forms/useFormFields'
import { useCommand } from '../../hooks/useCommand'
import { ExportPersonButton } from '../privacy/ExportPersonButton'
import {
  checkTraineeField,
  emptyTraineeForm,
  formToTraineeInput,
  issuesToErrors,
  traineeToForm,
  validateTraineeForm,
  type TraineeField
} from './traineeForm'
import { FormError } from '../../components/FormError'
import { FormSection } from '../../components/FormSection'

type Props = {
  open: boolean
  /** null: a new trainee. */
  trainee: Trainee | null
  onClose: () => void
  onSaved: (trainee: Trainee, created: boolean) => void
}

const FORM_ID = 'trainee-form'
const CIVILITY_OPTIONS = codeOptions(CIVILITIES)
const PRESCRIBER_OPTIONS = codeOptions(PRESCRIBER_CODES, PRESCRIBERS)

/** Create or edit a trainee: every field, checked as typed, saved only when the server accepts it. */
export function TraineeFormDialog({ open, trainee, onClose, onSaved }: Props) {
  const { run, busy, error: formError, setError: setFormError } = useCommand()
  const { values, setValues, errors, setErrors, set, blur, errorStatus } = useFormFields(emptyTraineeForm, (field: TraineeField, value) => checkTraineeField(field, value, todayIso()))

  useEffect(() => {
    if (!open) return
    setValues(trainee ? traineeToForm(trainee) : emptyTraineeForm())
    setErrors({})
    setFormError(null)
  }, [open, trainee, setValues, setErrors, setFormError])

  const status = (field: TraineeField): FieldStatus => {
    if (errors[field]) return errorStatus(field)
    if (field === 'ftId' && values.ftId.trim() !== '' && !checkTraineeField('ftId', values.ftId, todayIso())) {
      return { kind: 'ok', message: 'Identifiant au bon format.' }
    }
    return null
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault()
    const found = validateTraineeForm(values, todayIso())
    if (hasFieldErrors(found)) {
      setErrors(found)
      setFormError('Corrigez les champs signalés : rien n’a été enregistré.')
      focusFirstError()
      return
    }
    const input = formToTraineeInput(values)
    const r = await run((api) => (trainee ? api.call('trainees:update', { id: trainee.id, changes: input }) : api.call('trainees:create', input)))
    if (r.ok) {
      onSaved(r.value, !trainee)
      return
    }
    setErrors(issuesToErrors(r.error.issues))
    focusFirstError()
  }

  const text = textFieldBuilder({ values, status, set, blur })
  const select = selectFieldBuilder({ values, status, set })

  return (
    <Modal
      open={open}
      title={trainee ? `Modifier ${trainee.lastName} ${trainee.firstName}` : 'Nouveau stagiaire'}
      onClose={onClose}
      size="large"
      testId="trainee-dialog"
      footer={<DialogFooter hint={REQUIRED_HINT} onCancel={onClose} form={FORM_ID} busy={busy} busyLabel="Enregistrement…" label={trainee ? 'Enregistrer' : 'Créer le stagiaire'} disabled={Boolean(trainee?.anonymisedAt)} />}
    >
      <form id={FORM_ID} className="form" onSubmit={(e) => void submit(e)} noValidate>
        {trainee && (
          <div className="form__actions-top">
            {trainee.anonymisedAt && <span className="muted small">Personne anonymisée : fiche en lecture seule.</span>}
            <ExportPersonButton traineeId={trainee.id} />
          </div>
        )}
        <FormError message={formError} testId="form-error" />
        <FormSection legend="Identité">
          {select('civility', 'Civilité', CIVILITY_OPTIONS, { className: 'span-2', empty: '—' })}
          {text('lastName', 'Nom', { required: true, autoComplete: 'family-name', className: 'span-5' })}
          {text('firstName', 'Prénom', { required: true, autoComplete: 'given-name', className: 'span-5' })}
          {text('birthDate', 'Date de naissance', { placeholder: 'jj/mm/aaaa', inputMode: 'numeric', className: 'span-4' })}
          {text('ftId', 'Identifiant France Travail', { placeholder: 'ex. 0676932W', hint: '7 chiffres et 1 lettre ou chiffre, ou la forme longue KAIROS.', className: 'span-8' })}
        </FormSection>
        <FormSection legend="Coordonnées">
          {text('phone', 'Téléphone', { placeholder: '06 12 34 56 78', inputMode: 'tel', autoComplete: 'tel', className: 'span-4' })}
          {text('email', 'E-mail', { placeholder: 'prenom.nom@exemple.fr', inputMode: 'email', autoComplete: 'email', className: 'span-8' })}
          {text('addressLine1', 'Adresse', { autoComplete: 'street-address', className: 'span-12' })}
          {text('postalCode', 'Code postal', { inputMode: 'numeric', autoComplete: 'postal-code', className: 'span-3' })}
          {text('city', 'Ville', { autoComplete: 'address-level2', className: 'span-9' })}
        </FormSection>
        <FormSection legend="Suivi">
          {select('prescriber', 'Prescripteur', PRESCRIBER_OPTIONS, { className: 'span-4', empty: '—' })}
          {text('prescriberAgency', 'Agence', { placeholder: 'ex. France Travail Lorient', className: 'span-8' })}
          {text('adviserName', 'Conseiller', { placeholder: 'Nom du conseiller référent', className: 'span-4' })}
          {text('adviserEmail', 'E-mail du conseiller', { placeholder: 'prenom.nom@exemple.fr', inputMode: 'email', className: 'span-8' })}
          <Field label="Notes" status={status('notes')} className="span-12">
            {(control) => (
              <textarea {...control} className="input textarea" name="notes" rows={3} value={values.notes} onChange={(e) => set('notes', e.target.value)} />
            )}
          </Field>
        </FormSection>
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
