import { AppError } from '@shared/api/result'
import type { InvoiceDetail, InvoiceFilter, InvoicePayment, InvoiceRow } from '@shared/api/areas/invoices'
import { computeInvoiceAmounts, type InvoiceLineInput } from '@shared/domain/invoiceAmounts'
import { daysOverdue, FOLLOW_UP_LABELS, followUp, outstandingCents } from '@shared/domain/invoiceRules'
import type { Db } from '../../db/open'
import { SqlWhere, type SqlParams } from '../../db/sqlWhere'

/*
 * Reading invoices: the grid's rows (with what was paid and credited, and the follow-up status
 * derived from them) and one invoice in full. Amounts are recomputed from the stored lines by the
 * domain and must equal the stored totals (checked when issuing).
 */

/** The stored columns of a grid row; the follow-up fields are derived from them in `toRow`. */
type Row = Omit<InvoiceRow, 'followUp' | 'followUpLabel' | 'outstandingCents' | 'daysOverdue'>

const SELECT = `
  SELECT i.id, i.kind, i.status, i.number, i.issue_date AS issueDate, i.due_date AS dueDate, i.session_id AS sessionId,
         coalesce(s.label, tr.title) AS sessionLabel, i.enrolment_id AS enrolmentId, i.funder_code AS funderCode,
         i.buyer_name AS buyerName, i.buyer_siret AS buyerSiret, i.vat_mode AS vatMode,
         i.total_ht_cents AS totalHtCents, i.total_vat_cents AS totalVatCents, i.total_ttc_cents AS totalTtcCents,
         coalesce((SELECT sum(p.amount_cents) FROM invoice_payment p WHERE p.invoice_id = i.id), 0) AS paidCents,
         coalesce((SELECT sum(c.total_ttc_cents) FROM invoice c WHERE c.credited_invoice_id = i.id AND c.status = 'issued'), 0) AS creditedCents,
         (SELECT max(p.paid_on) FROM invoice_payment p WHERE p.invoice_id = i.id) AS lastPaidOn,
         i.chorus_deposited_on AS chorusDepositedOn, i.chorus_number AS chorusNumber,
         i.credited_invoice_id AS creditedInvoiceId, o.number AS creditedInvoiceNumber,
         (SELECT count(*) FROM invoice_line l WHERE l.invoice_id = i.id) AS lineCount
  FROM invoice i
  LEFT JOIN session s ON s.id = i.session_id
  LEFT JOIN training tr ON tr.id = s.training_id
  LEFT JOIN invoice o ON o.id = i.credited_invoice_id`

function toRow(r: Row, today: string): InvoiceRow {
  const state = followUp({ kind: r.kind, status: r.status, totalCents: r.totalTtcCents, paidCents: r.paidCents, creditedCents: r.creditedCents, chorusDepositedOn: r.chorusDepositedOn })
  const outstanding = r.kind === 'invoice' && r.status === 'issued' ? outstandingCents({ totalCents: r.totalTtcCents, paidCents: r.paidCents, creditedCents: r.creditedCents }) : 0
  return {
    ...r,
    followUp: state,
    followUpLabel: FOLLOW_UP_LABELS[state],
    outstandingCents: outstanding,
    daysOverdue: outstanding > 0 ? daysOverdue(r.dueDate, today) : 0
  }
}

export function listInvoices(db: Db, f: InvoiceFilter, today: string): InvoiceRow[] {
  const where = new SqlWhere()
  if (f.ids) where.add('i.id IN (SELECT value FROM json_each(@ids))', { ids: JSON.stringify(f.ids) })
  if (f.kind) where.add('i.kind = @kind', { kind: f.kind })
  if (f.year !== undefined) where.add('i.issue_date >= @from AND i.issue_date <= @to', { from: `${f.year}-01-01`, to: `${f.year}-12-31` })
  where.filter('sessionId', f.sessionId, 'i.session_id = @sessionId')
  if (f.search && f.search.trim() !== '') {
    where.add("(i.buyer_name LIKE @search OR coalesce(i.number, '') LIKE @search OR coalesce(s.label, tr.title, '') LIKE @search)", { search: `%${f.search.trim()}%` })
  }
  const rows = db
    .prepare<[SqlParams], Row>(`${SELECT} ${where.clause} ORDER BY i.status = 'draft' DESC, i.issue_date DESC, i.id DESC`)
    .all(where.params)
    .map((r) => toRow(r, today))
  return f.followUp && f.followUp.length > 0 ? rows.filter((r) => f.followUp?.includes(r.followUp)) : rows
}

/** The buyer and issue columns the detail adds to the grid row (its payments, credit notes and amounts are read apart). */
type DetailRow = Omit<InvoiceDetail, keyof InvoiceRow | 'amounts' | 'payments' | 'creditNotes'>

type LineRow = { enrolmentId: number | null; traineeName: string | null; label: string; pricing: 'hourly' | 'flat'; quantityHundredths: number; unitPriceCents: number }

export function invoiceLines(db: Db, invoiceId: number): InvoiceLineInput[] {
  return db
    .prepare<[number], LineRow>(
      `SELECT enrolment_id AS enrolmentId, trainee_name AS traineeName, label, pricing, quantity_hundredths AS quantityHundredths, unit_price_cents AS unitPriceCents
       FROM invoice_line WHERE invoice_id = ? ORDER BY position`
    )
    .all(invoiceId)
}

export function getInvoice(db: Db, id: number, today: string): InvoiceDetail {
  const row = db.prepare<[number], Row>(`${SELECT} WHERE i.id = ?`).get(id)
  if (!row) throw new AppError('not_found', 'Cette facture est introuvable.')
  const detail = db
    .prepare<[number], DetailRow>(
      `SELECT buyer_siren AS buyerSiren, buyer_address_line1 AS buyerAddressLine1, buyer_address_line2 AS buyerAddressLine2,
              buyer_postal_code AS buyerPostalCode, buyer_city AS buyerCity, buyer_service_code AS buyerServiceCode,
              buyer_engagement AS buyerEngagement, contract_reference AS contractReference, note, issued_at AS issuedAt,
              issued_by AS issuedBy, consistency_override_reason AS consistencyOverrideReason
       FROM invoice WHERE id = ?`
    )
    .get(id)
  if (!detail) throw new AppError('not_found', 'Cette facture est introuvable.')
  const payments = db
    .prepare<[number], InvoicePayment>(
      'SELECT id, paid_on AS paidOn, amount_cents AS amountCents, method, reference, created_by AS createdBy FROM invoice_payment WHERE invoice_id = ? ORDER BY paid_on, id'
    )
    .all(id)
  const creditNotes = db
    .prepare<[number], { id: number; number: string | null; issueDate: string; totalTtcCents: number }>(
      'SELECT id, number, issue_date AS issueDate, total_ttc_cents AS totalTtcCents FROM invoice WHERE credited_invoice_id = ? ORDER BY id'
    )
    .all(id)
  return { ...toRow(row, today), ...detail, amounts: computeInvoiceAmounts(invoiceLines(db, id), row.vatMode), payments, creditNotes }
}
