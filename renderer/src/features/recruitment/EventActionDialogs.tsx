import { useEffect, useState } from 'react'
import type { RecruitmentEventRow } from '@shared/api/areas/recruitment'
import { addDays, formatDateFr, parseFrenchDate } from '@shared/domain/dates'
import { Field } from '../../components/Field'
import { FormDialog } from '../../components/FormDialog'
import { useCommand } from '../../hooks/useCommand'
import { dateWithWeekday, eventTitle } from './recruitmentFormat'
import { FormError } from '../../components/FormError'

type Props = {
  event: RecruitmentEventRow | null
  onClose: () => void
  onDone: (event: RecruitmentEventRow) => void
}

/** « Dupliquer » : the same slot (type, times, place, capacity, comment) on another date, nobody booked. */
export function DuplicateEventDialog({ event, onClose, onDone }: Props) {
  const { run, busy, error, setError } = useCommand()
  const [date, setDate] = useState('')

  useEffect(() => {
    if (!event) return
    setDate(formatDateFr(addDays(event.date, 7)))
    setError(null)
  }, [event, setError])

  async function submit(event: RecruitmentEventRow): Promise<void> {
    const parsed = parseFrenchDate(date)
    if (!parsed.ok) {
      setError(parsed.message)
      return
    }
    const r = await run((api) => api.call('recruitment:duplicateEvent', { id: event.id, date: parsed.value }))
    if (r.ok) onDone(r.value)
  }

  const parsed = parseFrenchDate(date)
  return (
    <FormDialog subject={event} title="Dupliquer le créneau" onClose={onClose} testId="duplicate-dialog" formId="duplicate-form" onSubmit={(subject) => void submit(subject)} footer={{ busy, label: 'Dupliquer' }}>
      {(event) => (
        <>
          <p>
            Créneau copié : <strong>{eventTitle(event)}</strong>. La copie garde le type, les horaires, le lieu, la capacité et le commentaire ;
            personne n’y est positionné.
          </p>
          <Field label="Nouvelle date" required status={error ? { kind: 'error', message: error } : parsed.ok ? { kind: 'ok', message: dateWithWeekday(parsed.value) } : null}>
            {(control) => (
              <input {...control} className="input input--date" name="date" value={date} placeholder="jj/mm/aaaa" inputMode="numeric" autoFocus onChange={(e) => { setDate(e.target.value); setError(null) }} />
            )}
          </Field>
        </>
      )}
    </FormDialog>
  )
}

/** « Annuler le créneau » : kept and shown as annulé, with its reason; its bookings can still be transferred. */
export function CancelEventDialog({ event, onClose, onDone }: Props) {
  const { run, busy, error, setError } = useCommand()
  const [reason, setReason] = useState('')

  useEffect(() => {
    if (!event) return
    setReason('')
    setError(null)
  }, [event, setError])

  async function submit(event: RecruitmentEventRow): Promise<void> {
    const r = await run((api) => api.call('recruitment:cancelEvent', { id: event.id, reason: reason.trim() || null }))
    if (r.ok) onDone(r.value)
  }

  return (
    <FormDialog
      subject={event}
      title="Annuler le créneau"
      onClose={onClose}
      testId="cancel-event-dialog"
      formId="cancel-event-form"
      onSubmit={(subject) => void submit(subject)}
      footer={{ cancelLabel: 'Ne pas annuler', cancelAutoFocus: true, busy, tone: 'danger', label: 'Annuler le créneau' }}
    >
      {(event) => (
        <>
          <FormError message={error} />
          <p>
            Le créneau <strong>« {eventTitle(event)} »</strong> restera visible, grisé et marqué « Annulé » avec son motif.
            {event.booked > 0
              ? ` ${event.booked === 1 ? 'La personne positionnée reste' : `Les ${event.booked} personnes positionnées restent`} sur ce créneau : transférez-les sur une autre date.`
              : ' Personne n’y est positionné.'}
          </p>
          <Field label="Motif de l’annulation" hint="Il s’affiche dans la grille à côté de « Annulé ».">
            {(control) => (
              <input {...control} className="input" name="reason" value={reason} maxLength={500} placeholder="ex. Salle indisponible, formateur absent" onChange={(e) => setReason(e.target.value)} />
            )}
          </Field>
        </>
      )}
    </FormDialog>
  )
}
