import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../electron/main/db/migrate'
import { MIGRATIONS } from '../../electron/main/db/migrations'
import { migration0010 } from '../../electron/main/db/migrations/0010-init'
import { migration0020 } from '../../electron/main/db/migrations/0020-enrolment-workflow'
import { migration0030 } from '../../electron/main/db/migrations/0030-document-content'
import { openConnection, type Db } from '../../electron/main/db/open'
import { generateDemoData } from '../../electron/main/demo/generateDemoData'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

// A version 20 database with data, upgraded to 30: new nullable columns, nothing else changes.
let t: TempDb
let db: Db
beforeEach(async () => {
  t = await tempDb()
  t.db.close()
  db = openConnection(join(t.dir, 'v20.db'))
  await migrate(db, [migration0010, migration0020])
  generateDemoData(serviceContext(db, fixedClock()), { trainees: 60 })
})
afterEach(() => {
  if (db.open) db.close()
  t.cleanup()
})

const columns = (table: string) => db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => c.name)

describe('migration 0030 (document content)', () => {
  it('adds the action nature, the employer and the forced-generation record, keeping every row', async () => {
    const before = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM enrolment').get()?.n
    await migrate(db, MIGRATIONS.filter((m) => m.version <= migration0030.version), { backupDir: join(t.dir, 'sauvegardes') })
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(30)
    expect(columns('training')).toContain('action_nature')
    expect(columns('enrolment')).toContain('employer_name')
    expect(columns('generated_document')).toContain('forced_missing')
    expect(db.prepare<[], { n: number }>('SELECT count(*) AS n FROM enrolment').get()?.n).toBe(before)
    expect(db.prepare<[], { n: number }>('SELECT count(*) AS n FROM training WHERE action_nature IS NOT NULL').get()?.n).toBe(0)
    expect(() => db.prepare("UPDATE training SET action_nature = 'stage' WHERE id = (SELECT min(id) FROM training)").run()).toThrow(/CHECK/)
    db.prepare("UPDATE training SET action_nature = 'vae' WHERE id = (SELECT min(id) FROM training)").run()
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
