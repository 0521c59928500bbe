import type { InvoiceFilter } from '@shared/api/areas/invoices'
import { formatDateFr } from '@shared/domain/dates'
import { accountingRows, type AccountingInvoice, type AccountingRow } from '@shared/domain/invoiceAccounting'
import { spreadsheetSafe } from '@shared/domain/spreadsheetText'
import type { Db } from '../../db/open'
import { csvFile, xlsxFile, type TableColumn } from '../exports/tableFile'
import { getInvoice, listInvoices } from './invoiceQueries'

/*
 * « Export comptable » of the invoices grid (issued invoices and credit notes of the filter, drafts
 * never): CSV (UTF-8 with a BOM, `;`, French dates and amounts with a comma) or XLSX (amounts as
 * numbers in euros). Text goes through spreadsheetSafe: a buyer or label cannot run as a formula.
 */

type Column = TableColumn<AccountingRow>
const eurosText = (cents: number): string => `${cents < 0 ? '-' : ''}${Math.trunc(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`

const COLUMNS: Column[] = [
  { header: 'Date', width: 12, value: (r) => formatDateFr(r.date) },
  { header: 'Journal', width: 8, value: (r) => r.journal },
  { header: 'N° pièce', width: 14, value: (r) => r.number },
  { header: 'Compte', width: 10, value: (r) => r.account },
  { header: 'Compte tiers', width: 16, value: (r) => r.customerAccount },
  { header: 'Client', width: 28, value: (r) => r.buyer },
  { header: 'Libellé', width: 60, value: (r) => r.label },
  { header: 'Montant HT', width: 14, value: (r) => r.netCents, euros: true },
  { header: 'TVA', width: 12, value: (r) => r.vatCents, euros: true },
  { header: 'Montant TTC', width: 14, value: (r) => r.totalCents, euros: true },
  { header: 'Échéance', width: 12, value: (r) => (r.dueDate ? formatDateFr(r.dueDate) : '') }
]

export function accountingInvoices(db: Db, filter: InvoiceFilter, today: string): AccountingInvoice[] {
  return listInvoices(db, filter, today)
    .filter((r) => r.status === 'issued' && r.number !== null)
    .map((r) => {
      const d = getInvoice(db, r.id, today)
      return {
        number: d.number ?? '',
        kind: d.kind,
        issueDate: d.issueDate,
        dueDate: d.dueDate,
        funderCode: d.funderCode,
        buyerName: d.buyerName,
        vatCents: d.totalVatCents,
        lines: d.amounts.lines.map((l) => ({ label: l.label, netCents: l.netCents })),
        payments: d.payments.map((p) => ({ paidOn: p.paidOn, amountCents: p.amountCents, reference: p.reference }))
      }
    })
}

export async function exportInvoices(db: Db, filter: InvoiceFilter, format: 'csv' | 'xlsx', today: string): Promise<{ fileName: string; mime: string; base64: string }> {
  const rows = accountingRows(accountingInvoices(db, filter, today))
  const base = `factures-comptabilite-${today}`
  if (format === 'csv') return csvFile(base, COLUMNS, rows, (v) => (typeof v === 'number' ? eurosText(v) : spreadsheetSafe(v ?? '')))
  return xlsxFile(base, 'Écritures', COLUMNS, rows, (v) => (typeof v === 'number' ? v / 100 : spreadsheetSafe(v ?? '')))
}
