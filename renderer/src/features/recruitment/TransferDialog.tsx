import { useEffect, useState, type FormEvent } from 'react'
import type { RecruitmentEventRow, RegistrationRow } from '@shared/api/areas/recruitment'
import type { Result } from '@shared/api/result'
import { useApi } from '../../api/ApiContext'
import { DialogFooter } from '../../components/DialogFooter'
import { Field } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { useCommand } from '../../hooks/useCommand'
import { eventTitle, peopleText, placesLeftText } from './recruitmentFormat'
import { FormError } from '../../components/FormError'

type Props = {
  open: boolean
  from: RecruitmentEventRow | null
  registrations: RegistrationRow[]
  onClose: () => void
  /** After the transfers; `moved` are the rows as they are now on the target event. */
  onDone: (moved: RegistrationRow[], target: RecruitmentEventRow) => void
}

/**
 * « Transférer » : moves bookings to another slot of the same session (not cancelled); the
 * registration keeps its history (« transféré depuis … »).
 */
export function TransferDialog({ open, from, registrations, onClose, onDone }: Props) {
  const api = useApi()
  const [targets, setTargets] = useState<RecruitmentEventRow[] | null>(null)
  const [target, setTarget] = useState('')
  const [comment, setComment] = useState('')
  const { run, busy, error, setError } = useCommand()

  useEffect(() => {
    if (!open || !from) return
    setTarget('')
    setComment('')
    setError(null)
    setTargets(null)
    let live = true
    void api.call('recruitment:listEvents', { sessionId: from.sessionId, includeCancelled: false }).then((r) => {
      if (!live) return
      if (r.ok) {
        const others = r.value.filter((e) => e.id !== from.id)
        setTargets(others)
        const first = others.find((e) => e.capacity === null || e.booked + registrations.length <= e.capacity) ?? others[0]
        if (first) setTarget(String(first.id))
      } else setError(r.error.message)
    })
    return () => {
      live = false
    }
  }, [open, from, api, registrations.length, setError])

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault()
    const to = targets?.find((t) => String(t.id) === target)
    if (!to) {
      setError('Choisissez le créneau d’arrivée.')
      return
    }
    // One call per person: a refusal stops there, and those already moved are reported moved.
    const moved: RegistrationRow[] = []
    const r = await run(async (client): Promise<Result<RegistrationRow[]>> => {
      for (const reg of registrations) {
        const res = await client.call('registrations:transfer', { id: reg.id, toEventId: to.id, comment: comment.trim() || null })
        if (!res.ok) {
          const message = moved.length > 0 ? `${peopleText(moved)} : transféré(s). Pour ${reg.lastName} ${reg.firstName} : ${res.error.message}` : res.error.message
          return { ok: false, error: { ...res.error, message } }
        }
        moved.push(res.value)
      }
      return { ok: true, value: moved }
    })
    if (r.ok || moved.length > 0) onDone(moved, to)
  }

  return (
    <Modal
      open={open}
      title={registrations.length > 1 ? `Transférer ${registrations.length} personnes` : 'Transférer le positionnement'}
      onClose={onClose}
      size="medium"
      testId="transfer-dialog"
      footer={<DialogFooter onCancel={onClose} form="transfer-form" busy={busy} busyLabel="Transfert…" disabled={!targets || targets.length === 0} label="Transférer" />}
    >
      {from && (
        <form id="transfer-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
          <p>
            <strong>{peopleText(registrations, 5)}</strong>, depuis le créneau « {eventTitle(from)} », vers un autre créneau de la même session. La
            présence et le résultat sont remis à saisir sur le nouveau créneau.
          </p>
          <FormError message={error} testId="form-error" />
          {targets && targets.length === 0 ? (
            <p className="notice notice--warning">Cette session n’a pas d’autre créneau non annulé : créez-en un d’abord (« Nouveau créneau » ou « Dupliquer »).</p>
          ) : (
            <Field label="Créneau d’arrivée" required>
              {(control) => (
                <select {...control} className="input" name="target" value={target} onChange={(e) => setTarget(e.target.value)}>
                  {targets === null && <option value="">Chargement…</option>}
                  {(targets ?? []).map((t) => (
                    <option key={t.id} value={t.id}>
                      {eventTitle(t)} — {placesLeftText(t.capacity, t.booked)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label="Commentaire" hint="Facultatif, ex. « Indisponible le 12, préfère le 19 ».">
            {(control) => <input {...control} className="input" name="comment" value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} />}
          </Field>
        </form>
      )}
    </Modal>
  )
}
