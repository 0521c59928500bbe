import type { ReactNode } from 'react'
import { DialogFooter, type DialogFooterProps } from './DialogFooter'
import { Modal } from './Modal'

type Props<T> = {
  /** What the dialog acts on (an event, a request…); null: the dialog is closed. */
  subject: T | null
  title: string
  onClose: () => void
  size?: 'small' | 'medium' | 'large' | 'xlarge'
  testId: string
  formId: string
  /** Enter in a field or the main button; the browser's own submission never runs. */
  onSubmit: (subject: T) => void
  /** The main button and hint; « Annuler » closes the dialog. */
  footer: Omit<DialogFooterProps, 'onCancel' | 'form'>
  children: (subject: T) => ReactNode
}

/** A dialog holding one form about one subject, submitted by its footer's main button. */
export function FormDialog<T>({ subject, title, onClose, size = 'small', testId, formId, onSubmit, footer, children }: Props<T>) {
  return (
    <Modal open={subject !== null} title={title} onClose={onClose} size={size} testId={testId} footer={<DialogFooter onCancel={onClose} form={formId} {...footer} />}>
      {subject !== null && (
        <form
          id={formId}
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            onSubmit(subject)
          }}
          noValidate
        >
          {children(subject)}
        </form>
      )}
    </Modal>
  )
}
