import type { HoursSummary } from '@shared/api/areas/attendance'
import { ofMonthFr } from '@shared/domain/attendance'
import { formatHours } from '@shared/domain/hours'
import { Modal } from '../../components/Modal'
import { attestationLines } from './attendanceSummary'

type Props = {
  open: boolean
  month: string
  /** Sessions about to be attested (names), and their trainees. */
  sessions: string[]
  trainees: number
  summary: HoursSummary | null
  busy: boolean
  onCancel: () => void
  onConfirm: () => void
}

/**
 * Attesting a month is a legal act (the clerk certifies the hours to France Travail): the month's
 * totals from the hours ledger come first, then an explicit confirmation.
 */
export function AttestDialog({ open, month, sessions, trainees, summary, busy, onCancel, onConfirm }: Props) {
  const lines = summary ? attestationLines(summary) : []
  const unrecorded = summary?.unrecordedHours ?? 0
  const future = summary !== null && summary.asOf < summary.to
  return (
    <Modal
      open={open}
      title={`Attester l’assiduité ${ofMonthFr(month)}`}
      onClose={onCancel}
      size="small"
      testId="attest-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Annuler
          </button>
          <button type="button" className="button button--primary" onClick={onConfirm} disabled={busy} data-testid="attest-confirm">
            Attester et verrouiller
          </button>
        </>
      }
    >
      <p>
        {sessions.length === 1 ? `Session « ${sessions[0] ?? ''} »` : `${sessions.length} sessions`}, {trainees.toLocaleString('fr-FR')} stagiaire{trainees > 1 ? 's' : ''}. Vous certifiez ces heures : le mois
        sera verrouillé, toute correction demandera un déverrouillage motivé.
      </p>
      <table className="att-attest__table" data-testid="attest-totals">
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} className={l.emphasis ? 'att-attest__row--warning' : undefined} data-line={l.key}>
              <th scope="row">{l.label}</th>
              <td className="mono">{formatHours(l.hours)} h</td>
            </tr>
          ))}
        </tbody>
      </table>
      {unrecorded > 0 && <p className="att-attest__warning">Des jours passés prévus au planning n’ont aucune saisie : ils resteront sans heures dans l’état de présence.</p>}
      {future && <p className="muted">Les jours à venir ne sont pas comptés comme réalisés : seules les heures des jours écoulés sont attestées.</p>}
    </Modal>
  )
}
