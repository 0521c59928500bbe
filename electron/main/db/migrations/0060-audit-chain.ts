import type { Migration } from '../migration'
import { type AuditRow, contentHash, rowHash } from '../../services/audit/auditChain'

/*
 * The audit log becomes append-only and chained (services/audit/auditChain.ts): existing rows are
 * chained in id order; from now on every row must arrive with its hashes, no row can be deleted,
 * and the only change allowed is the blanking of its values by an anonymisation (redacted_at).
 */
export const migration0060: Migration = {
  version: 60,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN content_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
      ALTER TABLE audit_log ADD COLUMN redacted_at TEXT;
      CREATE INDEX audit_log_clerk ON audit_log (clerk_name, at);
      CREATE INDEX audit_log_operation ON audit_log (operation, at);
    `)
    const update = db.prepare('UPDATE audit_log SET content_hash = ?, prev_hash = ?, hash = ? WHERE id = ?')
    let previous: string | null = null
    for (const row of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').all()) {
      const content = contentHash(row.before_json, row.after_json)
      const hash = rowHash(previous, row, content)
      update.run(content, previous, hash, row.id)
      previous = hash
    }
    db.exec(`
      CREATE TRIGGER audit_log_hashed BEFORE INSERT ON audit_log
      WHEN NEW.hash IS NULL OR NEW.content_hash IS NULL OR NEW.redacted_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'Le journal d’audit n’accepte que des lignes chaînées.'); END;

      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'Le journal d’audit ne se supprime pas.'); END;

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.clerk_id IS NOT OLD.clerk_id OR NEW.clerk_name IS NOT OLD.clerk_name
        OR NEW.operation IS NOT OLD.operation OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id
        OR NEW.content_hash IS NOT OLD.content_hash OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash
        OR NEW.redacted_at IS NULL
      BEGIN SELECT RAISE(ABORT, 'Le journal d’audit ne se modifie pas (seule une anonymisation peut en effacer les valeurs).'); END;
    `)
  }
}
