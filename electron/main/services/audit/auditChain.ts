import { createHash } from 'node:crypto'

/*
 * The audit log as a hash chain (docs/domain.md §4, « Hardening »): each row keeps the hash of
 * the row before it, so a row edited, deleted, inserted or reordered behind the app's back breaks
 * the chain from there on. What a row says about a person (before/after values) is hashed apart
 * (content_hash), and the chain covers that hash: anonymising a person may blank the values of old
 * rows (redacted_at is set, triggers allow nothing else) without breaking the chain.
 */

export type ChainedFields = {
  at: string
  clerk_id: number | null
  clerk_name: string
  operation: string
  entity: string
  entity_id: string | null
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

export function contentHash(beforeJson: string | null, afterJson: string | null): string {
  return sha256(JSON.stringify([beforeJson, afterJson]))
}

export function rowHash(prevHash: string | null, row: ChainedFields, content: string): string {
  return sha256(JSON.stringify([prevHash, row.at, row.clerk_id, row.clerk_name, row.operation, row.entity, row.entity_id, content]))
}

export type AuditRow = ChainedFields & {
  id: number
  before_json: string | null
  after_json: string | null
  content_hash: string | null
  prev_hash: string | null
  hash: string | null
  redacted_at: string | null
}

export type ChainReport = {
  rows: number
  ok: boolean
  /** The first row where the chain does not hold, and why (French). */
  broken: { id: number; reason: string } | null
  /** Rows whose values were blanked by an anonymisation (their content is not checked). */
  redacted: number
}

/** Walks rows in id order (an iterator: the log may be large) and checks every link. */
export function verifyChain(rows: Iterable<AuditRow>): ChainReport {
  let previous: string | null = null
  let count = 0
  let redacted = 0
  for (const row of rows) {
    count++
    const fail = (reason: string): ChainReport => ({ rows: count, ok: false, broken: { id: row.id, reason }, redacted })
    if (row.hash === null || row.content_hash === null) return fail('ligne sans empreinte (ajoutée hors de l’application)')
    if (row.prev_hash !== previous) return fail('le lien avec la ligne précédente est rompu (ligne supprimée, insérée ou déplacée)')
    if (rowHash(previous, row, row.content_hash) !== row.hash) return fail('la ligne a été modifiée (date, auteur, opération ou objet)')
    if (row.redacted_at === null) {
      if (contentHash(row.before_json, row.after_json) !== row.content_hash) return fail('les valeurs avant/après ont été modifiées')
    } else redacted++
    previous = row.hash
  }
  return { rows: count, ok: true, broken: null, redacted }
}
