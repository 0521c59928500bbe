import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EnrolmentFilter } from '@shared/api/areas/enrolments'
import { addDays, todayIso } from '@shared/domain/dates'
import type { Db } from '../../electron/main/db/open'
import { generateDemoData } from '../../electron/main/demo/generateDemoData'
import type { ServiceContext } from '../../electron/main/services/context'
import { COUNTER_KEYS, dashboardCounter, dashboardDeclarationsByAge } from '../../electron/main/services/dashboard/dashboardService'
import { markDeclared, unmarkDeclared } from '../../electron/main/services/enrolments/declarationService'
import { countEnrolments, getEnrolment, listEnrolments, pageEnrolments } from '../../electron/main/services/enrolments/enrolmentQueries'
import { transitionEnrolments } from '../../electron/main/services/enrolments/enrolmentService'
import { createInterruption, deleteInterruption, updateInterruption } from '../../electron/main/services/enrolments/interruptionService'
import { captureSql, queryPlan, type CapturedStatement } from '../helpers/sqlCapture'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

/*
 * Every statement the dashboard and the enrolments screens run, captured as the services run them
 * on demonstration data, must find its rows of the big tables through an index: a full scan of
 * enrolment, enrolment_event, attendance_day or attendance_month is 27 to 245 times slower on a
 * database of 100,000 enrolments (test/bench/dashboard.bench.ts measures them).
 *
 * One exception, checked as such: the grid without any filter lists the table itself; it walks
 * enrolment backwards by id and stops at the limit (no sort of the whole table).
 */

const BIG_TABLES = ['enrolment', 'enrolment_event', 'attendance_day', 'attendance_month'] as const

/** Names under which the big tables appear in a statement's plan: the table and its aliases. */
function bigNames(sql: string): Set<string> {
  const names = new Set<string>(BIG_TABLES)
  const re = new RegExp(`\\b(${BIG_TABLES.join('|')})\\s+(?:AS\\s+)?([a-z_][a-z0-9_]*)`, 'gi')
  for (const m of sql.matchAll(re)) {
    const alias = m[2] ?? ''
    if (!/^(ON|WHERE|JOIN|LEFT|SET|VALUES|GROUP|ORDER|LIMIT|USING|AND|INNER|CROSS)$/i.test(alias)) names.add(alias)
  }
  return names
}

function scansOfBigTables(db: Db, s: CapturedStatement): string[] {
  const names = bigNames(s.sql)
  return queryPlan(db, s).filter((line) => {
    const m = /^SCAN (\S+)/.exec(line)
    return m !== null && names.has(m[1] ?? '')
  })
}

let t: TempDb
let ctx: ServiceContext
let today: string
const captured: { label: string; statements: CapturedStatement[] }[] = []

function capture(label: string, run: (db: Db) => unknown): void {
  const c = captureSql(t.db)
  run(c.db)
  expect(c.statements.length, label).toBeGreaterThan(0)
  captured.push({ label, statements: c.statements })
}

