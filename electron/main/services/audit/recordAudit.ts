import type { ServiceContext } from '../context'
import { nowIso } from '../context'

export type AuditEntry = {
  operation: string
  entity: string
  entityId: string | number | null
  before?: unknown
  after?: unknown
}

/** Called inside the service's own transaction, so a write and its trace commit together. */
export function recordAudit(ctx: ServiceContext, entry: AuditEntry): void {
  ctx.db
    .prepare(
      `INSERT INTO audit_log (at, clerk_id, clerk_name, operation, entity, entity_id, before_json, after_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      nowIso(ctx.clock),
      ctx.actor.clerkId,
      ctx.actor.name,
      entry.operation,
      entry.entity,
      entry.entityId == null ? null : String(entry.entityId),
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after)
    )
}
