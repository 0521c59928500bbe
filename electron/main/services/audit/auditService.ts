import type { AuditLine, AuditPage, AuditVerification } from '@shared/api/areas/audit'
import type { Db } from '../../db/open'
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
  const where: string[] = []
  const params: Record<string, string | number> = { limit: f.limit + 1 }
  if (f.clerk) {
    where.push('clerk_name = @clerk')
    params.clerk = f.clerk
  }
  if (f.operation) {
    where.push('operation = @operation')
    params.operation = f.operation
  }
  if (f.entity) {
    where.push('entity = @entity')
    params.entity = f.entity
    if (f.entityId) {
      where.push('entity_id = @entityId')
      params.entityId = f.entityId
    }
  }
  if (f.traineeId !== undefined) {
    // The person's own rows, and those of their enrolments (statuses, attendance months, reports).
    where.push(`((entity = 'trainee' AND entity_id = @traineeText)
      OR (entity IN ('enrolment', 'exit_report', 'attendance_month') AND entity_id IN (SELECT CAST(id AS TEXT) FROM enrolment WHERE trainee_id = @traineeId)))`)
    params.traineeId = f.traineeId
    params.traineeText = String(f.traineeId)
  }
  if (f.enrolmentId !== undefined) {
    where.push(`(entity IN ('enrolment', 'exit_report', 'attendance_month') AND entity_id = @enrolmentText)`)
    params.enrolmentText = String(f.enrolmentId)
  }
  if (f.from) {
    where.push('at >= @from')
    params.from = f.from
  }
  if (f.to) {
    where.push('at < @toNext')
    params.toNext = `${f.to}T99`
  }
  if (f.beforeId !== undefined) {
    where.push('id < @beforeId')
    params.beforeId = f.beforeId
  }
  const rows = db
    .prepare<[Record<string, string | number>], LineRow>(
      `SELECT id, at, clerk_name, operation, entity, entity_id, before_json, after_json, redacted_at FROM audit_log
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`
    )
    .all(params)
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
