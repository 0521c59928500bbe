import { useEffect, useState, type FormEvent } from 'react'
import type { SessionDetail, TrainingRow } from '@shared/api/areas/catalogue'
import { ENTRY_MODES, ENTRY_MODE_CODES, RECRUITMENT_STATES, RECRUITMENT_STATE_CODES } from '@shared/domain/recruitment'
import { useApi } from '../../api/ApiContext'
import { Field, type FieldStatus } from '../../components/Field'
import { codeOptions, selectFieldBuilder } from '../../forms/selectField'
import { Icon } from '../../components/Icon'
import { DialogFooter, REQUIRED_HINT } from '../../components/DialogFooter'
import { FormSection } from '../../components/FormSection'
import { Modal } from '../../components/Modal'
import type { EnrolmentDatesProposal } from '@shared/domain/sessionDates'
import { WEEKDAYS_SHORT } from './catalogueFormat'
import { EnrolmentDatesStep } from './EnrolmentDatesStep'
import {
  CARIF_LOCK_EXPLANATION,
  LHEO_LOCKED_SESSION_FIELDS,
  checkSessionField,
  emptySessionForm,
  formToSessionInput,
  sessionChanges,
  sessionIssuesToErrors,
  sessionToForm,
  validateSessionForm,
  type SessionField,
  type SessionFormErrors,
  type SessionFormValues
} from './sessionForm'

type Props = {
  open: boolean
  /** null: a new session (of `trainingId` when given). */
  sessionId: number | null
  trainingId?: number | null
  onClose: () => void
  onSaved: (session: SessionDetail, created: boolean) => void
}

const FIX_FIELDS = 'Corrigez les champs signalés : rien n’a été enregistré.'
const FORM_ID = 'session-form'
const ENTRY_MODE_OPTIONS = codeOptions(ENTRY_MODE_CODES, ENTRY_MODES)
const RECRUITMENT_STATE_OPTIONS = codeOptions(RECRUITMENT_STATE_CODES, RECRUITMENT_STATES)
type TextField = Exclude<SessionField, 'weeklyHours'>

