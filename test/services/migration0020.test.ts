import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../electron/main/db/migrate'
import { LATEST_VERSION, MIGRATIONS } from '../../electron/main/db/migrations'
import { migration0010 } from '../../electron/main/db/migrations/0010-init'
import { openConnection, type Db } from '../../electron/main/db/open'
import { generateDemoData } from '../../electron/main/demo/generateDemoData'
import { getDashboard } from '../../electron/main/services/dashboard/dashboardService'
import { deleteInterruption } from '../../electron/main/services/enrolments/interruptionService'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

// A database written by version 10 (the demo generator only uses the columns of 0010), upgraded.
let t: TempDb
let db: Db

beforeEach(async () => {
  t = await tempDb()
  t.db.close()
  db = openConnection(join(t.dir, 'v10.db'))
  await migrate(db, [migration0010])
  expect(schemaVersion(db)).toBe(10)
  generateDemoData(serviceContext(db, fixedClock()), { trainees: 300 })
})
afterEach(() => {
  if (db.open) db.close()
  t.cleanup()
})

const counts = (d: Db) =>
  Object.fromEntries(
    ['enrolment', 'enrolment_event', 'interruption', 'attendance_day', 'attendance_month', 'registration', 'audit_log'].map((name) => [
      name,
      (d.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n
    ])
  )

describe('migration 0020 (enrolment workflow)', () => {
  it('upgrades a version 10 database with data: indexes, interruption links, pending declarations', async () => {
    // An inconsistent denormalised value, as a version 10 writer could leave it.
    const victim = db.prepare('SELECT enrolment_id AS id FROM enrolment_event WHERE requires_declaration = 1 LIMIT 1').get() as { id: number }
    db.prepare("UPDATE enrolment SET kairos_pending_since = '2001-01-01' WHERE id = ?").run(victim.id)
    const before = counts(db)

    const report = await migrate(db, MIGRATIONS, { backupDir: join(t.dir, 'sauvegardes') })
    expect(report).toMatchObject({ from: 10, to: LATEST_VERSION })
    expect(report.backupPath && existsSync(report.backupPath)).toBe(true)
    expect(counts(db)).toEqual(before)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])

    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name)
    expect(indexes).toEqual(expect.arrayContaining(['enrolment_status_exit', 'registration_awaiting_result']))

    const wrong = db
      .prepare(
        `SELECT e.id FROM enrolment e WHERE e.kairos_pending_since IS NOT (
           SELECT min(ev.effective_date) FROM enrolment_event ev
           WHERE ev.enrolment_id = e.id AND ev.requires_declaration = 1 AND ev.kairos_declared_on IS NULL)`
      )
      .all()
    expect(wrong).toEqual([])

    // Every closed interruption is linked to the resumption recorded after it.
    const links = db
      .prepare(
        `SELECT i.end_date AS endDate, i.resumption_event_id AS eventId, ev.kind, ev.effective_date AS date, i.start_date AS start
         FROM interruption i LEFT JOIN enrolment_event ev ON ev.id = i.resumption_event_id`
      )
      .all() as { endDate: string | null; eventId: number | null; kind: string | null; date: string | null; start: string }[]
    expect(links.length).toBeGreaterThan(0)
    for (const l of links) {
      if (l.endDate === null) expect(l.eventId).toBeNull()
      else {
        expect(l.kind).toBe('resumption')
        expect(l.date! > l.start).toBe(true)
      }
    }
    // The services work on the upgraded file.
    expect(getDashboard(db, '2026-11-22').counters.length).toBeGreaterThan(0)
  })

  it('lets the service delete an upgraded interruption with both its events', async () => {
    await migrate(db, MIGRATIONS, { backupDir: join(t.dir, 'sauvegardes') })
    const ctx = serviceContext(db, fixedClock())
    const closed = db
      .prepare(
        `SELECT i.id, i.enrolment_id AS enrolmentId FROM interruption i
         JOIN enrolment_event ev ON ev.id = i.event_id
         WHERE i.end_date IS NOT NULL AND ev.kairos_declared_on IS NULL LIMIT 1`
      )
      .get() as { id: number; enrolmentId: number } | undefined
    if (!closed) {
      // The demo declares nearly everything; undo one declaration to have a deletable interruption.
      const any = db.prepare('SELECT i.id, i.enrolment_id AS enrolmentId, i.event_id AS eventId FROM interruption i WHERE i.end_date IS NOT NULL LIMIT 1').get() as {
        id: number
        enrolmentId: number
        eventId: number
      }
      db.prepare('UPDATE enrolment_event SET kairos_declared_on = NULL, kairos_declared_by = NULL WHERE id = ?').run(any.eventId)
      return expectDeleted(ctx, any)
    }
    return expectDeleted(ctx, closed)
  })
})

function expectDeleted(ctx: ReturnType<typeof serviceContext>, i: { id: number; enrolmentId: number }): void {
  const kinds = () =>
    (ctx.db.prepare("SELECT kind FROM enrolment_event WHERE enrolment_id = ? AND kind IN ('interruption', 'resumption')").all(i.enrolmentId) as { kind: string }[]).map((r) => r.kind)
  expect(kinds().sort()).toEqual(['interruption', 'resumption'])
  const detail = deleteInterruption(ctx, i.id)
  expect(detail.interruptions).toEqual([])
  expect(kinds()).toEqual([])
}
