import { useEffect, useState, type FormEvent } from 'react'
import type { SessionOption } from '@shared/api/areas/sessions'
import type { RecruitmentEventRow } from '@shared/api/areas/recruitment'
import { todayIso } from '@shared/domain/dates'
import { RECRUITMENT_EVENT_KINDS, RECRUITMENT_EVENT_KIND_CODES } from '@shared/domain/recruitment'
import { DialogFooter, REQUIRED_HINT } from '../../components/DialogFooter'
import { Field, type FieldStatus } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { hasFieldErrors } from '../../forms/fieldErrors'
import { codeOptions, selectFieldBuilder } from '../../forms/selectField'
import { textFieldBuilder } from '../../forms/textField'
import { useCommand } from '../../hooks/useCommand'
import { formatSessionPeriod, placeText, sessionOptionLabel } from '../catalogue/catalogueFormat'
import {
  checkEventField,
  emptyEventForm,
  eventChanges,
  eventToForm,
  formToEventPayload,
  plannedDates,
  repeatCount,
  validateEventForm,
  type EventField,
  type EventFormErrors,
  type EventFormValues
} from './eventForm'
import { seriesText } from './recruitmentFormat'

type Props = {
  open: boolean
  /** null: new slot(s); else the event to modify. */
  event: RecruitmentEventRow | null
  /** Sessions offered in the select; a fixed session hides it. */
  sessions: SessionOption[]
  fixedSessionId: number | null
  defaultSessionId: number | null
  onClose: () => void
  onSaved: (events: RecruitmentEventRow[], created: boolean) => void
}

const FIX_FIELDS = 'Corrigez les champs signalés : rien n’a été enregistré.'
const FORM_ID = 'event-form'
const KIND_OPTIONS = codeOptions(RECRUITMENT_EVENT_KIND_CODES, RECRUITMENT_EVENT_KINDS)

