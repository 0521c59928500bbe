import type { Db } from '../../db/open'

/*
 * Hours invoiced per enrolment, read from the invoice tables: lines in hours (unit HUR) of every
 * invoice that is not a draft, minus the lines of credit notes, plus (when given) the draft being
 * prepared (migration 0090: quantities in hundredths, credit notes with positive quantities). The
 * columns this reads are checked first: a database without them skips the comparison, never crashes.
 */

const NEEDED: Record<string, readonly string[]> = {
  invoice: ['id', 'kind', 'status', 'session_id'],
  invoice_line: ['invoice_id', 'enrolment_id', 'quantity_hundredths', 'unit']
}

function hasColumns(db: Db): boolean {
  for (const [table, columns] of Object.entries(NEEDED)) {
    const present = new Set(db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((r) => r.name))
    if (!columns.every((c) => present.has(c))) return false
  }
  return true
}

/**
 * Net hours invoiced by enrolment (absent from the map: nothing invoiced in hours). `invoiceId`:
 * a draft to include, the invoice about to be issued.
 */
export function invoicedHoursByEnrolment(db: Db, enrolmentIds: readonly number[], invoiceId: number | null = null): Map<number, number> {
  const map = new Map<number, number>()
  if (enrolmentIds.length === 0 || !hasColumns(db)) return map
  const rows = db
    .prepare<[string, number], { enrolmentId: number; hundredths: number }>(
      `SELECT l.enrolment_id AS enrolmentId,
              sum(CASE WHEN i.kind = 'credit_note' THEN -l.quantity_hundredths ELSE l.quantity_hundredths END) AS hundredths
       FROM json_each(?) AS j
       CROSS JOIN invoice_line l ON l.enrolment_id = j.value
       JOIN invoice i ON i.id = l.invoice_id
       WHERE l.unit = 'HUR' AND (i.status <> 'draft' OR i.id = ?)
       GROUP BY l.enrolment_id`
    )
    .all(JSON.stringify(enrolmentIds), invoiceId ?? -1)
  for (const r of rows) map.set(r.enrolmentId, r.hundredths / 100)
  return map
}
