import type { ReactNode } from 'react'
import { Modal } from './Modal'

type Props = {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  danger?: boolean
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/** "Are you sure?" with the safe answer focused first: Enter never deletes by accident. */
export function ConfirmDialog({ open, title, children, confirmLabel, danger, busy, onConfirm, onCancel }: Props) {
  return (
    <Modal
      open={open}
      title={title}
      onClose={onCancel}
      size="small"
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} autoFocus>
            Annuler
          </button>
          <button type="button" className={danger ? 'button button--danger' : 'button button--primary'} onClick={onConfirm} disabled={busy}>
            {busy ? 'Patientez…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Modal>
  )
}