beforeAll(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db, fixedClock())
  today = todayIso(ctx.clock.now())
  generateDemoData(ctx, { trainees: 400 })

  // The dashboard, as of today and of the days that switch the attendance months.
  for (const day of [today, addDays(today, 3), addDays(today, 10), '2026-12-25']) {
    for (const key of COUNTER_KEYS) capture(`dashboard.${key} ${day}`, (db) => dashboardCounter(db, key, day))
    capture(`dashboard.declarationsByAge ${day}`, (db) => dashboardDeclarationsByAge(db, day))
  }

  // The enrolments grid: every filter alone and the usual combinations.
  const someSession = (t.db.prepare("SELECT session_id AS id FROM enrolment WHERE status = 'entre' LIMIT 1").get() as { id: number }).id
  const someTrainee = (t.db.prepare('SELECT trainee_id AS id FROM enrolment LIMIT 1').get() as { id: number }).id
  const filters: EnrolmentFilter[] = [
    { statuses: ['entre'] },
    { statuses: ['sorti', 'abandon'] },
    { sessionId: someSession },
    { traineeId: someTrainee },
    { declaration: 'a_faire' },
    { declaration: 'en_retard' },
    { declaration: 'any_pending' },
    { entry: 'a_faire' },
    { entry: 'en_retard', statuses: ['inscrit'] },
    { search: 'le gall' },
    { search: 'martin', statuses: ['entre'] },
    { search: 'a', sessionId: someSession },
    { sessionId: someSession, statuses: ['inscrit', 'entre'] },
    { declaration: 'en_retard', sessionId: someSession }
  ]
  for (const f of filters) {
    capture(`enrolments:list ${JSON.stringify(f)}`, (db) => listEnrolments(db, f, today))
    capture(`enrolments:count ${JSON.stringify(f)}`, (db) => countEnrolments(db, f, today))
    // The grid's paged read: a continuation page after a cursor, and its total.
    capture(`enrolments:page ${JSON.stringify(f)}`, (db) => pageEnrolments(db, f, { after: { id: 1_000_000 }, limit: 2500 }, today))
  }
  capture('enrolments:list {}', (db) => listEnrolments(db, {}, today))
  const entered = (t.db.prepare("SELECT id FROM enrolment WHERE status = 'entre' ORDER BY id LIMIT 2").all() as { id: number }[]).map((r) => r.id)
  capture('enrolments:get', (db) => getEnrolment(db, entered[0] ?? 0, today))

  // The writes of the screen, on real rows.
  const writer = (db: Db): ServiceContext => ({ ...ctx, db })
  const first = entered[0] ?? 0
  const entry = (t.db.prepare("SELECT entry_date AS d FROM enrolment WHERE id = ?").get(first) as { d: string }).d
  capture('interruptions:create', (db) => createInterruption(writer(db), { enrolmentId: first, startDate: addDays(entry, 1), endDate: null, reason: 'Arrêt maladie', comment: null }))
  const interruption = (t.db.prepare('SELECT max(id) AS id FROM interruption').get() as { id: number }).id
  capture('interruptions:update', (db) => updateInterruption(writer(db), interruption, { endDate: addDays(entry, 20) }))
  capture('enrolments:markDeclared', (db) => markDeclared(writer(db), { eventIds: [], enrolmentIds: [first], declaredOn: today }))
  const declared = (t.db.prepare("SELECT id FROM enrolment_event WHERE enrolment_id = ? AND kind = 'interruption'").get(first) as { id: number }).id
  capture('enrolments:unmarkDeclared', (db) => unmarkDeclared(writer(db), declared))
  capture('interruptions:delete', (db) => deleteInterruption(writer(db), interruption))
  capture('enrolments:transition', (db) =>
    transitionEnrolments(writer(db), entered, { to: 'abandon', effectiveDate: today, reasonCode: 'demenagement', comment: null })
  )
})
afterAll(() => {
  // DUMP_PLANS=1 npx vitest run test/services/queryPlans.test.ts prints every plan, for review.
  if (process.env.DUMP_PLANS) for (const c of captured) for (const s of c.statements) console.log(`${c.label} | ${queryPlan(t.db, s).join(' / ')}`)
  t.cleanup()
})

describe('query plans of the dashboard and the enrolments screens', () => {
  it('captured the statements of every screen', () => {
    expect(captured.length).toBeGreaterThan(60)
  })

  it('never scans enrolment, enrolment_event, attendance_day or attendance_month', () => {
    const problems: string[] = []
    for (const { label, statements } of captured) {
      for (const s of statements) {
        const scans = scansOfBigTables(t.db, s)
        if (label === 'enrolments:list {}') continue
        if (scans.length > 0) problems.push(`${label}: ${scans.join(', ')}\n  ${s.sql.replace(/\s+/g, ' ').slice(0, 300)}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('lists the unfiltered grid by walking the table up to the limit, without sorting it', () => {
    const list = captured.find((c) => c.label === 'enrolments:list {}')
    const statement = list?.statements.find((s) => /\bLIMIT @limit\b/.test(s.sql))
    expect(statement).toBeDefined()
    const plan = queryPlan(t.db, statement as CapturedStatement)
    expect(plan[0]).toBe('SCAN e')
    expect(plan.some((l) => /TEMP B-TREE/.test(l))).toBe(false)
  })

  it('detects a scan when there is one (the check itself works)', () => {
    const s: CapturedStatement = { sql: "SELECT count(*) FROM enrolment e WHERE e.funding = 'aif'", params: [] }
    expect(scansOfBigTables(t.db, s)).toEqual(['SCAN e'])
    const m: CapturedStatement = { sql: 'SELECT * FROM attendance_month WHERE attested_by = ?', params: ['x'] }
    expect(scansOfBigTables(t.db, m)).toEqual(['SCAN attendance_month'])
  })
})
