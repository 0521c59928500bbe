import type { ServiceContext } from '../context'
import { nowIso } from '../context'
import { contentHash, rowHash } from './auditChain'

export type AuditEntry = {
  operation: string
  entity: string
  entityId: string | number | null
  before?: unknown
  after?: unknown
}

/**
 * Called inside the service's own transaction, so a write and its trace commit together. The row
 * is chained to the previous one (auditChain.ts); the transaction holds the write lock (BEGIN
 * IMMEDIATE), so no other connection can append in between.
 */
// Whether this connection's schema has the chain (migration 0060, schema version 60): the migration tests write
// data through the services on databases of older versions.
// Once chained, a connection stays so (the schema only moves forward).
const chained = new WeakSet<ServiceContext['db']>()
function isChained(db: ServiceContext['db']): boolean {
  if (chained.has(db)) return true
  const has = Number(db.pragma('user_version', { simple: true })) >= 60
  if (has) chained.add(db)
  return has
}

export function recordAudit(ctx: ServiceContext, entry: AuditEntry): void {
  const row = {
    at: nowIso(ctx.clock),
    clerk_id: ctx.actor.clerkId,
    clerk_name: ctx.actor.name,
    operation: entry.operation,
    entity: entry.entity,
    entity_id: entry.entityId == null ? null : String(entry.entityId)
  }
  const before = entry.before === undefined ? null : JSON.stringify(entry.before)
  const after = entry.after === undefined ? null : JSON.stringify(entry.after)
  if (!isChained(ctx.db)) {
    ctx.db
      .prepare('INSERT INTO audit_log (at, clerk_id, clerk_name, operation, entity, entity_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row.at, row.clerk_id, row.clerk_name, row.operation, row.entity, row.entity_id, before, after)
    return
  }
  const previous = ctx.db.prepare<[], { hash: string | null }>('SELECT hash FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)').get()?.hash ?? null
  const content = contentHash(before, after)
  ctx.db
    .prepare(
      `INSERT INTO audit_log (at, clerk_id, clerk_name, operation, entity, entity_id, before_json, after_json, content_hash, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(row.at, row.clerk_id, row.clerk_name, row.operation, row.entity, row.entity_id, before, after, content, previous, rowHash(previous, row, content))
}
