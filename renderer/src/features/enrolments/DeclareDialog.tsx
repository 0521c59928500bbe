import { useEffect, useState, type FormEvent } from 'react'
import type { EnrolmentRow } from '@shared/api/areas/enrolments'
import { formatDateFr, todayIso } from '@shared/domain/dates'
import { DialogFooter } from '../../components/DialogFooter'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { useCommand } from '../../hooks/useCommand'
import { RefusalNotice } from './RefusalNotice'
import { DateField, readDate } from './DateField'
import { enrolmentCount, eventNoun, pendingRows, personName, refusalLines } from './enrolmentFormat'

type Props = {
  /** The selected rows; those without a pending declaration are left out. */
  rows: EnrolmentRow[] | null
  onClose: () => void
  onDone: (rows: EnrolmentRow[]) => void
}

const SHOWN = 8
const NAME_ORDER = new Intl.Collator('fr', { sensitivity: 'base' })

/**
 * « Déclaré dans KAIROS le … » for the selection: there is no API to KAIROS, so the clerk ticks
 * what she has entered there, with the day she did it (today by default). Every pending event of
 * the chosen enrolments is ticked.
 */
export function DeclareDialog({ rows, onClose, onDone }: Props) {
  const { run, busy, failure, setError } = useCommand()
  const [date, setDate] = useState('')

  useEffect(() => {
    if (!rows) return
    setDate(formatDateFr(todayIso()))
    setError(null)
  }, [rows, setError])

  if (!rows) return null
  const pending = pendingRows(rows).sort((a, b) => NAME_ORDER.compare(personName(a), personName(b)))
  const skipped = rows.length - pending.length
  const read = readDate(date, true)
  const refusal = failure ? refusalLines(failure) : null

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault()
    if (read.iso === null || pending.length === 0) return
    const declaredOn = read.iso
    const r = await run((api) => api.call('enrolments:markDeclared', { enrolmentIds: pending.map((p) => p.id), declaredOn }))
    if (r.ok) onDone(r.value)
  }

  return (
    <Modal
      open
      title="Déclaré dans KAIROS"
      onClose={onClose}
      size="medium"
      testId="declare-dialog"
      footer={
        <DialogFooter
          onCancel={onClose}
          form="declare-form"
          busy={busy}
          disabled={pending.length === 0 || read.iso === null}
          testId="declare-confirm"
          icon={<Icon name="check" size={16} />}
          label={`Cocher ${pending.length > 1 ? `les ${pending.length} déclarations` : 'la déclaration'}`}
        />
      }
    >
      <form id="declare-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        <RefusalNotice refusal={refusal} testId="declare-refusal" />
        <p>
          Cochez une fois la saisie faite sur le portail KAIROS. Toutes les déclarations en attente de{' '}
          {pending.length > 1 ? `ces ${enrolmentCount(pending.length)}` : 'cette inscription'} seront marquées « déclaré dans KAIROS » à la date indiquée.
        </p>
        {pending.length > 0 ? (
          <ul className="people-list people-list--declarations" data-testid="declare-list">
            {pending.slice(0, SHOWN).map((r) => {
              const p = r.pendingDeclaration
              return (
                <li key={r.id}>
                  <span className="people-list__name">{personName(r)}</span>
                  {p && (
                    <span className={`people-list__meta${p.state === 'en_retard' ? ' people-list__meta--late' : ''}`}>
                      {eventNoun(p.kind)} du {formatDateFr(p.effectiveDate)} · {p.state === 'en_retard' ? 'en retard, ' : ''}à déclarer avant le {formatDateFr(p.dueDate)}
                    </span>
                  )}
                </li>
              )
            })}
            {pending.length > SHOWN && <li className="people-list__more">et {enrolmentCount(pending.length - SHOWN)} de plus</li>}
          </ul>
        ) : (
          <div className="notice notice--info">
            <Icon name="info" size={16} />
            <div>Aucune des lignes cochées n’a de déclaration KAIROS en attente.</div>
          </div>
        )}
        {skipped > 0 && pending.length > 0 && (
          <p className="form-note">
            <Icon name="info" size={14} /> {skipped > 1 ? `${skipped} lignes cochées n’ont` : '1 ligne cochée n’a'} rien à déclarer : ignorée{skipped > 1 ? 's' : ''}.
          </p>
        )}
        <div className="form__grid">
          <div className="span-5">
            <DateField label="Déclaré dans KAIROS le" name="declaredOn" value={date} onChange={(t) => { setDate(t); setError(null) }} required autoFocus testId="declare-date" />
          </div>
        </div>
      </form>
    </Modal>
  )
}
