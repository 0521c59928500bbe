import { useEffect, useState, type FormEvent } from 'react'
import { Field } from '../../components/Field'
import { issuesToFieldErrors } from '../../forms/fieldErrors'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'

const NO_INPUT = {}

/**
 * Paramètres › Facturation: whether the organisation's training is exempt from VAT (« Exonération
 * de TVA, article 261-4-4° a du CGI » on its invoices, else 20 %), its payment terms and the IBAN
 * printed on invoices.
 */
export function InvoiceSettingsCard() {
  const query = useQuery('invoices:settings', NO_INPUT)
  const { run, busy, error, failure } = useCommand()
  const [vatExempt, setVatExempt] = useState(true)
  const [days, setDays] = useState('30')
  const [iban, setIban] = useState('')
  useEffect(() => {
    if (!query.data) return
    setVatExempt(query.data.vatExempt)
    setDays(String(query.data.paymentTermsDays))
    setIban(query.data.iban ?? '')
  }, [query.data])
  const errors = issuesToFieldErrors(failure?.issues, ['paymentTermsDays', 'iban'] as const)

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault()
    const n = Number(days.trim())
    const r = await run((api) => api.call('invoices:setSettings', { vatExempt, paymentTermsDays: Number.isFinite(n) ? n : -1, iban }), { success: 'Paramètres de facturation enregistrés.' })
    if (r.ok) query.setData(() => r.value)
  }

  return (
    <form className="panel" aria-labelledby="invoice-settings-title" data-testid="invoice-settings-card" onSubmit={(e) => void save(e)} noValidate>
      <header className="panel__header">
        <h2 id="invoice-settings-title" className="panel__title">
          Facturation
        </h2>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={vatExempt} onChange={(e) => setVatExempt(e.target.checked)} data-testid="invoice-settings-vat-exempt" /> Formation exonérée de TVA (article 261-4-4° a du CGI)
      </label>
      <Field label="Délai de paiement (jours)" status={errors.paymentTermsDays ? { kind: 'error', message: errors.paymentTermsDays } : null}>
        {(c) => <input {...c} className="input" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} data-testid="invoice-settings-days" />}
      </Field>
      <Field label="IBAN imprimé sur les factures" status={errors.iban ? { kind: 'error', message: errors.iban } : null}>
        {(c) => <input {...c} className="input" value={iban} onChange={(e) => setIban(e.target.value)} data-testid="invoice-settings-iban" />}
      </Field>
      <button type="submit" className="button button--primary" disabled={busy || !query.data} data-testid="invoice-settings-save">
        Enregistrer
      </button>
    </form>
  )
}
