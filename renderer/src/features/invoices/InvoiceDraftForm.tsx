import { useEffect, useState } from 'react'
import type { InvoiceDetail, IssueResult } from '@shared/api/areas/invoices'
import { parseHundredths, type InvoiceLineInput, type VatMode } from '@shared/domain/invoiceAmounts'
import { formatEuros, parseEuros } from '@shared/domain/money'
import type { ConsistencyReport } from '@shared/domain/invoiceConsistency'
import { Field } from '../../components/Field'
import { issuesToFieldErrors } from '../../forms/fieldErrors'
import { formTexts } from '../../forms/formValues'
import { useCommand } from '../../hooks/useCommand'
import { FormError } from '../../components/FormError'
import { FormSection } from '../../components/FormSection'

type Props = { invoice: InvoiceDetail; onChanged: (i: InvoiceDetail) => void; onDeleted: () => void }

const FIELDS = ['issueDate', 'buyerName', 'buyerSiret', 'buyerSiren', 'buyerAddressLine1', 'buyerPostalCode', 'buyerCity', 'buyerServiceCode', 'buyerEngagement', 'contractReference', 'lines'] as const
type FieldName = (typeof FIELDS)[number]
type Texts = Record<Exclude<FieldName, 'lines'>, string>
type LineText = { label: string; quantity: string; price: string; pricing: 'hourly' | 'flat'; traineeName: string | null; enrolmentId: number | null }

const euroText = (c: number): string => formatEuros(c).replace(/\s?€$/, '').replace(/[\u202f\u00a0]/g, ' ')
const qtyText = (h: number): string => String(h / 100).replace('.', ',')

function textsOf(i: InvoiceDetail): Texts {
  return {
    issueDate: i.issueDate,
    buyerName: i.buyerName,
    ...formTexts(i, ['buyerSiret', 'buyerSiren', 'buyerAddressLine1', 'buyerPostalCode', 'buyerCity', 'buyerServiceCode', 'buyerEngagement', 'contractReference'])
  }
}

/**
 * A draft: the buyer and its Chorus Pro identifiers, the references, the lines (quantity and
 * price editable), then « Émettre »: the consistency check runs first; its differences are
 * listed and block the issue unless the clerk gives a reason to issue anyway.
 */
