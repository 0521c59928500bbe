import { useState } from 'react'
import type { InvoiceDetail } from '@shared/api/areas/invoices'
import { parseHundredths } from '@shared/domain/invoiceAmounts'
import { parseEuros } from '@shared/domain/money'
import { Field } from '../../components/Field'
import { issuesToFieldErrors } from '../../forms/fieldErrors'
import { useCommand } from '../../hooks/useCommand'
import { FormError } from '../../components/FormError'

type Props = { invoice: InvoiceDetail; today: string; onChanged: (i: InvoiceDetail) => void; onCreditNote: (credit: InvoiceDetail) => void }

const euroText = (c: number): string => (c / 100).toFixed(2).replace('.', ',')

/**
 * An issued invoice's follow-up: the deposit on Chorus Pro (date and Chorus number), payments
 * (partial or total), and a credit note cancelling it in whole or in part (hours per line).
 */
export function InvoiceFollowUpForms({ invoice, today, onChanged, onCreditNote }: Props) {
  const { run, busy, error, failure, setError } = useCommand()
  const [depositedOn, setDepositedOn] = useState(invoice.chorusDepositedOn ?? today)
  const [chorusNumber, setChorusNumber] = useState(invoice.chorusNumber ?? '')
  const [paidOn, setPaidOn] = useState(today)
  const [amount, setAmount] = useState(euroText(invoice.outstandingCents))
  const [reference, setReference] = useState('')
  const [creditOn, setCreditOn] = useState(today)
  const [reason, setReason] = useState('')
  const [partial, setPartial] = useState<string[]>(() => invoice.amounts.lines.map(() => ''))
  const errors = issuesToFieldErrors(failure?.issues, ['depositedOn', 'chorusNumber', 'paidOn', 'amountCents', 'issueDate', 'reason'] as const)
  const status = (f: keyof typeof errors) => (errors[f] ? { kind: 'error' as const, message: errors[f] ?? '' } : null)

  async function deposit(): Promise<void> {
    const r = await run((api) => api.call('invoices:deposit', { id: invoice.id, depositedOn, chorusNumber }), { success: () => 'Dépôt sur Chorus Pro enregistré.' })
    if (r.ok) onChanged(r.value)
  }

  async function pay(): Promise<void> {
    const p = parseEuros(amount)
    if (!p.ok) return setError(p.message)
    const r = await run((api) => api.call('invoices:addPayment', { id: invoice.id, paidOn, amountCents: p.value, method: 'transfer', reference }), { success: () => 'Paiement enregistré.' })
    if (r.ok) {
      onChanged(r.value)
      setAmount(euroText(r.value.outstandingCents))
      setReference('')
    }
  }

  async function credit(): Promise<void> {
    const lines: { position: number; quantityHundredths: number }[] = []
    for (const [k, text] of partial.entries()) {
      if (text.trim() === '') continue
      const q = parseHundredths(text)
      if (q === null) return setError(`Ligne ${k + 1} : quantité invalide (exemple : 3,5).`)
      lines.push({ position: k + 1, quantityHundredths: q })
    }
    const r = await run((api) => api.call('invoices:creditNote', { id: invoice.id, issueDate: creditOn, reason, ...(lines.length ? { lines } : {}) }), {
      success: (c) => `Avoir ${c.number ?? ''} émis.`
    })
    if (r.ok) onCreditNote(r.value)
  }

  if (invoice.kind !== 'invoice') return null
  const open = invoice.followUp !== 'cancelled'
  return (
    <>
      <FormError message={error} testId="invoice-error" />
      <fieldset className="form__section">
        <legend>Dépôt sur Chorus Pro</legend>
        <div className="form__grid">
          <Field label="Déposée le" className="span-3" status={status('depositedOn')}>
            {(c) => <input {...c} type="date" className="input" max={today} value={depositedOn} onChange={(e) => setDepositedOn(e.target.value)} data-testid="invoice-deposited-on" />}
          </Field>
          <Field label="N° de la facture dans Chorus Pro" className="span-5" status={status('chorusNumber')}>
            {(c) => <input {...c} className="input" value={chorusNumber} onChange={(e) => setChorusNumber(e.target.value)} data-testid="invoice-chorus-number" />}
          </Field>
          <div className="span-4 invoice-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void deposit()} data-testid="invoice-deposit">
              Enregistrer le dépôt
            </button>
          </div>
        </div>
      </fieldset>
      {open && invoice.outstandingCents > 0 && (
        <fieldset className="form__section">
          <legend>Paiement</legend>
          <div className="form__grid">
            <Field label="Payé le" className="span-3" status={status('paidOn')}>
              {(c) => <input {...c} type="date" className="input" max={today} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} data-testid="invoice-paid-on" />}
            </Field>
            <Field label="Montant (€)" className="span-3" status={status('amountCents')}>
              {(c) => <input {...c} className="input" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="invoice-payment-amount" />}
            </Field>
            <Field label="Référence du virement" className="span-3">
              {(c) => <input {...c} className="input" value={reference} onChange={(e) => setReference(e.target.value)} />}
            </Field>
            <div className="span-3 invoice-actions">
              <button type="button" className="button" disabled={busy} onClick={() => void pay()} data-testid="invoice-pay">
                Enregistrer le paiement
              </button>
            </div>
          </div>
        </fieldset>
      )}
      {open && (
        <fieldset className="form__section">
          <legend>Avoir</legend>
          <p className="muted">Laissez les quantités vides pour annuler toute la facture, ou indiquez la quantité à annuler ligne par ligne.</p>
          <table className="invoice-lines">
            <tbody>
              {invoice.amounts.lines.map((l, k) => (
                <tr key={l.position}>
                  <td>{l.label}</td>
                  <td className="num">
                    <input className="input" aria-label={`Quantité à annuler, ligne ${k + 1}`} value={partial[k] ?? ''} onChange={(e) => setPartial(partial.map((x, j) => (j === k ? e.target.value : x)))} data-testid={`credit-qty-${k}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form__grid">
            <Field label="Date de l’avoir" className="span-3" status={status('issueDate')}>
              {(c) => <input {...c} type="date" className="input" value={creditOn} onChange={(e) => setCreditOn(e.target.value)} />}
            </Field>
            <Field label="Motif" className="span-6" status={status('reason')}>
              {(c) => <input {...c} className="input" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="credit-reason" />}
            </Field>
            <div className="span-3 invoice-actions">
              <button type="button" className="button" disabled={busy} onClick={() => void credit()} data-testid="invoice-credit">
                Émettre l’avoir
              </button>
            </div>
          </div>
        </fieldset>
      )}
    </>
  )
}
