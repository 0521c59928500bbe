import { useState } from 'react'
import type { InvoiceDetail } from '@shared/api/areas/invoices'
import { COST_UNITS } from '@shared/domain/aifQuoteFunding'
import { formatEuros } from '@shared/domain/money'
import { Field } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'
import { FormError } from '../../components/FormError'

type Props = { open: boolean; today: string; onClose: () => void; onCreated: (i: InvoiceDetail) => void }
type Source = 'session' | 'enrolment'

/**
 * « Nouvelle facture » : from a session for one of its funders (hours done per the ledger as of
 * the invoice date, a line per trainee or one for the action), or from an enrolment's validated
 * AIF quote. The draft opens next, to complete and issue.
 */
export function CreateInvoiceDialog({ open, today, onClose, onCreated }: Props) {
  const { run, busy, error } = useCommand()
  const [source, setSource] = useState<Source>('session')
  const [sessionId, setSessionId] = useState<number | null>(null)
  const [funderCode, setFunderCode] = useState('')
  const [quoteEnrolment, setQuoteEnrolment] = useState<number | null>(null)
  const [issueDate, setIssueDate] = useState(today)
  const [perTrainee, setPerTrainee] = useState(true)
  const sessions = useQuery('sessions:options', {}, { enabled: open })
  const funders = useQuery('invoices:sessionFunders', { sessionId: sessionId ?? 1 }, { enabled: open && sessionId !== null })
  const quotes = useQuery('quotes:list', { status: ['validated'] }, { enabled: open && source === 'enrolment' })

  async function create(): Promise<void> {
    const r =
      source === 'session'
        ? await run((api) => api.call('invoices:createFromSession', { sessionId: sessionId ?? 0, funderCode, issueDate, perTrainee }), { success: () => 'Brouillon de facture créé.' })
        : await run((api) => api.call('invoices:createFromEnrolment', { enrolmentId: quoteEnrolment ?? 0, issueDate }), { success: () => 'Brouillon de facture AIF créé.' })
    if (r.ok) onCreated(r.value)
  }

  const ready = source === 'session' ? sessionId !== null && funderCode !== '' : quoteEnrolment !== null
  const footer = (
    <div className="invoice-dialog__footer">
      <span className="toolbar__spacer" />
      <button type="button" className="button" onClick={onClose}>
        Annuler
      </button>
      <button type="button" className="button button--primary" disabled={!ready || busy} onClick={() => void create()} data-testid="invoice-create">
        Créer le brouillon
      </button>
    </div>
  )
  return (
    <Modal open={open} title="Nouvelle facture" onClose={onClose} footer={footer} size="medium" testId="invoice-create-dialog">
      <FormError message={error} testId="invoice-create-error" />
      <div className="form__grid">
        <Field label="À partir de" className="span-6">
          {(c) => (
            <select {...c} className="input" value={source} onChange={(e) => setSource(e.target.value === 'enrolment' ? 'enrolment' : 'session')} data-testid="invoice-source">
              <option value="session">Une session, pour un financeur</option>
              <option value="enrolment">Une inscription (devis AIF validé)</option>
            </select>
          )}
        </Field>
        <Field label="Date de facture" className="span-6" hint="Les heures comptées sont celles réalisées à cette date.">
          {(c) => <input {...c} type="date" className="input" value={issueDate} onChange={(e) => setIssueDate(e.target.value)} data-testid="invoice-create-date" />}
        </Field>
        {source === 'session' ? (
          <>
            <Field label="Session" className="span-12">
              {(c) => (
                <select {...c} className="input" value={sessionId ?? ''} onChange={(e) => (setSessionId(e.target.value ? Number(e.target.value) : null), setFunderCode(''))} data-testid="invoice-create-session">
                  <option value="">Choisir une session…</option>
                  {(sessions.data ?? []).map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label ?? s.trainingTitle}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Financeur" className="span-8" hint={sessionId !== null && funders.data?.length === 0 ? 'Cette session n’a pas de financeur : renseignez-le dans son onglet Financement.' : undefined}>
              {(c) => (
                <select {...c} className="input" value={funderCode} onChange={(e) => setFunderCode(e.target.value)} disabled={sessionId === null} data-testid="invoice-create-funder">
                  <option value="">Choisir le financeur…</option>
                  {(funders.data ?? []).map((f) => (
                    <option key={f.code} value={f.code}>
                      {f.label}
                      {f.teachingCostCents !== null ? ` — ${formatEuros(f.teachingCostCents)} ${f.costUnit ? COST_UNITS[f.costUnit] : ''}` : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <label className="span-4 checkbox">
              <input type="checkbox" checked={perTrainee} onChange={(e) => setPerTrainee(e.target.checked)} data-testid="invoice-per-trainee" /> Une ligne par stagiaire
            </label>
          </>
        ) : (
          <Field label="Devis AIF validé" className="span-12">
            {(c) => (
              <select {...c} className="input" value={quoteEnrolment ?? ''} onChange={(e) => setQuoteEnrolment(e.target.value ? Number(e.target.value) : null)} data-testid="invoice-create-quote">
                <option value="">Choisir un devis validé…</option>
                {(quotes.data ?? [])
                  .filter((q) => q.enrolmentId !== null)
                  .map((q) => (
                    <option key={q.id} value={q.enrolmentId ?? ''}>
                      {q.number} — {q.lastName.toLocaleUpperCase('fr-FR')} {q.firstName} — {q.sessionLabel ?? q.trainingTitle}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        )}
      </div>
    </Modal>
  )
}
