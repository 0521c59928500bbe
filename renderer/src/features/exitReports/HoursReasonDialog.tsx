import { useEffect, useState } from 'react'
import { formatHours } from '@shared/domain/hours'
import { Field } from '../../components/Field'
import { FormDialog } from '../../components/FormDialog'

export type HoursReasonRequest = { name: string; hours: number; computed: number; reason: string | null }

type Props = { request: HoursReasonRequest | null; onConfirm: (reason: string) => void; onCancel: () => void }

/** Hours differing from the attendance need the reason of the correction (kept with the report). */
export function HoursReasonDialog({ request, onConfirm, onCancel }: Props) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setReason(request?.reason ?? '')
    setError(null)
  }, [request])

  function confirm(): void {
    if (reason.trim().length < 5) {
      setError('Indiquez le motif de la correction (5 caractères au moins).')
      return
    }
    onConfirm(reason.trim())
  }

  return (
    <FormDialog
      subject={request}
      title="Corriger les heures réalisées"
      onClose={onCancel}
      testId="hours-reason-dialog"
      formId="hours-reason-form"
      onSubmit={confirm}
      footer={{ label: 'Enregistrer', testId: 'hours-reason-confirm' }}
    >
      {(request) => (
        <>
          <p>
            {request.name} : <strong>{formatHours(request.hours)} h</strong> retenues au lieu des <strong>{formatHours(request.computed)} h</strong> saisies dans l’assiduité.
          </p>
          <Field label="Motif de la correction" required status={error ? { kind: 'error', message: error } : null} hint="Ex. : heures en entreprise non saisies, journée d’examen…">
            {(control) => <input {...control} className="input" value={reason} autoFocus onChange={(e) => {
                  setReason(e.target.value)
                  setError(null)
                }} data-testid="hours-reason" />}
          </Field>
        </>
      )}
    </FormDialog>
  )
}
