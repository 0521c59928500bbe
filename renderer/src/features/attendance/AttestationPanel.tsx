import { useState } from 'react'
import type { AttendanceMonthGrid as MonthGrid, AttendanceRow } from '@shared/api/areas/attendance'
import { monthLabelFr } from '@shared/domain/attendance'
import { todayIso } from '@shared/domain/dates'
import { useApi } from '../../api/ApiContext'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { useToast } from '../../components/Toasts'
import { AttestDialog } from './AttestDialog'
import { formatStampFr } from './attendanceDownload'
import { scopeSummary } from './attendanceSummary'
import { monthState, plural, shortFr } from './gridText'

type Props = {
  grid: MonthGrid | null
  month: string
  /** The session shown, or every session of the month. */
  sessionId: number | undefined
  /** The rows as saved since loading (the grid's first answer is not updated by saves). */
  rows: () => AttendanceRow[]
  /** After an attestation or an unlock: reload the month, nothing to undo any more. */
  onChanged: () => Promise<void>
}

/**
 * The month's banner: how many trainees, whether the month is attested, and the legal act itself —
 * « Attester le mois » shows the month's totals from the hours ledger and asks for confirmation;
 * « Déverrouiller » asks for a reason kept in the audit log.
 */
export function AttestationPanel({ grid, month, sessionId, rows, onChanged }: Props) {
  const api = useApi()
  const toast = useToast()
  const [attesting, setAttesting] = useState(false)
  const [confirmAttest, setConfirmAttest] = useState(false)
  const [unlocking, setUnlocking] = useState<{ reason: string; busy: boolean; error: string | null } | null>(null)

  const today = todayIso()
  const state = monthState(grid?.sessions ?? null, today, grid?.canAttestFrom ?? null)
  const rowCount = grid?.rows.length ?? 0
  const attestable = grid !== null && today >= grid.canAttestFrom
  const attestIds = (g: MonthGrid): number[] => (sessionId ? [sessionId] : g.sessions.filter((s) => s.attested === null).map((s) => s.sessionId))
  const attestSummary = grid && confirmAttest ? scopeSummary(rows(), attestIds(grid), grid.month, grid.asOf) : null
  const attestSessions = grid && confirmAttest ? grid.sessions.filter((s) => attestIds(grid).includes(s.sessionId)) : []

  const attest = async (): Promise<void> => {
    if (!grid) return
    setAttesting(true)
    let failed: string | null = null
    for (const id of attestIds(grid)) {
      const r = await api.call('attendance:attest', { month: grid.month, sessionId: id })
      if (!r.ok) {
        failed = r.error.message
        break
      }
    }
    setAttesting(false)
    setConfirmAttest(false)
    if (failed) toast.show('error', failed)
    else toast.show('success', `Assiduité ${monthLabelFr(grid.month)} attestée : le mois est verrouillé.`)
    await onChanged()
  }

  const unlock = async (): Promise<void> => {
    if (!grid || !unlocking) return
    setUnlocking({ ...unlocking, busy: true, error: null })
    const ids = sessionId ? [sessionId] : grid.sessions.filter((s) => s.attested !== null).map((s) => s.sessionId)
    for (const id of ids) {
      const r = await api.call('attendance:unlock', { month: grid.month, sessionId: id, reason: unlocking.reason })
      if (!r.ok) {
        setUnlocking({ ...unlocking, busy: false, error: r.error.issues?.[0]?.message ?? r.error.message })
        return
      }
    }
    setUnlocking(null)
    toast.show('success', `Mois ${monthLabelFr(grid.month)} déverrouillé : la saisie est de nouveau possible.`)
    await onChanged()
  }

  return (
    <>
      <div className={`att-banner${state.kind === 'attested' ? ' att-banner--locked' : ''}`} data-testid="attendance-banner">
        <span className="att-banner__count" data-testid="attendance-count">
          <Icon name="trainees" size={15} />
          {grid ? plural(rowCount, 'stagiaire', 'stagiaires') : 'Chargement…'}
        </span>
        <span className="att-banner__sep" aria-hidden="true" />
        {state.kind === 'attested' ? (
          <span className="att-banner__state" data-testid="attendance-attested">
            <Icon name="lock" size={15} />
            Mois attesté le {formatStampFr(state.at)} par <strong>{state.by}</strong> : les cellules sont verrouillées.
          </span>
        ) : state.kind === 'partly' ? (
          <span className="att-banner__state">
            <Icon name="lock" size={15} />
            {plural(state.attested, 'session attestée', 'sessions attestées')} sur {state.sessions} pour ce mois.
          </span>
        ) : state.kind === 'not_yet' ? (
          <span className="att-banner__state">
            <Icon name="clock" size={15} />
            Saisie en cours : l’attestation sera possible à partir du {shortFr(state.opensOn)}.
          </span>
        ) : state.kind === 'to_attest' ? (
          <span className="att-banner__state">
            <Icon name="info" size={15} />
            Mois à attester : vérifiez la saisie puis attestez pour la transmettre.
          </span>
        ) : null}
        <div className="toolbar__spacer" />
        {state.kind === 'attested' ? (
          <button type="button" className="button button--small" onClick={() => setUnlocking({ reason: '', busy: false, error: null })} data-testid="attendance-unlock">
            <Icon name="lock" size={16} />
            Déverrouiller
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => setConfirmAttest(true)}
            disabled={!grid || attesting || rowCount === 0 || !attestable}
            title={attestable ? 'Verrouille le mois : plus aucune saisie sans déverrouillage motivé' : `L’attestation est possible à partir du ${grid ? shortFr(grid.canAttestFrom) : '25'}`}
            data-testid="attendance-attest"
          >
            <Icon name="check" size={16} />
            Attester le mois
          </button>
        )}
      </div>

      <AttestDialog
        open={confirmAttest}
        month={month}
        sessions={attestSessions.map((s) => s.label)}
        trainees={attestSessions.reduce((n, s) => n + s.trainees, 0)}
        summary={attestSummary}
        busy={attesting}
        onCancel={() => setConfirmAttest(false)}
        onConfirm={() => void attest()}
      />

      <Modal
        open={unlocking !== null}
        title={`Déverrouiller ${monthLabelFr(month)}`}
        onClose={() => setUnlocking(null)}
        size="small"
        testId="unlock-dialog"
        footer={
          <>
            <button type="button" className="button" onClick={() => setUnlocking(null)}>
              Annuler
            </button>
            <button type="button" className="button button--primary" onClick={() => void unlock()} disabled={unlocking?.busy} data-testid="unlock-confirm">
              Déverrouiller
            </button>
          </>
        }
      >
        <p>Le mois a été attesté. Indiquez pourquoi il doit être rouvert : le motif est conservé dans le journal avec votre nom.</p>
        <label className="field">
          <span className="field__label">Motif du déverrouillage</span>
          <textarea className="textarea" rows={3} value={unlocking?.reason ?? ''} onChange={(e) => unlocking && setUnlocking({ ...unlocking, reason: e.target.value })} autoFocus data-testid="unlock-reason" />
          {unlocking?.error && <span className="field__message field__message--error">{unlocking.error}</span>}
        </label>
      </Modal>
    </>
  )
}
