import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../electron/main/db/migrate'
import { LATEST_VERSION, MIGRATIONS } from '../../electron/main/db/migrations'
import { openConnection, type Db } from '../../electron/main/db/open'
import { tempDb, type TempDb } from '../helpers/tempDb'
import { quotesWorld } from './quotesWorld'

// A version 40 database with a session and enrolments, and a quote and invoice as a version 10–40 writer could leave them.
let t: TempDb
let db: Db

beforeEach(async () => {
  t = await tempDb()
  t.db.close()
  db = openConnection(join(t.dir, 'v40.db'))
  await migrate(db, MIGRATIONS.filter((m) => m.version <= 40))
  expect(schemaVersion(db)).toBe(40)
  // Plain SQL (no service, no audit entry): the data a version 40 writer leaves.
  quotesWorld(db)
})
afterEach(() => {
  if (db.open) db.close()
  t.cleanup()
})

describe('migration 0050 (AIF quotes)', () => {
  it('rebuilds aif_quote with the workflow statuses, keeps legacy rows, funders and invoice links', async () => {
    const e = db.prepare<[], { id: number; sessionId: number; traineeId: number }>('SELECT id, session_id AS sessionId, trainee_id AS traineeId FROM enrolment LIMIT 1').get()!
    const now = '2026-11-01T10:00:00.000Z'
    db.prepare(
      `INSERT INTO aif_quote (id, number, trainee_id, session_id, enrolment_id, status, start_date, end_date, hours, total_cents, cpf_cents, own_contribution_cents, created_at, updated_at)
       VALUES (7, 'Q-OLD-1', ?, ?, ?, 'accepted', '2026-12-01', '2027-02-01', 350.5, 420000, 20000, 0, ?, ?)`
    ).run(e.traineeId, e.sessionId, e.id, now, now)
    db.prepare("INSERT INTO aif_quote_funder (quote_id, funder, amount_cents) VALUES (7, 'region', 10000)").run()
    db.prepare(
      `INSERT INTO invoice (number, session_id, quote_id, buyer_name, issue_date, total_ht_cents, total_ttc_cents, created_at, updated_at)
       VALUES ('F-1', ?, 7, 'France Travail', '2026-11-30', 1, 1, ?, ?)`
    ).run(e.sessionId, now, now)
    const enrolments = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM enrolment').get()!.n

    await migrate(db, MIGRATIONS, { backupDir: join(t.dir, 'sauvegardes') })
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    expect(db.prepare<[], { n: number }>('SELECT count(*) AS n FROM enrolment').get()!.n).toBe(enrolments)

    const q = db
      .prepare<[], { status: string; hours: number; total: number; ft: number; sequence: number }>(
        'SELECT status, hours_centre_hundredths AS hours, total_cents AS total, france_travail_cents AS ft, sequence FROM aif_quote WHERE id = 7'
      )
      .get()
    expect(q).toEqual({ status: 'validated', hours: 35050, total: 420000, ft: 400000, sequence: 7 })
    const funders = db.prepare<[], { funder: string; amount: number }>('SELECT funder, amount_cents AS amount FROM aif_quote_funder WHERE quote_id = 7 ORDER BY funder').all()
    expect(funders).toEqual([
      { funder: 'cpf', amount: 20000 },
      { funder: 'region', amount: 10000 }
    ])
    expect(db.prepare<[], { quoteId: number }>("SELECT quote_id AS quoteId FROM invoice WHERE number = 'F-1'").get()).toEqual({ quoteId: 7 })

    // The new statuses are accepted, a second active quote of the enrolment is not.
    const insert = db.prepare(
      `INSERT INTO aif_quote (number, year, sequence, trainee_id, session_id, enrolment_id, status, start_date, end_date, total_cents, created_at, created_by, updated_at)
       VALUES (?, 2026, ?, ?, ?, ?, ?, '2026-12-01', '2027-02-01', 1000, ?, 'test', ?)`
    )
    expect(() => insert.run('DEV-2026-0100', 100, e.traineeId, e.sessionId, e.id, 'draft', now, now)).toThrow(/UNIQUE/)
    db.prepare("UPDATE aif_quote SET status = 'superseded' WHERE id = 7").run()
    insert.run('DEV-2026-0100', 100, e.traineeId, e.sessionId, e.id, 'draft', now, now)
    expect(() => db.prepare("UPDATE aif_quote SET status = 'bogus' WHERE id = 7").run()).toThrow(/CHECK/)

    // Session funders carry their teaching cost and reference.
    db.prepare("INSERT INTO session_funder (session_id, funder_code, teaching_cost_cents, cost_unit, reference) VALUES (?, 'region', 1250, 'hour', 'Marché 2026-04')").run(e.sessionId)
    expect(() => db.prepare("INSERT INTO session_funder (session_id, funder_code, cost_unit) VALUES (?, 'cpf', 'day')").run(e.sessionId)).toThrow(/CHECK/)
  })
})
