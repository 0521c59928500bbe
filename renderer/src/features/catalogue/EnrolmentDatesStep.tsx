import type { EnrolmentDatesProposal } from '@shared/domain/sessionDates'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { enrolmentDatesQuestion } from './sessionForm'
import { FormError } from '../../components/FormError'

type Props = {
  proposal: EnrolmentDatesProposal
  busy: boolean
  error: string | null
  onKeep: () => void
  onMove: () => void
}

/**
 * After a session's dates changed (already saved): move the planned dates of the enrolments that
 * followed the old ones, or keep them. Left behind, a certificate would print a session « du 2
 * novembre 2026 » with a « parcours prévu du 4 janvier 2027 ».
 */
export function EnrolmentDatesStep({ proposal, busy, error, onKeep, onMove }: Props) {
  const q = enrolmentDatesQuestion(proposal)
  return (
    <Modal
      open
      title="Dates de la session enregistrées"
      onClose={onKeep}
      size="medium"
      testId="session-dates-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onKeep} disabled={busy} data-testid="session-dates-keep">
            Garder les dates prévues
          </button>
          <button type="button" className="button button--primary" onClick={onMove} disabled={busy} data-testid="session-dates-move">
            {busy ? 'Patientez…' : 'Déplacer les dates prévues'}
          </button>
        </>
      }
    >
      <FormError message={error} />
      <div className="notice notice--info">
        <Icon name="calendar" size={16} />
        <div>
          <p data-testid="session-dates-question">{q.text}</p>
          <p className="muted">{q.names}</p>
        </div>
      </div>
    </Modal>
  )
}
