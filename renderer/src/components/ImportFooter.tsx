import { Icon } from './Icon'

type PreviewProps = {
  hint: string
  onCancel: () => void
  onApply: () => void
  label: string
  disabled?: boolean
  testId: string
}

/** The footer of an import's preview: nothing written yet, « Annuler » or import. */
export function ImportPreviewButtons({ hint, onCancel, onApply, label, disabled, testId }: PreviewProps) {
  return (
    <>
      <span className="modal__footer-hint">{hint}</span>
      <button type="button" className="button" onClick={onCancel}>
        Annuler
      </button>
      <button type="button" className="button button--primary" disabled={disabled} onClick={onApply} data-testid={testId}>
        <Icon name="upload" size={16} />
        {label}
      </button>
    </>
  )
}

/**
 * The footer once an import has ended: after a refusal, another file or close; after success,
 * close (focused, so Enter closes).
 */
export function ImportEndButtons({ ended, onChooseAnother, onClose }: { ended: 'failed' | 'done' | null; onChooseAnother: () => void; onClose: () => void }) {
  if (ended === 'done') {
    return (
      <button type="button" className="button button--primary" onClick={onClose} autoFocus>
        Fermer
      </button>
    )
  }
  if (ended !== 'failed') return null
  return (
    <>
      <button type="button" className="button" onClick={onChooseAnother}>
        Choisir un autre fichier
      </button>
      <button type="button" className="button button--primary" onClick={onClose}>
        Fermer
      </button>
    </>
  )
}
