import { useEffect, useState } from 'react'
import type { QuoteRow } from '@shared/api/areas/quotes'
import { QUOTE_FUNDERS, QUOTE_FUNDER_CODES, type QuoteFunder } from '@shared/domain/aifQuoteAmounts'
import { QUOTE_ACTIONS, type QuoteAction } from '@shared/domain/aifQuoteStatus'
import { formatDateFr } from '@shared/domain/dates'
import { formatEuros, parseEuros } from '@shared/domain/money'
import { Field } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { useCommand } from '../../hooks/useCommand'
import { personName } from './quoteColumns'
import { FormError } from '../../components/FormError'

type Props = { quote: QuoteRow | null; today: string; onClose: () => void; onChanged: (q: QuoteRow) => void; onPrint: (q: QuoteRow) => void }

const centsText = (c: number | null): string => (c === null || c === 0 ? '' : formatEuros(c).replace(/\s?€$/, '').replace(/[\u202f\u00a0]/g, ' '))

/** Amounts typed in euros (« 1 000,01 »): blank is none, a bad one gives its French message. */
function readEuros(text: string, label: string): { ok: true; value: number | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: null }
  const r = parseEuros(text)
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: `${label} : ${r.message}` }
}

/**
 * One AIF quote: its amounts (editable while a draft), its checks, and the next steps of its
 * life (transmis with the date and KAIROS number, accepté, validé, refusé with a reason, annulé,
 * nouvelle version once filed).
 */
