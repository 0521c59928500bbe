import Database from 'better-sqlite3'
import type { Db } from '../../electron/main/db/open'
import { generateDemoData } from '../../electron/main/demo/generateDemoData'
import type { ServiceContext } from '../../electron/main/services/context'

/** A value as stored, tagged by its SQLite type: a REAL 1.0 and an INTEGER 1 differ, blobs compare by bytes. */
function tag(v: unknown): string {
  if (v === null) return 'null'
  if (Buffer.isBuffer(v)) return `blob:${v.toString('hex')}`
  if (typeof v === 'bigint') return `int:${v}`
  if (typeof v === 'number') return `num:${Object.is(v, -0) ? '-0' : String(v)}`
  return `${typeof v}:${String(v)}`
}

export type Dump = { version: number; schema: string[]; tables: Record<string, string[]> }

/**
 * Every table's rows (in rowid or primary key order), each value with its storage class and exact
 * text, plus the schema and its version: two equal dumps are the same data byte for byte.
 */
export function dumpAll(db: Db): Dump {
  const schema = db
    .prepare<[], { type: string; name: string; sql: string | null }>("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all()
  const tables: Record<string, string[]> = {}
  for (const t of schema.filter((s) => s.type === 'table')) {
    const order = /WITHOUT ROWID/i.test(t.sql ?? '') ? '1' : 'rowid'
    const columns = db.prepare(`SELECT * FROM "${t.name}"`).columns().map((c) => `"${c.name}"`)
    const rows = db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${order}`).raw(true).all() as unknown[][]
    const types = db.prepare(`SELECT ${columns.map((c) => `typeof(${c})`).join(', ')} FROM "${t.name}" ORDER BY ${order}`).raw(true).all() as string[][]
    tables[t.name] = rows.map((r, i) => r.map((v, j) => `${types[i]?.[j]}|${tag(v)}`).join('\u0001'))
  }
  return { version: Number(db.pragma('user_version', { simple: true })), schema: schema.map((s) => `${s.type} ${s.name} ${s.sql}`), tables }
}

/** A dump of a database file opened read-only (a backup on disk). */
export function dumpFile(path: string): Dump {
  const db = new Database(path, { readonly: true })
  try {
    return dumpAll(db)
  } finally {
    db.close()
  }
}

/** Demo data across most tables (trainings, sessions, trainees, enrolments, attendance, audit). */
export function seedDemo(ctx: ServiceContext): void {
  generateDemoData(ctx, { trainees: 25, seed: 7 })
}

/** Changes after the backup: an edit, a deletion's absence, new rows, a setting. */
export function changeEverything(ctx: ServiceContext): void {
  const db = ctx.db
  db.transaction(() => {
    db.prepare("UPDATE trainee SET last_name = 'Modifié' WHERE id = (SELECT min(id) FROM trainee)").run()
    db.prepare("INSERT INTO clerk (name, created_at) VALUES ('Nouvelle Personne', '2026-12-03T10:00:00.000Z')").run()
    db.prepare("INSERT INTO app_setting (key, value) VALUES ('after.backup', 'oui')").run()
  })()
}
