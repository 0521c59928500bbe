import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations'
import { migrate, type MigrationReport } from './migrate'
import { immediateByDefault } from './writeLock'

export type Db = Database.Database

/**
 * How long a write waits for another connection's write lock before SQLite answers « busy ». The
 * main process keeps it short (the wait blocks its thread) and retries asynchronously in the
 * dispatcher; worker threads can afford to wait longer.
 */
export type ConnectionOptions = { busyTimeoutMs?: number }

/** Opens the file with the settings every connection needs; does not migrate. */
export function openConnection(path: string, options: ConnectionOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  // Attendance and declarations are legal evidence: FULL costs little with batched writes.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 5000))}`)
  immediateByDefault(db)
  return db
}

/** Opens and brings the schema up to date; refuses a database from a newer app. */
export async function openDatabase(path: string, options: ConnectionOptions = {}): Promise<{ db: Db; migration: MigrationReport }> {
  const db = openConnection(path, options)
  try {
    const migration = await migrate(db, MIGRATIONS)
    return { db, migration }
  } catch (e) {
    db.close()
    throw e
  }
}
