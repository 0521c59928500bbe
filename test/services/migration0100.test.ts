import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../electron/main/db/migrate'
import { MIGRATIONS } from '../../electron/main/db/migrations'
import { migration0100 } from '../../electron/main/db/migrations/0100-document-hours'
import { openConnection, type Db } from '../../electron/main/db/open'
import { tempDb, type TempDb } from '../helpers/tempDb'

// A version 90 database with a register row, upgraded to 100: one nullable column, nothing else changes.
let t: TempDb
let db: Db
beforeEach(async () => {
  t = await tempDb()
  t.db.close()
  db = openConnection(join(t.dir, 'v90.db'))
  await migrate(db, MIGRATIONS.filter((m) => m.version < migration0100.version))
  db.prepare(
    `INSERT INTO generated_document (kind, file_name, path, sha256, size_bytes, generated_at, generated_by)
     VALUES ('certificat_realisation', 'c.pdf', '/tmp/c.pdf', ?, 10, '2026-11-30T10:00:00Z', 'test')`
  ).run('a'.repeat(64))
})
afterEach(() => {
  if (db.open) db.close()
  t.cleanup()
})

describe('migration 0100 (hours printed on a document)', () => {
  it('adds generated_document.hours, NULL for earlier documents, never negative', async () => {
    await migrate(db, MIGRATIONS.filter((m) => m.version <= migration0100.version), { backupDir: join(t.dir, 'sauvegardes') })
    expect(schemaVersion(db)).toBe(100)
    expect(db.prepare<[], { hours: number | null; n: number }>('SELECT hours, count(*) AS n FROM generated_document').get()).toEqual({ hours: null, n: 1 })
    db.prepare('UPDATE generated_document SET hours = 129.5').run()
    expect(() => db.prepare('UPDATE generated_document SET hours = -1').run()).toThrow(/CHECK/)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
