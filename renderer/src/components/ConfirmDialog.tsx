import type { ReactNode } from 'react'
import { DialogFooter } from './DialogFooter'
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
      footer={<DialogFooter onCancel={onCancel} cancelAutoFocus onConfirm={onConfirm} busy={busy} tone={danger ? 'danger' : 'primary'} label={confirmLabel} />}
    >
      {children}
    </Modal>
  )
}