/** « Nouveau créneau » (one or a weekly series) and « Modifier le créneau ». */
export function EventFormDialog({ open, event, sessions, fixedSessionId, defaultSessionId, onClose, onSaved }: Props) {
  const { run, busy, failure, setError: setFormError } = useCommand()
  const [values, setValues] = useState<EventFormValues>(() => emptyEventForm(null))
  const [errors, setErrors] = useState<EventFormErrors>({})
  // A refusal naming a field says more than its summary.
  const formError = failure ? (failure.issues?.[0]?.message ?? failure.message) : null

  useEffect(() => {
    if (!open) return
    setValues(event ? eventToForm(event) : emptyEventForm(fixedSessionId ?? defaultSessionId))
    setErrors({})
    setFormError(null)
  }, [open, event, fixedSessionId, defaultSessionId, setFormError])

  const set = <K extends keyof EventFormValues>(field: K, value: EventFormValues[K]): void => {
    const next = { ...values, [field]: value }
    setValues(next)
    if (field !== 'repeat' && errors[field as EventField] && !checkEventField(field as EventField, next)) setErrors((e) => ({ ...e, [field]: undefined }))
  }
  const blur = (field: EventField): void => setErrors((e) => ({ ...e, [field]: checkEventField(field, values) ?? undefined }))
  const status = (field: EventField): FieldStatus => (errors[field] ? { kind: 'error', message: errors[field] ?? '' } : null)

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault()
    const found = validateEventForm(values)
    if (hasFieldErrors(found)) {
      setErrors(found)
      setFormError(FIX_FIELDS)
      return
    }
    if (event) {
      const r = await run((api) => api.call('recruitment:updateEvent', { id: event.id, changes: eventChanges(event, values) }))
      if (r.ok) onSaved([r.value], false)
      return
    }
    const r = await run((api) => api.call('recruitment:createEvents', { sessionId: Number(values.sessionId), ...formToEventPayload(values), repeatWeekly: repeatCount(values) }))
    if (r.ok) onSaved(r.value, true)
  }

  const session = sessions.find((s) => String(s.id) === values.sessionId)
  const dates = plannedDates(values)
  const today = todayIso()
  const current = sessions.filter((s) => s.endDate === null || s.endDate >= today)
  const past = sessions.filter((s) => s.endDate !== null && s.endDate < today)
  const count = repeatCount(values)

  const text = textFieldBuilder({ values, status, set, blur })
  const select = selectFieldBuilder({ values, status, set })

  return (
    <Modal
      open={open}
      title={event ? 'Modifier le créneau' : 'Nouveau créneau de recrutement'}
      onClose={onClose}
      size="large"
      testId="event-dialog"
      footer={<DialogFooter hint={REQUIRED_HINT} onCancel={onClose} form={FORM_ID} busy={busy} busyLabel="Enregistrement…" label={event ? 'Enregistrer' : count > 1 ? `Créer les ${count} créneaux` : 'Créer le créneau'} />}
    >
      <form id={FORM_ID} className="form" onSubmit={(e) => void submit(e)} noValidate>
        {formError && (formError !== FIX_FIELDS || hasFieldErrors(errors)) && (
          <p className="form-error" role="alert" data-testid="form-error">
            {formError}
          </p>
        )}
        <div className="form__grid">
          {fixedSessionId === null && !event ? (
            <Field label="Session" required status={status('sessionId')} className="span-12">
              {(control) => (
                <select {...control} className="input" name="sessionId" value={values.sessionId} onChange={(ev) => set('sessionId', ev.target.value)} onBlur={() => blur('sessionId')}>
                  <option value="">— Choisissez la session —</option>
                  {current.length > 0 && (
                    <optgroup label="En cours et à venir">
                      {current.map((s) => (
                        <option key={s.id} value={s.id}>
                          {sessionOptionLabel(s)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {past.length > 0 && (
                    <optgroup label="Terminées">
                      {past.map((s) => (
                        <option key={s.id} value={s.id}>
                          {sessionOptionLabel(s)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                </select>
              )}
            </Field>
          ) : (
            session && (
              <p className="span-12 form__context">
                <strong>{session.trainingTitle}</strong>
                {session.intercarifSessionId ? ` · session n° ${session.intercarifSessionId}` : ''} · {formatSessionPeriod(session)}
              </p>
            )
          )}
          {session && fixedSessionId === null && !event && (
            <p className="span-12 field__hint">
              Session {formatSessionPeriod(session)}
              {placeText(session.placeName, session.placeCity) ? ` · ${placeText(session.placeName, session.placeCity)}` : ''} : un créneau doit précéder la fin de la
              formation.
            </p>
          )}
          {select('kind', 'Type', KIND_OPTIONS, { required: true, className: 'span-5' })}
          {text('date', values.kind === 'application_window' ? 'Date de début' : 'Date', { required: true, className: 'span-3', placeholder: 'jj/mm/aaaa', inputMode: 'numeric' })}
          {values.kind === 'application_window'
            ? text('endDate', 'Date de fin', { className: 'span-4', placeholder: 'jj/mm/aaaa', inputMode: 'numeric' })
            : <div className="span-4" />}
          {text('startTime', 'Heure de début', { className: 'span-3', placeholder: '09:30', hint: 'ex. 9h30 ou 09:30' })}
          {text('endTime', 'Heure de fin', { className: 'span-3', placeholder: '11:30' })}
          {text('capacity', 'Capacité', { className: 'span-2', placeholder: 'places', inputMode: 'numeric' })}
          {text('place', 'Lieu', {
            className: 'span-4',
            placeholder: session ? placeText(session.placeName, session.placeCity) || 'Lieu de la session' : 'Lieu de la session',
            hint: 'Vide : le lieu de la session.'
          })}
          <Field label="Commentaire" status={status('comment')} className="span-12">
            {(control) => (
              <textarea {...control} className="input textarea" name="comment" rows={2} value={values.comment} placeholder="ex. Salle 2, apporter une pièce d’identité et un CV" onChange={(ev) => set('comment', ev.target.value)} />
            )}
          </Field>
          {!event && (
            <div className="span-12 repeat-box">
              <label className="check">
                <input type="checkbox" name="repeat" checked={values.repeat} onChange={(ev) => set('repeat', ev.target.checked)} />
                Répéter chaque semaine pendant
              </label>
              <input
                className="input input--tiny"
                name="weeks"
                aria-label="Nombre de semaines"
                inputMode="numeric"
                value={values.weeks}
                disabled={!values.repeat}
                onChange={(ev) => set('weeks', ev.target.value)}
                onBlur={() => blur('weeks')}
              />
              <span>semaines</span>
              {errors.weeks && (
                <span className="field__message field__message--error" role="alert">
                  {errors.weeks}
                </span>
              )}
              {dates.length > 0 && (
                <p className="repeat-box__preview" data-testid="series-preview">
                  {dates.length > 1 ? `${dates.length} créneaux : ` : 'Créneau le '}
                  {seriesText(dates)}
                </p>
              )}
            </div>
          )}
        </div>
      </form>
    </Modal>
  )
}
