import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { InvoiceFilter } from '../../../../shared/api/areas/invoices'
import { formatDateFr } from '../../../../shared/domain/dates'
import { accountingRows, type AccountingInvoice, type AccountingRow } from '../../../../shared/domain/invoiceAccounting'
import { spreadsheetSafe } from '../../../../shared/domain/spreadsheetText'
import type { Db } from '../../db/open'
import { getInvoice, listInvoices } from './invoiceQueries'

/*
 * « Export comptable » of the invoices grid (issued invoices and credit notes of the filter, drafts
 * never): CSV (UTF-8 with a BOM, `;`, French dates and amounts with a comma) or XLSX (amounts as
 * numbers in euros). Text goes through spreadsheetSafe: a buyer or label cannot run as a formula.
 */

const CSV_MIME = 'text/csv'
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

type Column = { header: string; width: number; value: (r: AccountingRow) => string | number; euros?: boolean }
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
  if (format === 'csv') {
    const data = rows.map((r) => COLUMNS.map((c) => {
      const v = c.value(r)
      return typeof v === 'number' ? eurosText(v) : spreadsheetSafe(v)
    }))
    const text = `\ufeff${Papa.unparse({ fields: COLUMNS.map((c) => c.header), data }, { delimiter: ';', newline: '\r\n' })}\r\n`
    return { fileName: `${base}.csv`, mime: CSV_MIME, base64: Buffer.from(text, 'utf8').toString('base64') }
  }
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Passerelle'
  workbook.created = new Date(0)
  const sheet = workbook.addWorksheet('Écritures')
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }))
  sheet.getRow(1).font = { bold: true }
  for (const r of rows) {
    const row = sheet.addRow(COLUMNS.map((c) => {
      const v = c.value(r)
      return typeof v === 'number' ? v / 100 : spreadsheetSafe(v)
    }))
    COLUMNS.forEach((c, i) => {
      if (c.euros) row.getCell(i + 1).numFmt = '#,##0.00 "€"'
    })
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const data = await workbook.xlsx.writeBuffer()
  return { fileName: `${base}.xlsx`, mime: XLSX_MIME, base64: Buffer.from(data).toString('base64') }
}
