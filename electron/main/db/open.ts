import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations'
import { migrate, type MigrationReport } from './migrate'

export type Db = Database.Database

/** Opens the file with the settings every connection needs; does not migrate. */
export function openConnection(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  // Attendance and declarations are legal evidence: FULL costs little with batched writes.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  return db
}

/** Opens and brings the schema up to date; refuses a database from a newer app. */
export async function openDatabase(path: string): Promise<{ db: Db; migration: MigrationReport }> {
  const db = openConnection(path)
  try {
    const migration = await migrate(db, MIGRATIONS)
    return { db, migration }
  } catch (e) {
    db.close()
    throw e
  }
}
