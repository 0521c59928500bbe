import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../electron/main/db/migrate'
import { MIGRATIONS } from '../../electron/main/db/migrations'
import { migration0110 } from '../../electron/main/db/migrations/0110-answered-requests'
import { openConnection, type Db } from '../../electron/main/db/open'
import { tempDb, type TempDb } from '../helpers/tempDb'

// A version 100 database upgraded to 110: one new table for the answers of keyed writes, nothing else changes.
let t: TempDb
let db: Db
beforeEach(async () => {
  t = await tempDb()
  t.db.close()
  db = openConnection(join(t.dir, 'v100.db'))
  await migrate(db, MIGRATIONS.filter((m) => m.version < migration0110.version))
})
afterEach(() => {
  if (db.open) db.close()
  t.cleanup()
})

describe('migration 0110 (answered requests)', () => {
  it('adds answered_request: one row per key, a UUID-long key, valid JSON or NULL', async () => {
    const tables = () => db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name)
    const before = tables()
    await migrate(db, MIGRATIONS.filter((m) => m.version <= migration0110.version), { backupDir: join(t.dir, 'sauvegardes') })
    expect(schemaVersion(db)).toBe(110)
    expect(tables()).toEqual([...before, 'answered_request'].sort())
    const key = '3f2b8c1e-9d4a-4e6b-8a7c-1b2d3e4f5a60'
    const insert = db.prepare('INSERT INTO answered_request (key, op, ok, result, created_at) VALUES (?, ?, ?, ?, ?)')
    insert.run(key, 'trainees:create', 1, '{"ok":true,"value":1}', '2026-11-22T09:30:00.000Z')
    expect(() => insert.run(key, 'trainees:create', 1, null, '2026-11-22T09:30:00.000Z')).toThrow(/UNIQUE|PRIMARY/)
    expect(() => insert.run('court', 'trainees:create', 1, null, '2026-11-22T09:30:00.000Z')).toThrow(/CHECK/)
    expect(() => insert.run(key.replace('0', '1'), 'trainees:create', 1, '{pas du json', '2026-11-22T09:30:00.000Z')).toThrow(/CHECK/)
    expect(() => insert.run(key.replace('0', '2'), 'trainees:create', 2, null, '2026-11-22T09:30:00.000Z')).toThrow(/CHECK/)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
