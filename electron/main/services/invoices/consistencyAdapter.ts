import type { ConsistencyReport } from '@shared/domain/invoiceConsistency'
import type { Db } from '../../db/open'
import { checkConsistency } from '../consistency/checkConsistency'

/*
 * The one place issuing calls the consistency check (services/consistency): the trainees of the
 * invoice's lines (all billable ones of the session for a line per action), as of the invoice
 * date, counting the draft's own hours as invoiced. Tests pass their own checker.
 */

export type ConsistencyChecker = (db: Db, sessionId: number, invoiceId: number, asOf: string) => ConsistencyReport

export const invoiceConsistency: ConsistencyChecker = (db, sessionId, invoiceId, asOf) => {
  const enrolmentIds = db
    .prepare<[number], { id: number }>('SELECT DISTINCT enrolment_id AS id FROM invoice_line WHERE invoice_id = ? AND enrolment_id IS NOT NULL ORDER BY enrolment_id')
    .all(invoiceId)
    .map((r) => r.id)
  return checkConsistency(db, { sessionId, asOf, invoiceId, ...(enrolmentIds.length > 0 ? { enrolmentIds } : {}) })
}
