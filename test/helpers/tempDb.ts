import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Db } from '../../electron/main/db/open'
import type { Clock, ServiceContext } from '../../electron/main/services/context'

export type TempDb = { db: Db; dir: string; path: string; cleanup: () => void }

/** A real SQLite file in a fresh temp folder, migrated to the latest schema. */
export async function tempDb(): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-test-'))
  const path = join(dir, 'passerelle.db')
  const { db } = await openDatabase(path)
  return {
    db,
    dir,
    path,
    cleanup: () => {
      if (db.open) db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export const fixedClock = (iso = '2026-11-22T09:30:00.000Z'): Clock => ({ now: () => new Date(iso) })

export function serviceContext(db: Db, clock: Clock = fixedClock(), name = 'Claire Martin'): ServiceContext {
  const row = db.prepare('INSERT INTO clerk (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id').get(name, clock.now().toISOString()) as { id: number }
  return { db, clock, actor: { clerkId: row.id, name } }
}