export function InvoiceDraftForm({ invoice, onChanged, onDeleted }: Props) {
  const { run, busy, error, failure, setError } = useCommand()
  const [texts, setTexts] = useState<Texts>(() => textsOf(invoice))
  const [vatMode, setVatMode] = useState<VatMode>(invoice.vatMode)
  const [lines, setLines] = useState<LineText[]>([])
  const [report, setReport] = useState<ConsistencyReport | null>(null)
  const [override, setOverride] = useState('')

  useEffect(() => {
    setTexts(textsOf(invoice))
    setVatMode(invoice.vatMode)
    setLines(invoice.amounts.lines.map((l) => ({ label: l.label, quantity: qtyText(l.quantityHundredths), price: euroText(l.unitPriceCents), pricing: l.pricing, traineeName: l.traineeName, enrolmentId: l.enrolmentId })))
    setReport(null)
  }, [invoice])

  const errors = issuesToFieldErrors(failure?.issues, FIELDS)
  const set = (f: keyof Texts) => (e: { target: { value: string } }) => setTexts({ ...texts, [f]: e.target.value })

  async function save(): Promise<InvoiceDetail | null> {
    const parsed: InvoiceLineInput[] = []
    for (const [n, l] of lines.entries()) {
      const q = parseHundredths(l.quantity)
      if (q === null) return (setError(`Ligne ${n + 1} : quantité invalide (exemple : 12,5).`), null)
      const p = parseEuros(l.price)
      if (!p.ok) return (setError(`Ligne ${n + 1} : ${p.message}`), null)
      parsed.push({ label: l.label, traineeName: l.traineeName, enrolmentId: l.enrolmentId, pricing: l.pricing, quantityHundredths: q, unitPriceCents: p.value })
    }
    const r = await run((api) => api.call('invoices:updateDraft', { id: invoice.id, ...texts, buyerAddressLine2: invoice.buyerAddressLine2, vatMode, note: invoice.note, lines: parsed }), {
      success: () => 'Brouillon enregistré.'
    })
    if (!r.ok) return null
    onChanged(r.value)
    return r.value
  }

  async function issue(): Promise<void> {
    const saved = await save()
    if (!saved) return
    const r = await run((api) => api.call('invoices:issue', { id: invoice.id, overrideReason: report && override.trim() ? override : null }), {
      success: (v: IssueResult) => (v.issued ? `Facture ${v.invoice.number ?? ''} émise.` : 'Émission bloquée : des écarts sont à corriger.')
    })
    if (!r.ok) return
    if (r.value.issued) onChanged(r.value.invoice)
    else setReport(r.value.report)
  }

  async function remove(): Promise<void> {
    const r = await run((api) => api.call('invoices:deleteDraft', { id: invoice.id }), { success: () => 'Brouillon supprimé.' })
    if (r.ok) onDeleted()
  }

  const input = (f: keyof Texts, label: string, span: string, type = 'text') => (
    <Field label={label} className={span} status={errors[f] ? { kind: 'error', message: errors[f] } : null}>
      {(c) => <input {...c} type={type} className="input" value={texts[f]} onChange={set(f)} data-testid={`invoice-${f}`} />}
    </Field>
  )

  return (
    <>
      <FormError message={error} testId="invoice-error" />
      {report && !report.ok && (
        <div data-testid="invoice-differences">
          <p className="form-error">Contrôle de cohérence : {report.differences.length} écart(s). Corrigez-les, ou émettez quand même en donnant le motif (il est enregistré dans l’historique).</p>
          <ul className="invoice-differences">
            {report.differences.map((d, k) => (
              <li key={k}>
                {d.traineeName} — {d.message} (attendu {d.expected}, trouvé {d.found})
              </li>
            ))}
          </ul>
          <Field label="Motif pour émettre quand même" className="span-12">
            {(c) => <input {...c} className="input" value={override} onChange={(e) => setOverride(e.target.value)} data-testid="invoice-override" />}
          </Field>
        </div>
      )}
      <FormSection legend="Client et références Chorus Pro">
        {input('buyerName', 'Client', 'span-6')}
        {input('buyerSiret', 'SIRET du client', 'span-3')}
        {input('buyerSiren', 'SIREN', 'span-3')}
        {input('buyerAddressLine1', 'Adresse', 'span-6')}
        {input('buyerPostalCode', 'Code postal', 'span-2')}
        {input('buyerCity', 'Ville', 'span-4')}
        {input('buyerServiceCode', 'Code service', 'span-3')}
        {input('buyerEngagement', 'N° d’engagement juridique', 'span-3')}
        {input('contractReference', 'Marché ou contrat', 'span-6')}
        {input('issueDate', 'Date de facture', 'span-3', 'date')}
        <Field label="TVA" className="span-3">
          {(c) => (
            <select {...c} className="input" value={vatMode} onChange={(e) => setVatMode(e.target.value === 'standard' ? 'standard' : 'exempt')} data-testid="invoice-vat">
              <option value="exempt">Exonérée (art. 261-4-4° a du CGI)</option>
              <option value="standard">TVA 20 %</option>
            </select>
          )}
        </Field>
      </FormSection>
      <table className="invoice-lines" data-testid="invoice-lines">
        <thead>
          <tr>
            <th>Désignation</th>
            <th className="num">Quantité</th>
            <th className="num">Prix unitaire HT (€)</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, k) => (
            <tr key={k}>
              <td>
                <input className="input" aria-label={`Désignation ligne ${k + 1}`} value={l.label} onChange={(e) => setLines(lines.map((x, j) => (j === k ? { ...x, label: e.target.value } : x)))} />
              </td>
              <td className="num">
                <input className="input" aria-label={`Quantité ligne ${k + 1}`} value={l.quantity} onChange={(e) => setLines(lines.map((x, j) => (j === k ? { ...x, quantity: e.target.value } : x)))} data-testid={`invoice-line-qty-${k}`} />
              </td>
              <td className="num">
                <input className="input" aria-label={`Prix ligne ${k + 1}`} value={l.price} onChange={(e) => setLines(lines.map((x, j) => (j === k ? { ...x, price: e.target.value } : x)))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="invoice-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void remove()} data-testid="invoice-delete">
          Supprimer le brouillon
        </button>
        <span className="toolbar__spacer" />
        <button type="button" className="button" disabled={busy} onClick={() => void save()} data-testid="invoice-save">
          Enregistrer
        </button>
        <button type="button" className="button button--primary" disabled={busy || (report !== null && !report.ok && override.trim() === '')} onClick={() => void issue()} data-testid="invoice-issue">
          {report && !report.ok ? 'Émettre quand même' : 'Émettre la facture'}
        </button>
      </div>
    </>
  )
}
