import type { DashboardCounter, DashboardItem } from '@shared/api/areas/dashboard'
import { addDays, formatDateFr } from '@shared/domain/dates'
import { formatEuros } from '@shared/domain/money'
import { needsChorus } from '@shared/domain/invoiceRules'
import type { Db } from '../../db/open'

/*
 * The dashboard's invoice counters: « factures à déposer » (issued to a public funder, not yet on
 * Chorus Pro, not cancelled) and « impayées à 30 / 60 jours » (something still due 30 or 60 days
 * past the due date). Each opens the invoices grid on exactly its rows.
 */

const ITEMS = 10

type Row = { id: number; number: string; issueDate: string; dueDate: string | null; buyerName: string; funderCode: string | null; total: number; paid: number; credited: number }

const ISSUED_SQL = `
  SELECT i.id, i.number, i.issue_date AS issueDate, i.due_date AS dueDate, i.buyer_name AS buyerName, i.funder_code AS funderCode, i.total_ttc_cents AS total,
         coalesce((SELECT sum(p.amount_cents) FROM invoice_payment p WHERE p.invoice_id = i.id), 0) AS paid,
         coalesce((SELECT sum(c.total_ttc_cents) FROM invoice c WHERE c.credited_invoice_id = i.id AND c.status = 'issued'), 0) AS credited
  FROM invoice i WHERE i.status = 'issued' AND i.kind = 'invoice'`

const due = (r: Row) => Math.max(0, r.total - r.paid - r.credited)

function make(key: DashboardCounter['key'], label: string, rows: Row[], severity: 'todo' | 'late', detail: (r: Row) => string, date: (r: Row) => string | null): DashboardCounter {
  const items = rows.slice(0, ITEMS).map((r): DashboardItem => ({ id: r.id, label: `Facture ${r.number} — ${r.buyerName}`, detail: detail(r), date: date(r), target: { screen: 'invoices', filter: { ids: [r.id] } } }))
  return { key, label, count: rows.length, severity: rows.length === 0 ? 'ok' : severity, target: { screen: 'invoices', filter: { ids: rows.map((r) => r.id) } }, items }
}

export function invoicesToDeposit(db: Db): DashboardCounter {
  const rows = db
    .prepare<[], Row>(`${ISSUED_SQL} AND i.chorus_deposited_on IS NULL ORDER BY i.issue_date, i.id`)
    .all()
    .filter((r) => needsChorus(r.funderCode) && r.credited < r.total)
  return make('invoices_to_deposit', 'Factures à déposer sur Chorus Pro', rows, 'todo', (r) => `Émise le ${formatDateFr(r.issueDate)}, ${formatEuros(r.total)}, pas encore déposée sur Chorus Pro`, (r) => r.issueDate)
}

/** Invoices with something still due `days` days or more past their due date. */
export function invoicesUnpaid(db: Db, today: string, days: 30 | 60): DashboardCounter {
  const limit = addDays(today, -days)
  const rows = db
    .prepare<[string], Row>(`${ISSUED_SQL} AND i.due_date IS NOT NULL AND i.due_date <= ? ORDER BY i.due_date, i.id`)
    .all(limit)
    .filter((r) => due(r) > 0)
  return make(
    days === 30 ? 'invoices_unpaid_30' : 'invoices_unpaid_60',
    `Factures impayées à ${days} jours`,
    rows,
    days === 30 ? 'todo' : 'late',
    (r) => `Échue le ${formatDateFr(r.dueDate)}, reste dû ${formatEuros(due(r))}`,
    (r) => r.dueDate
  )
}
