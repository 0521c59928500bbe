import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../electron/main/db/migrate'
import { MIGRATIONS } from '../../electron/main/db/migrations'
import { openConnection, type Db } from '../../electron/main/db/open'
import { tempDb, type TempDb } from '../helpers/tempDb'

// A database at the version just before 0040, with a session and a registered document, upgraded.
let t: TempDb
let db: Db

beforeEach(async () => {
  t = await tempDb()
  t.db.close()
  db = openConnection(join(t.dir, 'v30.db'))
  await migrate(db, MIGRATIONS.filter((m) => m.version < 40))
  expect(schemaVersion(db)).toBe(30)
  const at = '2026-11-20T09:00:00.000Z'
  db.prepare("INSERT INTO training (id, title, created_at, updated_at) VALUES (1, 'Cuisine', ?, ?)").run(at, at)
  db.prepare("INSERT INTO session (id, training_id, weekly_hours_json, created_at, updated_at) VALUES (1, 1, '[7,7,7,7,3.5,0,0]', ?, ?)").run(at, at)
  db.prepare(
    `INSERT INTO generated_document (kind, session_id, period, file_name, path, sha256, size_bytes, generated_at, generated_by)
     VALUES ('emargement', 1, '2026-11-16', 'a.pdf', '/tmp/a.pdf', ?, 10, ?, 'Claire')`
  ).run('a'.repeat(64), at)
})
afterEach(() => {
  if (db.open) db.close()
  t.cleanup()
})

describe('migration 0040 (session timetables, verification codes)', () => {
  it('keeps earlier documents (no code) and adds the timetable tables with their checks', async () => {
    await migrate(db, MIGRATIONS, { backupDir: join(t.dir, 'sauvegardes') })
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(40)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const doc = db.prepare<[], { code: string | null }>('SELECT verification_code AS code FROM generated_document').get()
    expect(doc).toEqual({ code: null })

    db.prepare("INSERT INTO session_schedule (session_id, weekday, am_start, am_end) VALUES (1, 5, '09:00', '12:30')").run()
    expect(() => db.prepare("INSERT INTO session_schedule (session_id, weekday, am_start, am_end) VALUES (1, 1, '12:30', '09:00')").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO session_schedule (session_id, weekday, am_start) VALUES (1, 2, '09:00')").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO session_schedule (session_id, weekday, am_start, am_end) VALUES (1, 8, '09:00', '10:00')").run()).toThrow(/CHECK/)
    db.prepare("INSERT INTO session_subject (session_id, date, half, subject) VALUES (1, '2026-11-16', 'am', 'Hygiène HACCP')").run()
    expect(() => db.prepare("INSERT INTO session_subject (session_id, date, half, subject) VALUES (1, '2026-11-16', 'soir', 'x')").run()).toThrow(/CHECK/)

    // Codes are unique; several documents may have none.
    const insert = db.prepare<[string | null]>(
      `INSERT INTO generated_document (kind, session_id, file_name, path, sha256, size_bytes, generated_at, generated_by, verification_code)
       VALUES ('emargement', 1, 'b.pdf', '/tmp/b.pdf', '${'b'.repeat(64)}', 10, '2026-11-21T09:00:00.000Z', 'Claire', ?)`
    )
    insert.run('K7QX2MA4PD')
    insert.run(null)
    expect(() => insert.run('K7QX2MA4PD')).toThrow(/UNIQUE/)

    // Deleting a session deletes its timetable and subjects.
    db.prepare('DELETE FROM generated_document').run()
    db.prepare('DELETE FROM session WHERE id = 1').run()
    expect(db.prepare<[], { n: number }>('SELECT (SELECT count(*) FROM session_schedule) + (SELECT count(*) FROM session_subject) AS n').get()?.n).toBe(0)
  })
})
