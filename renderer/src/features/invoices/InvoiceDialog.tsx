import type { InvoiceDetail } from '@shared/api/areas/invoices'
import { formatDateFr } from '@shared/domain/dates'
import { hoursFr } from '@shared/domain/frenchFormat'
import { formatEuros } from '@shared/domain/money'
import { Modal } from '../../components/Modal'
import { useCommand } from '../../hooks/useCommand'
import { downloadBase64 } from '../../lib/downloadBase64'
import { funderLabel } from './invoiceColumns'
import { InvoiceDraftForm } from './InvoiceDraftForm'
import { InvoiceFollowUpForms } from './InvoiceFollowUpForms'

type Props = { invoice: InvoiceDetail | null; today: string; onClose: () => void; onChanged: (i: InvoiceDetail) => void; onDeleted: () => void }

/** One invoice or credit note: a draft to complete and issue, or an issued one to follow up. */
export function InvoiceDialog({ invoice, today, onClose, onChanged, onDeleted }: Props) {
  const { run, busy } = useCommand()
  if (!invoice) return <Modal open={false} title="" onClose={onClose}>{null}</Modal>
  const i = invoice
  const title = i.status === 'draft' ? `${i.kind === 'credit_note' ? 'Avoir' : 'Facture'} (brouillon) — ${i.buyerName}` : `${i.kind === 'credit_note' ? 'Avoir' : 'Facture'} ${i.number ?? ''} — ${i.buyerName}`

  async function file(): Promise<void> {
    const r = await run((api) => api.call('invoices:file', { id: i.id }), { success: (f) => `Factur-X enregistré : ${f.path}` })
    if (r.ok) downloadBase64(r.value)
  }

  const footer = (
    <div className="invoice-dialog__footer">
      {i.status === 'issued' && (
        <button type="button" className="button" disabled={busy} onClick={() => void file()} data-testid="invoice-file">
          Fichier Factur-X (PDF)
        </button>
      )}
      <span className="toolbar__spacer" />
      <button type="button" className="button" onClick={onClose}>
        Fermer
      </button>
    </div>
  )

  return (
    <Modal open title={title} onClose={onClose} footer={footer} size="xlarge" testId="invoice-dialog">
      <p className="invoice-summary" data-testid="invoice-summary">
        <strong>{i.followUpLabel}</strong>
        {i.number && <> · n° {i.number}</>} · du {formatDateFr(i.issueDate)}
        {i.dueDate && <> · échéance {formatDateFr(i.dueDate)}</>} · {funderLabel(i.funderCode)} · total HT {formatEuros(i.totalHtCents)} · TVA {formatEuros(i.totalVatCents)} · total TTC{' '}
        <strong data-testid="invoice-total">{formatEuros(i.totalTtcCents)}</strong>
        {i.status === 'issued' && i.kind === 'invoice' && (
          <>
            {' '}
            · payé {formatEuros(i.paidCents)} · reste dû <strong data-testid="invoice-outstanding">{formatEuros(i.outstandingCents)}</strong>
          </>
        )}
        {i.creditedInvoiceNumber && <> · annule (en tout ou partie) la facture {i.creditedInvoiceNumber}</>}
      </p>
      {i.consistencyOverrideReason && <p className="muted">Émise malgré des écarts : {i.consistencyOverrideReason}</p>}
      {i.status === 'draft' ? (
        <InvoiceDraftForm invoice={i} onChanged={onChanged} onDeleted={onDeleted} />
      ) : (
        <>
          <table className="invoice-lines" data-testid="invoice-lines">
            <thead>
              <tr>
                <th>Désignation</th>
                <th className="num">Quantité</th>
                <th className="num">Prix unitaire HT</th>
                <th className="num">Montant HT</th>
              </tr>
            </thead>
            <tbody>
              {i.amounts.lines.map((l) => (
                <tr key={l.position}>
                  <td>{l.label}</td>
                  <td className="num">{l.unit === 'HUR' ? hoursFr(l.quantityHundredths / 100) : String(l.quantityHundredths / 100).replace('.', ',')}</td>
                  <td className="num">{formatEuros(l.unitPriceCents)}</td>
                  <td className="num">{formatEuros(l.netCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {i.payments.length > 0 && (
            <p data-testid="invoice-payments">
              Paiements : {i.payments.map((p) => `${formatEuros(p.amountCents)} le ${formatDateFr(p.paidOn)}`).join(' ; ')}
            </p>
          )}
          {i.creditNotes.length > 0 && <p>Avoirs : {i.creditNotes.map((c) => `${c.number ?? 'brouillon'} (${formatEuros(c.totalTtcCents)})`).join(' ; ')}</p>}
          <InvoiceFollowUpForms key={`${i.id}-${i.paidCents}-${i.chorusNumber ?? ''}`} invoice={i} today={today} onChanged={onChanged} onCreditNote={onChanged} />
        </>
      )}
    </Modal>
  )
}
