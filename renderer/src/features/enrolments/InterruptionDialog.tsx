import { useEffect, useId, useState, type FormEvent } from 'react'
import type { EnrolmentDetail, Interruption } from '@shared/api/areas/enrolments'
import { addDays, formatDateFr } from '@shared/domain/dates'
import { DialogFooter } from '../../components/DialogFooter'
import { Field } from '../../components/Field'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { useCommand } from '../../hooks/useCommand'
import { DateField, readDate } from './DateField'
import { INTERRUPTION_REASONS, interruptionLengthHint, personName } from './enrolmentFormat'

export type InterruptionRequest = { enrolment: EnrolmentDetail; interruption: Interruption | null }

type Props = {
  request: InterruptionRequest | null
  onClose: () => void
  onSaved: (detail: EnrolmentDetail, created: boolean) => void
}

/**
 * « Nouvelle interruption » (or its correction): a break of more than 15 days in the person's
 * path, declared in KAIROS within 3 days of its first day. The end may stay empty while the
 * return date is unknown. The server's refusal (too short, overlapping, outside the path) is shown
 * as it says it, with the rule.
 */
export function InterruptionDialog({ request, onClose, onSaved }: Props) {
  const { run, busy, failure, setError } = useCommand()
  const listId = useId()
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [reason, setReason] = useState('')
  const [comment, setComment] = useState('')
  const [tried, setTried] = useState(false)

  useEffect(() => {
    if (!request) return
    const i = request.interruption
    setStart(i ? formatDateFr(i.startDate) : '')
    setEnd(i?.endDate ? formatDateFr(i.endDate) : '')
    setReason(i?.reason ?? '')
    setComment(i?.comment ?? '')
    setError(null)
    setTried(false)
  }, [request, setError])

  if (!request) return null
  const editing = request.interruption
  const startRead = readDate(start, true)
  const endRead = readDate(end, false)
  const hint = interruptionLengthHint(startRead.iso, endRead.iso)
  const reasonMissing = reason.trim() === ''
  // The first field issue says the rule broken more precisely than the refusal's summary.
  const error = failure ? (failure.issues?.[0]?.message ?? failure.message) : null

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault()
    setTried(true)
    if (!request || startRead.iso === null || endRead.error || reasonMissing) return
    setError(null)
    const enrolmentId = request.enrolment.id
    const startDate = startRead.iso
    const r = await run((api) =>
      editing
        ? api.call('interruptions:update', { id: editing.id, endDate: endRead.iso, reason: reason.trim(), comment: comment.trim() || null })
        : api.call('interruptions:create', { enrolmentId, startDate, endDate: endRead.iso, reason: reason.trim(), comment: comment.trim() || null })
    )
    if (r.ok) onSaved(r.value, editing === null)
  }

  return (
    <Modal
      open
      title={editing ? 'Modifier l’interruption' : 'Nouvelle interruption'}
      onClose={onClose}
      size="medium"
      testId="interruption-dialog"
      footer={<DialogFooter onCancel={onClose} form="interruption-form" busy={busy} testId="interruption-save" label={editing ? 'Enregistrer' : 'Enregistrer l’interruption'} />}
    >
      <form id="interruption-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error && (
          <div className="notice notice--danger" role="alert" data-testid="interruption-error">
            <Icon name="alert" size={16} />
            <div>
              <strong>Interruption refusée.</strong> {error}
            </div>
          </div>
        )}
        <p className="form__context">
          <strong>{personName(request.enrolment)}</strong> — {request.enrolment.sessionLabel}
          {request.enrolment.entryDate && <> · entrée en formation le {formatDateFr(request.enrolment.entryDate)}</>}
        </p>
        <div className="form__grid">
          <div className="span-6">
            {editing ? (
              <Field label="Premier jour d’interruption" locked="Le début d’une interruption ne se modifie pas : supprimez-la et saisissez-la de nouveau.">
                {(control) => <input {...control} className="input input--date" value={start} readOnly />}
              </Field>
            ) : (
              <DateField label="Premier jour d’interruption" name="startDate" value={start} onChange={(t) => { setStart(t); setError(null) }} required error={tried ? startRead.error : null} autoFocus testId="interruption-start" />
            )}
          </div>
          <div className="span-6">
            <DateField
              label="Dernier jour d’interruption"
              name="endDate"
              value={end}
              onChange={(t) => {
                setEnd(t)
                setError(null)
              }}
              // The last day away, not the day back: the return day is said beside it.
              hint={endRead.iso ? `Retour en formation le ${formatDateFr(addDays(endRead.iso, 1))}.` : 'Vide tant que la date de retour n’est pas connue.'}
              testId="interruption-end"
            />
          </div>
          <div className="span-12">
            <Field label="Motif" required status={tried && reasonMissing ? { kind: 'error', message: 'Le motif de l’interruption est obligatoire.' } : null}>
              {(control) => (
                <>
                  <input {...control} className="input" list={listId} value={reason} maxLength={200} placeholder="ex. Raisons de santé (arrêt maladie)" onChange={(e) => setReason(e.target.value)} data-testid="interruption-reason" />
                  <datalist id={listId}>
                    {INTERRUPTION_REASONS.map((r) => (
                      <option key={r} value={r} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
          </div>
          <div className="span-12">
            <Field label="Commentaire">
              {(control) => <textarea {...control} className="input textarea" rows={2} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />}
            </Field>
          </div>
        </div>
        {hint && (
          <p className={`form-note${hint.kind === 'warning' ? ' form-note--warning' : ''}`} data-testid="interruption-length">
            <Icon name={hint.kind === 'warning' ? 'alert' : 'clock'} size={14} /> {hint.message}
          </p>
        )}
        <p className="form-note">
          <Icon name="info" size={14} /> Seules les interruptions de plus de 15 jours se déclarent dans KAIROS, dans les 3 jours suivant leur début ; elles changent la
          catégorie et les droits du demandeur d’emploi.
        </p>
      </form>
    </Modal>
  )
}