/** Create a session by hand, or edit one; on an imported session the CARIF-OREF fields are read-only. */
export function SessionFormDialog({ open, sessionId, trainingId = null, onClose, onSaved }: Props) {
  const api = useApi()
  const [trainings, setTrainings] = useState<TrainingRow[] | null>(null)
  const [detail, setDetail] = useState<SessionDetail | null>(null)
  const [values, setValues] = useState<SessionFormValues>(() => emptySessionForm())
  const [errors, setErrors] = useState<SessionFormErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  /** Second step after a change of dates: the enrolments whose planned dates may follow. */
  const [moving, setMoving] = useState<{ saved: SessionDetail; proposal: EnrolmentDatesProposal; busy: boolean; error: string | null } | null>(null)

  useEffect(() => {
    if (!open) return
    setMoving(null)
    setErrors({})
    setFormError(null)
    setDetail(null)
    setValues(emptySessionForm(trainingId))
    let live = true
    void api.call('trainings:list', {}).then((r) => {
      if (live && r.ok) setTrainings(r.value)
    })
    if (sessionId !== null) {
      void api.call('sessions:get', { id: sessionId }).then((r) => {
        if (!live) return
        if (r.ok) {
          setDetail(r.value)
          setValues(sessionToForm(r.value))
        } else setFormError(r.error.message)
      })
    }
    return () => {
      live = false
    }
  }, [open, sessionId, trainingId, api])

  const fromCarif = detail?.source === 'lheo'
  const locked: readonly SessionField[] = fromCarif ? LHEO_LOCKED_SESSION_FIELDS : detail ? ['trainingId'] : []
  const isLocked = (f: SessionField): boolean => fromCarif && locked.includes(f)

  const set = (field: TextField, value: string): void => {
    const next = { ...values, [field]: value }
    setValues(next)
    if (errors[field] && !checkSessionField(field, next, locked)) setErrors((e) => ({ ...e, [field]: undefined }))
  }
  const setDay = (i: number, value: string): void => {
    const week = [...values.weeklyHours] as SessionFormValues['weeklyHours']
    week[i] = value
    const next = { ...values, weeklyHours: week }
    setValues(next)
    if (errors.weeklyHours && !checkSessionField('weeklyHours', next, locked)) setErrors((e) => ({ ...e, weeklyHours: undefined }))
  }
  const blur = (field: SessionField): void => setErrors((e) => ({ ...e, [field]: checkSessionField(field, values, locked) ?? undefined }))
  const status = (field: SessionField): FieldStatus => (errors[field] ? { kind: 'error', message: errors[field] ?? '' } : null)
  const select = selectFieldBuilder<'entryMode' | 'recruitmentState'>({ values, status, set })

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault()
    const found = validateSessionForm(values, locked)
    if (Object.values(found).some(Boolean)) {
      setErrors(found)
      setFormError(FIX_FIELDS)
      return
    }
    setBusy(true)
    if (detail) {
      const u = await api.call('sessions:update', { id: detail.id, changes: sessionChanges(detail, values, locked) })
      setBusy(false)
      if (u.ok) {
        const proposal = u.value.enrolmentDates
        if (proposal) setMoving({ saved: u.value, proposal, busy: false, error: null })
        else onSaved(u.value, false)
        return
      }
      setErrors(sessionIssuesToErrors(u.error.issues))
      setFormError(u.error.message)
      return
    }
    const r = await api.call('sessions:create', formToSessionInput(values))
    setBusy(false)
    if (r.ok) {
      onSaved(r.value, true)
      return
    }
    setErrors(sessionIssuesToErrors(r.error.issues))
    setFormError(r.error.message)
  }

  const text = (field: TextField, label: string, extra: { required?: boolean; placeholder?: string; hint?: string; className: string; mono?: boolean; numeric?: boolean }) => (
    <Field
      label={label}
      required={extra.required}
      hint={isLocked(field) ? undefined : extra.hint}
      status={status(field)}
      className={extra.className}
      locked={isLocked(field) ? CARIF_LOCK_EXPLANATION : undefined}
    >
      {(control) => (
        <input
          {...control}
          className={`input${extra.mono ? ' input--mono' : ''}`}
          name={field}
          value={values[field]}
          placeholder={isLocked(field) ? '—' : extra.placeholder}
          readOnly={isLocked(field)}
          inputMode={extra.numeric ? 'numeric' : undefined}
          autoComplete="off"
          onChange={(ev) => set(field, ev.target.value)}
          onBlur={() => blur(field)}
        />
      )}
    </Field>
  )

  async function moveDates(): Promise<void> {
    if (!moving) return
    setMoving({ ...moving, busy: true, error: null })
    const r = await api.call('sessions:moveEnrolmentDates', { id: moving.saved.id, previous: moving.proposal.previous })
    if (r.ok) onSaved(moving.saved, false)
    else setMoving({ ...moving, busy: false, error: r.error.message })
  }

  if (open && moving) return <EnrolmentDatesStep proposal={moving.proposal} busy={moving.busy} error={moving.error} onKeep={() => onSaved(moving.saved, false)} onMove={() => void moveDates()} />

  const title = detail ? `Modifier la session${detail.intercarifSessionId ? ` n° ${detail.intercarifSessionId}` : ''}` : 'Nouvelle session'
  const loading = sessionId !== null && detail === null && !formError

  return (
    <Modal
      open={open}
      title={title}
      onClose={onClose}
      size="large"
      testId="session-dialog"
      footer={
        <DialogFooter
          hint={`${REQUIRED_HINT} Dates au format jj/mm/aaaa.`}
          onCancel={onClose}
          form={FORM_ID}
          busy={busy}
          busyLabel="Enregistrement…"
          disabled={loading}
          label={detail ? 'Enregistrer' : 'Créer la session'}
        />
      }
    >
      <form id={FORM_ID} className="form" onSubmit={(e) => void submit(e)} noValidate aria-busy={loading}>
        {fromCarif && (
          <div className="notice notice--info" data-testid="carif-notice">
            <Icon name="lock" size={16} />
            <div>
              <strong>Session du catalogue CARIF-OREF.</strong> Champs marqués d’un cadenas (dates, lieu, numéro CARIF, mode d’entrée, période
              d’inscription) : « {CARIF_LOCK_EXPLANATION} » La capacité, l’état du recrutement, les heures, le planning, le formateur et le référent
              restent modifiables ici.
            </div>
          </div>
        )}
        {formError && (formError !== FIX_FIELDS || Object.values(errors).some(Boolean)) && (
          <p className="form-error" role="alert" data-testid="form-error">
            {formError}
          </p>
        )}
        <FormSection legend="Session">
          <Field label="Formation" required status={status('trainingId')} className="span-12" locked={isLocked('trainingId') ? CARIF_LOCK_EXPLANATION : undefined}>
            {(control) => (
              <select
                {...control}
                className="input"
                name="trainingId"
                value={values.trainingId}
                disabled={detail !== null}
                onChange={(ev) => set('trainingId', ev.target.value)}
                onBlur={() => blur('trainingId')}
              >
                <option value="">{trainings === null ? 'Chargement…' : '— Choisissez la formation —'}</option>
                {(trainings ?? []).map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.intercarifFormationId ? `${t.title} (${t.intercarifFormationId})` : t.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('label', 'Libellé', { className: 'span-5', placeholder: 'ex. Plaquiste — Orléans 2027', hint: 'Facultatif : nom court affiché dans les listes.' })}
          {text('intercarifSessionId', 'N° de session CARIF', { className: 'span-3', placeholder: 'ex. 103725', mono: true })}
          {select('entryMode', 'Mode d’entrée', ENTRY_MODE_OPTIONS, { className: 'span-4', locked: isLocked('entryMode') ? CARIF_LOCK_EXPLANATION : undefined })}
          {text('startDate', 'Date de début', { required: true, className: 'span-3', placeholder: 'jj/mm/aaaa', numeric: true })}
          {text('endDate', 'Date de fin', { required: true, className: 'span-3', placeholder: 'jj/mm/aaaa', numeric: true })}
          {text('registrationStartDate', 'Inscriptions du', { className: 'span-3', placeholder: 'jj/mm/aaaa', numeric: true })}
          {text('registrationEndDate', 'Inscriptions jusqu’au', { className: 'span-3', placeholder: 'jj/mm/aaaa', numeric: true })}
        </FormSection>
        <FormSection legend="Lieu, places et recrutement">
          {text('placeName', 'Lieu', { className: 'span-4', placeholder: 'ex. Centre AFPA d’Olivet' })}
          {text('placeCity', 'Ville', { className: 'span-3', placeholder: 'ex. Olivet' })}
          {text('capacity', 'Capacité', { className: 'span-2', placeholder: 'places', numeric: true })}
          {select('recruitmentState', 'État du recrutement', RECRUITMENT_STATE_OPTIONS, { className: 'span-3' })}
        </FormSection>
        <FormSection legend="Heures et encadrement">
          {text('hoursCentre', 'Heures en centre', { className: 'span-3', placeholder: 'ex. 560' })}
          {text('hoursCompany', 'Heures en entreprise', { className: 'span-3', placeholder: 'ex. 140' })}
          {text('trainerName', 'Formateur', { className: 'span-3' })}
          {text('referentName', 'Référent', { className: 'span-3' })}
          <div className={`field span-12${errors.weeklyHours ? ' field--error' : ''}`} role="group" aria-labelledby="weekly-hours-label">
            <span className="field__label" id="weekly-hours-label">
              Planning hebdomadaire (heures par jour)
            </span>
            <div className="week-inputs">
              {WEEKDAYS_SHORT.map((day, i) => (
                <label key={day} className="week-inputs__day">
                  <span>{day}</span>
                  <input
                    className="input"
                    value={values.weeklyHours[i] ?? ''}
                    placeholder="0"
                    aria-label={`Heures le ${['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'][i]}`}
                    onChange={(ev) => setDay(i, ev.target.value)}
                    onBlur={() => blur('weeklyHours')}
                  />
                </label>
              ))}
            </div>
            {errors.weeklyHours && (
              <p className="field__message field__message--error" role="alert">
                {errors.weeklyHours}
              </p>
            )}
          </div>
        </FormSection>
      </form>
    </Modal>
  )
}
