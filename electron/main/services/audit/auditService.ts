import type { AuditLine, AuditPage, AuditVerification } from '@shared/api/areas/audit'
import type { Db } from '../../db/open'
import { SqlWhere, type SqlParams } from '../../db/sqlWhere'
import { type AuditRow, verifyChain } from './auditChain'

/* Reading the audit log: the « Historique » screen, a person's or an enrolment's history, the chain check. */

export type AuditFilter = {
  clerk?: string | undefined
  operation?: string | undefined
  entity?: string | undefined
  entityId?: string | undefined
  traineeId?: number | undefined
  enrolmentId?: number | undefined
  from?: string | null | undefined
  to?: string | null | undefined
  beforeId?: number | undefined
  limit: number
}

type LineRow = { id: number; at: string; clerk_name: string; operation: string; entity: string; entity_id: string | null; before_json: string | null; after_json: string | null; redacted_at: string | null }

export function listAudit(db: Db, f: AuditFilter): AuditPage {
  const where = new SqlWhere({ limit: f.limit + 1 })
  // An empty text is no filter, hence `|| undefined`.
  where.filter('clerk', f.clerk || undefined, 'clerk_name = @clerk')
  where.filter('operation', f.operation || undefined, 'operation = @operation')
  if (f.entity) {
    where.add('entity = @entity', { entity: f.entity })
    where.filter('entityId', f.entityId || undefined, 'entity_id = @entityId')
  }
  if (f.traineeId !== undefined) {
    // The person's own rows, and those of their enrolments (statuses, attendance months, reports).
    where.add(
      `((entity = 'trainee' AND entity_id = @traineeText)
      OR (entity IN ('enrolment', 'exit_report', 'attendance_month') AND entity_id IN (SELECT CAST(id AS TEXT) FROM enrolment WHERE trainee_id = @traineeId)))`,
      { traineeId: f.traineeId, traineeText: String(f.traineeId) }
    )
  }
  if (f.enrolmentId !== undefined) {
    where.add(`(entity IN ('enrolment', 'exit_report', 'attendance_month') AND entity_id = @enrolmentText)`, { enrolmentText: String(f.enrolmentId) })
  }
  where.filter('from', f.from || undefined, 'at >= @from')
  if (f.to) where.add('at < @toNext', { toNext: `${f.to}T99` })
  where.filter('beforeId', f.beforeId, 'id < @beforeId')
  const rows = db
    .prepare<[SqlParams], LineRow>(
      `SELECT id, at, clerk_name, operation, entity, entity_id, before_json, after_json, redacted_at FROM audit_log
       ${where.clause} ORDER BY id DESC LIMIT @limit`
    )
    .all(where.params)
  const lines: AuditLine[] = rows.slice(0, f.limit).map((r) => ({
    id: r.id,
    at: r.at,
    clerkName: r.clerk_name,
    operation: r.operation,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json,
    after: r.after_json,
    redacted: r.redacted_at !== null
  }))
  const clerks = db.prepare<[], { n: string }>('SELECT DISTINCT clerk_name AS n FROM audit_log ORDER BY n COLLATE NOCASE').all().map((r) => r.n)
  const operations = db.prepare<[], { n: string }>('SELECT DISTINCT operation AS n FROM audit_log ORDER BY n').all().map((r) => r.n)
  return { lines, clerks, operations, hasMore: rows.length > f.limit }
}

export function verifyAudit(db: Db): AuditVerification {
  return verifyChain(db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').iterate())
}