export function QuoteDialog({ quote, today, onClose, onChanged, onPrint }: Props) {
  const { run, busy, error, setError } = useCommand()
  const [hourly, setHourly] = useState('')
  const [cpfBalance, setCpfBalance] = useState('')
  const [funders, setFunders] = useState<Record<QuoteFunder, string>>({ cpf: '', region: '', opco: '', employer: '', person: '' })
  const [reason, setReason] = useState('')
  const [stepDate, setStepDate] = useState(today)
  const [kairos, setKairos] = useState('')
  const [stepReason, setStepReason] = useState('')

  useEffect(() => {
    if (!quote) return
    setHourly(centsText(quote.hourlyCents))
    setCpfBalance(centsText(quote.cpfBalanceCents))
    const f: Record<QuoteFunder, string> = { cpf: '', region: '', opco: '', employer: '', person: '' }
    for (const x of quote.funders) f[x.funder] = centsText(x.amountCents)
    setFunders(f)
    setReason(quote.remainingCostReason ?? '')
    setStepDate(today)
    setKairos(quote.kairosReference ?? '')
    setStepReason('')
    setError(null)
  }, [quote, today, setError])

  if (!quote) return <Modal open={false} title="" onClose={onClose}>{null}</Modal>
  const draft = quote.status === 'draft'

  async function save(): Promise<void> {
    if (!quote) return
    const h = readEuros(hourly, 'Prix horaire')
    const c = readEuros(cpfBalance, 'Solde CPF')
    const list: { funder: QuoteFunder; amountCents: number }[] = []
    for (const code of QUOTE_FUNDER_CODES) {
      const r = readEuros(funders[code], QUOTE_FUNDERS[code])
      if (!r.ok) return setError(r.message)
      if (r.value) list.push({ funder: code, amountCents: r.value })
    }
    if (!h.ok) return setError(h.message)
    if (!c.ok) return setError(c.message)
    const r = await run((api) => api.call('quotes:update', { id: quote.id, changes: { hourlyCents: h.value, cpfBalanceCents: c.value, funders: list, remainingCostReason: reason } }), {
      success: (q) => `Devis ${q.number} enregistré.`
    })
    if (r.ok) onChanged(r.value)
  }

  async function move(action: QuoteAction): Promise<void> {
    if (!quote) return
    const r =
      action === 'supersede'
        ? await run((api) => api.call('quotes:supersede', { id: quote.id }), { success: (q) => `Nouvelle version ${q.number} créée (brouillon).` })
        : action === 'file' || action === 'accept' || action === 'validate' || action === 'refuse' || action === 'cancel'
          ? await run((api) => api.call('quotes:transition', { id: quote.id, action, date: stepDate, reason: stepReason, kairosNumber: kairos }), {
              success: (q) => `Devis ${q.number} : ${q.statusLabel.toLowerCase()}.`
            })
          : null
    if (r?.ok) onChanged(r.value)
  }

  const footer = (
    <div className="quote-dialog__footer">
      <button type="button" className="button" onClick={() => onPrint(quote)} data-testid="quote-print">
        Imprimer le devis / la fiche KAIROS…
      </button>
      <span className="toolbar__spacer" />
      {draft && (
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()} data-testid="quote-save">
          Enregistrer
        </button>
      )}
      <button type="button" className="button" onClick={onClose}>
        Fermer
      </button>
    </div>
  )

  return (
    <Modal open title={`Devis AIF ${quote.number} — ${personName(quote)}`} onClose={onClose} footer={footer} size="large" testId="quote-dialog">
      <FormError message={error} testId="quote-error" />
      <p className="quote-dialog__summary" data-testid="quote-summary">
        <strong>{quote.statusLabel}</strong> · du {formatDateFr(quote.startDate)} au {formatDateFr(quote.endDate)} · {String(quote.hoursTotal).replace('.', ',')} h · coût pédagogique{' '}
        {formatEuros(quote.totalCents)} · demandé à France Travail <strong data-testid="quote-ft">{formatEuros(quote.franceTravailCents)}</strong> · reste à charge {formatEuros(quote.remainingCents)}
      </p>
      <ul className="quote-findings" data-testid="quote-findings">
        {quote.findings.length === 0 && <li className="quote-findings__ok">Conforme aux règles de l’AIF.</li>}
        {quote.findings.map((f) => (
          <li key={f.code} className={`quote-findings__${f.level}`}>
            {f.level === 'refusal' ? 'Bloquant' : 'Attention'} : {f.message}
          </li>
        ))}
      </ul>
      <fieldset className="form__section" disabled={!draft}>
        <legend>{draft ? 'Montants (brouillon)' : 'Montants figés : faites une nouvelle version pour les changer'}</legend>
        <div className="form__grid">
          <Field label="Prix horaire (€)" className="span-3">
            {(c) => <input {...c} className="input" value={hourly} onChange={(e) => setHourly(e.target.value)} data-testid="quote-hourly" />}
          </Field>
          <Field label="Solde CPF déclaré (€)" className="span-3">
            {(c) => <input {...c} className="input" value={cpfBalance} onChange={(e) => setCpfBalance(e.target.value)} data-testid="quote-cpf-balance" />}
          </Field>
          <Field label="Motif du reste à charge" className="span-6">
            {(c) => <input {...c} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          {QUOTE_FUNDER_CODES.map((code) => (
            <Field key={code} label={`${QUOTE_FUNDERS[code]} (€)`} className="span-4">
              {(c) => <input {...c} className="input" value={funders[code]} onChange={(e) => setFunders({ ...funders, [code]: e.target.value })} data-testid={`quote-funder-${code}`} />}
            </Field>
          ))}
        </div>
      </fieldset>
      {quote.actions.length > 0 && (
        <fieldset className="form__section">
          <legend>Étape suivante</legend>
          <div className="form__grid">
            <Field label="Date" className="span-3">
              {(c) => <input {...c} type="date" className="input" value={stepDate} max={today} onChange={(e) => setStepDate(e.target.value)} data-testid="quote-step-date" />}
            </Field>
            {draft && (
              <Field label="N° de devis KAIROS" className="span-3">
                {(c) => <input {...c} className="input" value={kairos} onChange={(e) => setKairos(e.target.value)} data-testid="quote-kairos" />}
              </Field>
            )}
            {!draft && (
              <Field label="Motif (refus, annulation)" className="span-6">
                {(c) => <input {...c} className="input" value={stepReason} onChange={(e) => setStepReason(e.target.value)} data-testid="quote-step-reason" />}
              </Field>
            )}
          </div>
          <div className="quote-dialog__actions">
            {quote.actions.map((a) => (
              <button key={a} type="button" className={`button${a === 'cancel' || a === 'refuse' ? '' : ' button--primary'}`} disabled={busy} onClick={() => void move(a)} data-testid={`quote-action-${a}`}>
                {QUOTE_ACTIONS[a]}
              </button>
            ))}
          </div>
        </fieldset>
      )}
    </Modal>
  )
}
