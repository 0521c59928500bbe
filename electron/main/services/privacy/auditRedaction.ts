import type { Db } from '../../db/open'
import type { PersonIds } from './personIds'
import type { IdentifierMatcher } from '@shared/domain/redaction'
import { withMatcher } from './sweep'

/*
 * Audit rows follow the person's anonymisation along the path the chain was designed for
 * (services/audit/auditChain.ts, migration 0060): only before_json / after_json change and
 * redacted_at is set; the chained fields and hashes stay, so the chain still verifies.
 * - Rows about the person's own objects (their record, enrolments, bookings, interruptions, events,
 *   quotes, exit reports, documents) lose their values entirely: « Valeurs effacées » in Historique.
 * - Any other row that quotes them (a full name, e-mail, phone or France Travail id) keeps its values
 *   with those words replaced.
 */

export const LINKED_AUDIT: [entity: string, pick: (p: PersonIds) => readonly number[]][] = [
  ['trainee', (p) => p.trainees],
  ['enrolment', (p) => p.enrolments],
  ['registration', (p) => p.registrations],
  ['interruption', (p) => p.interruptions],
  ['enrolment_event', (p) => p.events],
  ['aif_quote', (p) => p.quotes],
  ['exit_report', (p) => p.exitReports],
  ['generated_document', (p) => p.documents.map((d) => d.id)]
]

export function redactAudit(db: Db, p: PersonIds, matcher: IdentifierMatcher | null, now: string): number {
  let rows = 0
  const blank = db.prepare(
    `UPDATE audit_log SET before_json = NULL, after_json = NULL, redacted_at = coalesce(redacted_at, @now)
     WHERE entity = @entity AND entity_id IN (SELECT CAST(value AS TEXT) FROM json_each(@ids))
       AND (redacted_at IS NULL OR before_json IS NOT NULL OR after_json IS NOT NULL)`
  )
  for (const [entity, pick] of LINKED_AUDIT) {
    const list = pick(p)
    if (list.length > 0) rows += blank.run({ entity, ids: JSON.stringify(list), now }).changes
  }
  rows += withMatcher(db, matcher, () =>
    matcher === null
      ? 0
      : db
          .prepare(
            `UPDATE audit_log SET before_json = privacy_redact(before_json), after_json = privacy_redact(after_json), redacted_at = coalesce(redacted_at, ?)
             WHERE privacy_hit(before_json) OR privacy_hit(after_json)`
          )
          .run(now).changes
  )
  return rows
}
