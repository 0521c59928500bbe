import type { ColDef } from 'ag-grid-community'
import type { CustomCellRendererProps } from 'ag-grid-react'
import type { InvoiceRow } from '@shared/api/areas/invoices'
import { SESSION_FUNDERS, type SessionFunderCode } from '@shared/domain/aifQuoteFunding'
import type { FollowUp } from '@shared/domain/invoiceRules'
import '../../components/statusChip.css'

const TONES: Record<FollowUp, string> = {
  draft: 'neutral',
  issued: 'info',
  deposited: 'info',
  partially_paid: 'warning',
  paid: 'success',
  credit_note: 'muted-plain',
  cancelled: 'muted'
}

export const funderLabel = (code: string | null): string => (code && code in SESSION_FUNDERS ? SESSION_FUNDERS[code as SessionFunderCode] : (code ?? ''))

function StatusCell(p: CustomCellRendererProps<InvoiceRow>) {
  if (!p.data) return null
  const overdue = p.data.daysOverdue > 0 ? ` · ${p.data.daysOverdue} j de retard` : ''
  return (
    <span className={`status-chip status-chip--${TONES[p.data.followUp]}`} data-testid="invoice-status">
      {p.data.followUpLabel}
      {overdue}
    </span>
  )
}

export function invoiceColumns(): ColDef<InvoiceRow>[] {
  return [
    { field: 'number', headerName: 'N°', width: 130, pinned: 'left', valueFormatter: (p) => p.value ?? 'brouillon' },
    { colId: 'kind', headerName: 'Type', width: 90, valueGetter: (p) => (p.data?.kind === 'credit_note' ? 'Avoir' : 'Facture') },
    { field: 'followUp', headerName: 'Suivi', width: 210, cellRenderer: StatusCell, valueFormatter: (p) => p.data?.followUpLabel ?? '', filterValueGetter: (p) => p.data?.followUpLabel ?? '' },
    { field: 'issueDate', headerName: 'Date', width: 110, type: 'dateFr' },
    { field: 'buyerName', headerName: 'Client', width: 200 },
    { colId: 'funder', headerName: 'Financeur', width: 170, valueGetter: (p) => funderLabel(p.data?.funderCode ?? null) },
    { field: 'sessionLabel', headerName: 'Session', width: 220 },
    { field: 'totalHtCents', headerName: 'Total HT', width: 120, type: 'euros' },
    { field: 'totalVatCents', headerName: 'TVA', width: 100, type: 'euros' },
    { field: 'totalTtcCents', headerName: 'Total TTC', width: 120, type: 'euros' },
    { field: 'paidCents', headerName: 'Payé', width: 110, type: 'euros' },
    { field: 'outstandingCents', headerName: 'Reste dû', width: 110, type: 'euros' },
    { field: 'dueDate', headerName: 'Échéance', width: 110, type: 'dateFr' },
    { field: 'chorusDepositedOn', headerName: 'Déposée le', width: 110, type: 'dateFr' },
    { field: 'chorusNumber', headerName: 'N° Chorus Pro', width: 140 },
    { field: 'lastPaidOn', headerName: 'Dernier paiement', width: 130, type: 'dateFr' },
    { field: 'creditedInvoiceNumber', headerName: 'Facture d’origine', width: 140 }
  ]
}
