import type { Clerk } from '@shared/api/areas/clerks'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import type { Clock } from '../context'

const CURRENT_KEY = 'current_clerk_id'

export function listClerks(db: Db): Clerk[] {
  return db.prepare<unknown[], Clerk>('SELECT id, name FROM clerk WHERE active = 1 ORDER BY name COLLATE NOCASE').all()
}

export function currentClerk(db: Db): Clerk | null {
  const row = db
    .prepare<unknown[], Clerk>(
      `SELECT c.id, c.name FROM app_setting s JOIN clerk c ON c.id = CAST(s.value AS INTEGER)
       WHERE s.key = ? AND c.active = 1`
    )
    .get(CURRENT_KEY)
  return row ?? null
}

/**
 * The clerk's name chosen at start or when switching: found case-insensitively, created the first
 * time; the switch is audited under the clerk chosen, with the window's previous clerk.
 */
export function selectClerk(db: Db, clock: Clock, name: string, previous: string | null = null): Clerk {
  return db.transaction(() => {
    const clean = name.trim().replace(/\s+/g, ' ')
    let clerk = db.prepare<unknown[], Clerk>('SELECT id, name FROM clerk WHERE name = ? COLLATE NOCASE').get(clean)
    if (!clerk) {
      const info = db.prepare('INSERT INTO clerk (name, created_at) VALUES (?, ?)').run(clean, clock.now().toISOString())
      clerk = { id: Number(info.lastInsertRowid), name: clean }
    }
    db.prepare('UPDATE clerk SET active = 1 WHERE id = ?').run(clerk.id)
    db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      CURRENT_KEY,
      String(clerk.id)
    )
    recordAudit({ db, clock, actor: { clerkId: clerk.id, name: clerk.name } }, { operation: 'clerks.select', entity: 'clerk', entityId: clerk.id, before: { clerk: previous }, after: { clerk: clerk.name } })
    return clerk
  })()
}
