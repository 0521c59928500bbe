import { useEffect, useState, type FormEvent } from 'react'
import type { EnrolmentRow } from '@shared/api/areas/enrolments'
import { formatDateFr, todayIso } from '@shared/domain/dates'
import { declarationDueDate } from '@shared/domain/deadlines'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import { statusLabel } from '@shared/domain/enrolmentStateMachine'
import { entryBeforeEnrolmentWarning } from '@shared/domain/sessionDates'
import { useApi } from '../../api/ApiContext'
import { Field } from '../../components/Field'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { StatusBadge } from './enrolmentColumns'
import {
  BULK_ACTIONS,
  DATE_FIELD_LABELS,
  REASON_FIELD_LABELS,
  distinctStarts,
  enrolmentCount,
  personName,
  proposedDate,
  reasonOptions,
  refusalLines,
  type TransitionNeeds
} from './enrolmentFormat'
import { DateField, readDate } from './DateField'
import { RefusalNotice } from './RefusalNotice'

export type TransitionRequest = { to: EnrolmentStatus; rows: EnrolmentRow[]; needs: TransitionNeeds }

type Props = {
  request: TransitionRequest | null
  onClose: () => void
  onDone: (rows: EnrolmentRow[], request: TransitionRequest) => void
}

const SHOWN_PEOPLE = 6
const NAME_ORDER = new Intl.Collator('fr', { sensitivity: 'base' })

/**
 * One status change for one or many enrolments: its effective date (the session's start for an
 * entry), its reason when KAIROS needs one, a comment. All or nothing: a refusal lists each
 * refused person with the server's reason, and nothing is recorded.
 */
export function TransitionDialog({ request, onClose, onDone }: Props) {
  const api = useApi()
  const [date, setDate] = useState('')
  const [reason, setReason] = useState('')
  const [comment, setComment] = useState('')
  const [refusal, setRefusal] = useState<{ head: string; lines: string[] } | null>(null)
  const [busy, setBusy] = useState(false)
  const [tried, setTried] = useState(false)

  useEffect(() => {
    if (!request) return
    setDate(formatDateFr(proposedDate(request.to, request.rows, todayIso())))
    setReason('')
    setComment('')
    setRefusal(null)
    setTried(false)
  }, [request])

  if (!request) return null

  const { to, rows, needs } = request
  const action = BULK_ACTIONS.find((a) => a.to === to)
  const dateRead = readDate(date, needs.needsDate)
  const reasonMissing = needs.reasonKind !== null && reason === ''
  const commentMissing = reason === 'autre' && comment.trim() === ''
  const danger = to === 'annule' || to === 'abandon' || to === 'non_retenu'
  const froms = [...new Set(rows.map((r) => r.status))]
  // An entry before the « inscrit » date is allowed but said before it is recorded.
  const earlyEntry = entryBeforeEnrolmentWarning(
    rows.map((r) => ({ name: personName(r), status: r.status, statusSince: r.statusSince })),
    to,
    dateRead.iso
  )

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault()
    setTried(true)
    if (!request || dateRead.error || reasonMissing || commentMissing) return
    setBusy(true)
    setRefusal(null)
    const r = await api.call('enrolments:transition', {
      ids: request.rows.map((x) => x.id),
      change: {
        to: request.to,
        effectiveDate: dateRead.iso,
        reasonCode: request.needs.reasonKind ? reason : null,
        comment: comment.trim() === '' ? null : comment.trim()
      }
    })
    setBusy(false)
    if (r.ok) onDone(r.value, request)
    else setRefusal(refusalLines(r.error))
  }

  const title = `${action?.verb ?? `Passer à « ${statusLabel(to)} »`}${rows.length > 1 ? ` — ${enrolmentCount(rows.length)}` : ''}`
  const dueText = needs.declaredInKairos && dateRead.iso ? `À déclarer dans KAIROS au plus tard le ${formatDateFr(declarationDueDate(dateRead.iso))}.` : null

  return (
    <Modal
      open
      title={title}
      onClose={onClose}
      size="medium"
      testId="transition-dialog"
      footer={
        <>
          <span className="modal__footer-hint">Tout ou rien : si une ligne est refusée, rien n’est enregistré.</span>
          <button type="button" className="button" onClick={onClose}>
            Annuler
          </button>
          <button type="submit" form="transition-form" className={danger ? 'button button--danger' : 'button button--primary'} disabled={busy} data-testid="transition-confirm">
            {busy ? 'Patientez…' : (action?.verb ?? 'Enregistrer')}
          </button>
        </>
      }
    >
      <form id="transition-form" className="form transition-form" onSubmit={(e) => void submit(e)} noValidate>
        <RefusalNotice refusal={refusal} testId="transition-refusal" />

        <div className="transition-form__who">
          <div className="transition-form__path">
            {froms.map((s) => (
              <StatusBadge key={s} status={s} />
            ))}
            <Icon name="arrowRight" size={14} className="transition-form__arrow" />
            <StatusBadge status={to} />
          </div>
          <ul className="people-list" data-testid="transition-people">
            {[...rows]
              .sort((a, b) => NAME_ORDER.compare(personName(a), personName(b)))
              .slice(0, SHOWN_PEOPLE)
              .map((r) => (
              <li key={r.id}>
                <span className="people-list__name">{personName(r)}</span>
                <span className="people-list__meta">{r.sessionLabel}</span>
              </li>
            ))}
            {rows.length > SHOWN_PEOPLE && <li className="people-list__more">et {enrolmentCount(rows.length - SHOWN_PEOPLE)} de plus</li>}
          </ul>
        </div>

        <div className="form__grid">
          <div className="span-5">
            <DateField
              label={DATE_FIELD_LABELS[to] ?? 'Date d’effet'}
              name="effectiveDate"
              value={date}
              onChange={(t) => {
                setDate(t)
                setRefusal(null)
              }}
              required={needs.needsDate}
              error={tried ? dateRead.error : null}
              autoFocus
              testId="transition-date"
            />
          </div>
          {needs.reasonKind && (
            <div className="span-7">
              <Field label={REASON_FIELD_LABELS[needs.reasonKind]} required status={tried && reasonMissing ? { kind: 'error', message: 'Choisissez le motif.' } : null}>
                {(control) => (
                  <select {...control} className="input" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="transition-reason">
                    <option value="">— Choisir —</option>
                    {reasonOptions(needs.reasonKind as NonNullable<TransitionNeeds['reasonKind']>).map((o) => (
                      <option key={o.code} value={o.code}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          )}
          <div className="span-12">
            <Field
              label="Commentaire"
              required={reason === 'autre'}
              hint="Gardé dans l’historique de chaque inscription."
              status={tried && commentMissing ? { kind: 'error', message: 'Précisez le motif « Autre » dans le commentaire.' } : null}
            >
              {(control) => <textarea {...control} className="input textarea" rows={2} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />}
            </Field>
          </div>
        </div>

        {to === 'entre' && distinctStarts(rows) > 1 && (
          <p className="form-note">
            <Icon name="info" size={14} /> Les sessions choisies commencent à des dates différentes : la date proposée est le début le plus tardif, valable pour toutes.
          </p>
        )}
        {earlyEntry && (
          <div className="notice notice--warning" role="status" data-testid="transition-warning">
            <Icon name="alert" size={16} />
            <span>{earlyEntry}</span>
          </div>
        )}
        {dueText && (
          <p className="form-note" data-testid="transition-due">
            <Icon name="clock" size={14} /> {dueText}
          </p>
        )}
      </form>
    </Modal>
  )
}
