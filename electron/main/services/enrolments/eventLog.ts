import type { EnrolmentEvent } from '@shared/api/areas/enrolments'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import type { Db } from '../../db/open'
import { nowIso, type ServiceContext } from '../context'

/*
 * The enrolment's event log and the one denormalised value derived from it. Every write that adds,
 * declares, undeclares, moves or removes an event requiring a KAIROS declaration calls
 * `refreshPendingSince` for the enrolments it touched, in the same transaction.
 */

export type NewEvent = {
  enrolmentId: number
  kind: EnrolmentEvent['kind']
  from: EnrolmentStatus | null
  to: EnrolmentStatus | null
  effectiveDate: string
  reasonCode: string | null
  reasonLabel: string | null
  comment: string | null
  requiresDeclaration: boolean
}

export function insertEvent(ctx: ServiceContext, e: NewEvent): number {
  const info = ctx.db
    .prepare(
      `INSERT INTO enrolment_event (enrolment_id, kind, from_status, to_status, effective_date, reason_code, reason_label, comment,
                                    recorded_at, recorded_by, requires_declaration)
       VALUES (@enrolmentId, @kind, @from, @to, @effectiveDate, @reasonCode, @reasonLabel, @comment, @recordedAt, @recordedBy, @requires)`
    )
    .run({ ...e, requires: e.requiresDeclaration ? 1 : 0, recordedAt: nowIso(ctx.clock), recordedBy: ctx.actor.name })
  return Number(info.lastInsertRowid)
}

/** `kairos_pending_since` = the effective date of the oldest event still to declare, NULL if none. */
export function refreshPendingSince(db: Db, enrolmentIds: readonly number[]): void {
  if (enrolmentIds.length === 0) return
  db.prepare(
    `UPDATE enrolment SET kairos_pending_since = (
       SELECT min(ev.effective_date) FROM enrolment_event ev
       WHERE ev.enrolment_id = enrolment.id AND ev.requires_declaration = 1 AND ev.kairos_declared_on IS NULL)
     WHERE id IN (SELECT value FROM json_each(?))`
  ).run(JSON.stringify([...new Set(enrolmentIds)]))
}
