import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayIso } from '@shared/domain/dates'
import { previousMonth } from '@shared/domain/deadlines'
import type { Db } from '../../electron/main/db/open'
import { generateDemoData } from '../../electron/main/demo/generateDemoData'
import { exportAttendance } from '../../electron/main/services/attendance/attendanceExport'
import { loadMonth } from '../../electron/main/services/attendance/attendanceMonth'
import { attestMonth, monthGrid, prefillAttendance, saveAttendance, unlockMonth } from '../../electron/main/services/attendance/attendanceService'
import type { ServiceContext } from '../../electron/main/services/context'
import { captureSql, queryPlan, type CapturedStatement } from '../helpers/sqlCapture'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

/*
 * Every statement of the attendance services, captured as they run on demonstration data, finds
 * its rows through an index: no scan of any table (only of the list of ids passed as JSON, and of
 * the list of active enrolments it builds first); attendance_day is searched by its primary key
 * (enrolment_id, date), one enrolment at a time, never through the date index (a month of every
 * trainee of the organisation). Checked without statistics and after ANALYZE.
 */

let t: TempDb
let ctx: ServiceContext
let month: string
let sessionId: number
const captured: { label: string; statements: CapturedStatement[] }[] = []

function capture(label: string, run: (db: Db) => unknown): void {
  const c = captureSql(t.db)
  run(c.db)
  expect(c.statements.length, label).toBeGreaterThan(0)
  captured.push({ label, statements: c.statements })
}

const asCtx = (db: Db): ServiceContext => ({ ...ctx, db })

beforeAll(async () => {
  t = await tempDb()
  // The 26th: the current month can be attested.
  ctx = serviceContext(t.db, fixedClock('2026-11-26T09:30:00.000Z'))
  generateDemoData(ctx, { trainees: 400 })
  month = previousMonth(todayIso(ctx.clock.now()).slice(0, 7))
  const busiest = t.db
    .prepare(`SELECT session_id AS id FROM enrolment WHERE status = 'entre' GROUP BY session_id ORDER BY count(*) DESC LIMIT 1`)
    .get() as { id: number }
  sessionId = busiest.id
  const current = todayIso(ctx.clock.now()).slice(0, 7)
  const grid = monthGrid(t.db, current, sessionId, todayIso(ctx.clock.now()))
  const first = grid.rows[0]
  if (!first) throw new Error('demo session without trainees')

  capture('month, all sessions', (db) => loadMonth(db, month, {}, {}))
  capture('month, one session', (db) => loadMonth(db, month, { sessionId }, {}))
  capture('save', (db) => saveAttendance(asCtx(db), current, [{ enrolmentId: first.enrolmentId, date: `${current}-02`, value: 5 }]))
  capture('prefill', (db) => prefillAttendance(asCtx(db), current, { sessionId }))
  capture('attest', (db) => attestMonth(asCtx(db), current, sessionId))
  capture('unlock', (db) => unlockMonth(asCtx(db), current, sessionId, 'Correction demandée'))
  capture('export', async (db) => exportAttendance(db, { month, format: 'csv', layout: 'kairos', comment: null }))
})
afterAll(() => t?.cleanup())

/** The table behind an alias of a statement (`interruption AS i` → interruption). */
function tableOf(sql: string, alias: string): string {
  const m = new RegExp(`\\b(?:FROM|JOIN)\\s+([a-z_]+)\\s+(?:AS\\s+)?${alias}\\b`, 'i').exec(sql)
  return m?.[1] ?? alias
}

const rowCount = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n

/**
 * Scans other than of the id list (json_each) or of the CTE of active enrolments. With
 * statistics, a table of a handful of rows may be read whole (the demo has 2 interruptions): the
 * planner is right, and `tinyTablesAllowed` accepts it.
 */
function problems(tinyTablesAllowed = false): string[] {
  const found: string[] = []
  for (const { label, statements } of captured) {
    for (const s of statements) {
      for (const line of queryPlan(t.db, s)) {
        const scan = /^SCAN (\S+)/.exec(line)
        if (scan === null || ['j', 'json_each', 'a'].includes(scan[1] ?? '')) continue
        if (tinyTablesAllowed && rowCount(tableOf(s.sql, scan[1] ?? '')) < 50) continue
        found.push(`${label}: ${line} — ${s.sql.replace(/\s+/g, ' ').slice(0, 120)}`)
      }
      for (const line of queryPlan(t.db, s)) {
        if (/USING (COVERING )?INDEX attendance_day_date/.test(line)) found.push(`${label}: date index — ${line}`)
        if (/MULTI-INDEX OR/.test(line)) found.push(`${label}: ${line} — ${s.sql.replace(/\s+/g, ' ').slice(0, 120)}`)
      }
    }
  }
  return found
}

describe('attendance query plans', () => {
  it('searches every big table through an index (no statistics)', () => {
    expect(problems()).toEqual([])
  })

  it('searches attendance_day by its primary key', () => {
    const days = captured.flatMap((c) => c.statements).filter((s) => /attendance_day AS d/.test(s.sql))
    expect(days.length).toBeGreaterThan(0)
    for (const s of days) expect(queryPlan(t.db, s).join('\n')).toMatch(/SEARCH d USING PRIMARY KEY \(enrolment_id=\? AND date>\? AND date<\?\)/)
  })

  it('still does after ANALYZE', () => {
    t.db.exec('ANALYZE')
    expect(problems(true)).toEqual([])
  })
})
