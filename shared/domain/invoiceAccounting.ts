/*
 * The accountant's export: one row per invoice line (sales journal VT) and one per payment (bank
 * journal BQ), with the columns an accounting import expects. A line carries its share of the
 * invoice's VAT: VAT is computed per rate on the invoice (EN 16931), so it is spread over the
 * lines by largest remainder and the lines of an invoice always add up to its printed VAT.
 * Credit notes come out negative.
 */

export const SALES_ACCOUNT = '706000'
export const BANK_ACCOUNT = '512000'
export const SALES_JOURNAL = 'VT'
export const BANK_JOURNAL = 'BQ'

/** Splits `total` over `weights` in proportion, in whole cents, summing exactly to `total`. */
export function allocateCents(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0)
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0))
  const exact = weights.map((w) => (w * total) / sum)
  const floors = exact.map(Math.floor)
  let left = total - floors.reduce((s, f) => s + f, 0)
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    floors[i] = (floors[i] ?? 0) + 1
    left--
  }
  return floors
}

/** The customer's sub-account: 411 and the funder (« 411REGION »), or 411DIVERS. */
export function customerAccount(funderCode: string | null): string {
  return `411${(funderCode ?? 'divers').replace(/[^a-z0-9]/gi, '').toUpperCase()}`
}

export type AccountingInvoice = {
  number: string
  kind: 'invoice' | 'credit_note'
  issueDate: string
  dueDate: string | null
  funderCode: string | null
  buyerName: string
  vatCents: number
  lines: { label: string; netCents: number }[]
  payments: { paidOn: string; amountCents: number; reference: string | null }[]
}

export type AccountingRow = {
  date: string
  journal: string
  number: string
  account: string
  customerAccount: string
  buyer: string
  label: string
  netCents: number
  vatCents: number
  totalCents: number
  dueDate: string | null
}

export function accountingRows(invoices: readonly AccountingInvoice[]): AccountingRow[] {
  const rows: AccountingRow[] = []
  for (const inv of invoices) {
    const sign = inv.kind === 'credit_note' ? -1 : 1
    const vat = allocateCents(inv.lines.map((l) => l.netCents), inv.vatCents)
    inv.lines.forEach((l, i) => {
      const v = vat[i] ?? 0
      rows.push({
        date: inv.issueDate,
        journal: SALES_JOURNAL,
        number: inv.number,
        account: SALES_ACCOUNT,
        customerAccount: customerAccount(inv.funderCode),
        buyer: inv.buyerName,
        label: `${inv.kind === 'credit_note' ? 'Avoir' : 'Facture'} ${inv.number} — ${l.label}`,
        netCents: sign * l.netCents,
        vatCents: sign * v,
        totalCents: sign * (l.netCents + v),
        dueDate: inv.dueDate
      })
    })
    for (const p of inv.payments) {
      rows.push({
        date: p.paidOn,
        journal: BANK_JOURNAL,
        number: inv.number,
        account: BANK_ACCOUNT,
        customerAccount: customerAccount(inv.funderCode),
        buyer: inv.buyerName,
        label: `Règlement facture ${inv.number}${p.reference ? ` (${p.reference})` : ''}`,
        netCents: 0,
        vatCents: 0,
        totalCents: p.amountCents,
        dueDate: null
      })
    }
  }
  // By date, then piece number, sales before bank for one piece; stable for the lines of a piece.
  const journal = (r: AccountingRow) => (r.journal === SALES_JOURNAL ? 0 : 1)
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number) || journal(a) - journal(b))
}
