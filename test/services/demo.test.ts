import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoData, DEMO_REFUSED_MESSAGE } from '../../electron/main/demo/generateDemoData'
import type { ServiceContext } from '../../electron/main/services/context'
import { AppError } from '@shared/api/result'
import { addDays, dayOfWeek, diffDays, todayIso } from '@shared/domain/dates'
import { ENROLMENT_STATUS_CODES } from '@shared/domain/enrolment'
import { checkFranceTravailId } from '@shared/domain/franceTravailId'
import { checkNda } from '@shared/domain/nda'
import { checkSiret } from '@shared/domain/siret'
import { foldForSearch } from '@shared/domain/text'
import type { DemoSummary } from '@shared/api/areas/demo'
import { TraineePatch } from '@shared/api/areas/trainees'
import { contract } from '@shared/api/contract'
import { listTrainees } from '../../electron/main/services/trainees/traineeService'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

const NOW = fixedClock().now()
const TODAY = todayIso(NOW) // 2026-11-22 in France
const YESTERDAY = addDays(TODAY, -1)

const TABLES = [
  'organisation', 'partner_org', 'place', 'training', 'training_action', 'session', 'session_funder', 'session_break',
  'recruitment_event', 'trainee', 'registration', 'registration_transfer', 'enrolment', 'enrolment_event', 'interruption',
  'attendance_day', 'attendance_month', 'exit_report', 'aif_quote', 'aif_quote_funder', 'audit_log', 'clerk'
] as const

function tableCounts(t: TempDb): Record<string, number> {
  return Object.fromEntries(TABLES.map((name) => [name, (t.db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]))
}

const all = <T>(t: TempDb, sql: string, ...params: unknown[]): T[] => t.db.prepare(sql).all(...params) as T[]

describe('demo data (300 trainees)', () => {
  let t: TempDb
  let ctx: ServiceContext
  let summary: DemoSummary

  beforeAll(async () => {
    t = await tempDb()
    ctx = serviceContext(t.db, fixedClock())
    summary = generateDemoData(ctx, { trainees: 300 })
  })
  afterAll(() => t.cleanup())

  it('returns the counts of what it inserted', () => {
    const c = tableCounts(t)
    expect(summary).toEqual({
      trainings: c.training,
      sessions: c.session,
      recruitmentEvents: c.recruitment_event,
      trainees: c.trainee,
      enrolments: c.enrolment,
      attendanceDays: c.attendance_day
    })
    expect(summary.trainees).toBe(300)
    expect(summary.trainings).toBeGreaterThanOrEqual(8)
    expect(summary.trainings).toBeLessThanOrEqual(12)
    // About 70 % of the trainees are enrolled, each once.
    expect(summary.enrolments).toBe(210)
    expect(summary.attendanceDays).toBeGreaterThan(1000)
  })

  it('leaves a sound database: integrity and foreign keys', () => {
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(t.db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
  })

  it('describes a valid organisation', () => {
    const org = t.db.prepare('SELECT * FROM organisation').get() as Record<string, string | null>
    expect(checkSiret(org.siret ?? '').ok).toBe(true)
    expect(checkNda(org.nda ?? '').ok).toBe(true)
    expect(org).toMatchObject({ legal_form: 'SAS', signatory_title: 'Directrice', region_code: '53' })
    expect(org.qualiopi_valid_until! > TODAY).toBe(true)
  })

  it('uses every enrolment status', () => {
    const statuses = all<{ status: string }>(t, 'SELECT DISTINCT status FROM enrolment').map((r) => r.status)
    expect(statuses.sort()).toEqual([...ENROLMENT_STATUS_CODES].sort())
  })

  it('has past, running and future sessions, with at most 16 enrolments each', () => {
    const s = t.db
      .prepare(
        `SELECT sum(end_date < ?) AS past, sum(start_date <= ? AND end_date >= ?) AS running, sum(start_date > ?) AS future FROM session`
      )
      .get(TODAY, TODAY, TODAY, TODAY) as { past: number; running: number; future: number }
    expect(s.past).toBeGreaterThan(0)
    expect(s.running).toBeGreaterThan(0)
    expect(s.future).toBeGreaterThan(0)
    const max = t.db.prepare('SELECT max(n) AS m FROM (SELECT count(*) AS n FROM enrolment GROUP BY session_id)').get() as { m: number }
    expect(max.m).toBeLessThanOrEqual(16)
  })

  it('keeps enrolment dates within their session', () => {
    const rows = all<Record<string, string | null>>(
      t,
      `SELECT e.id, e.status, e.planned_start_date, e.planned_end_date, e.entry_date, e.exit_date, s.start_date, s.end_date
       FROM enrolment e JOIN session s ON s.id = e.session_id`
    )
    for (const r of rows) {
      expect(r.planned_start_date! >= r.start_date!, `enrolment ${r.id}`).toBe(true)
      expect(r.planned_end_date! <= r.end_date!, `enrolment ${r.id}`).toBe(true)
      if (r.entry_date) {
        expect(r.entry_date >= r.start_date!, `enrolment ${r.id}`).toBe(true)
        expect(r.entry_date <= r.end_date!, `enrolment ${r.id}`).toBe(true)
        expect(r.entry_date <= TODAY).toBe(true)
      }
      if (r.exit_date) expect(r.exit_date >= r.entry_date! && r.exit_date <= TODAY, `enrolment ${r.id}`).toBe(true)
      const entered = ['entre', 'sorti', 'abandon'].includes(r.status!)
      expect(r.entry_date !== null, `enrolment ${r.id} (${r.status})`).toBe(entered)
      expect(r.exit_date !== null, `enrolment ${r.id} (${r.status})`).toBe(r.status === 'sorti' || r.status === 'abandon')
    }
  })

  it('records a history that leads to the current status', () => {
    const enrolments = all<{ id: number; status: string; status_since: string; kairos_pending_since: string | null }>(
      t,
      'SELECT id, status, status_since, kairos_pending_since FROM enrolment'
    )
    const events = all<{
      enrolment_id: number
      kind: string
      from_status: string | null
      to_status: string | null
      effective_date: string
      recorded_at: string
      requires_declaration: number
      kairos_declared_on: string | null
    }>(t, 'SELECT * FROM enrolment_event ORDER BY enrolment_id, id')
    const byEnrolment = new Map<number, typeof events>()
    for (const e of events) byEnrolment.set(e.enrolment_id, [...(byEnrolment.get(e.enrolment_id) ?? []), e])
    let undeclared = 0
    for (const enr of enrolments) {
      const history = byEnrolment.get(enr.id) ?? []
      let status: string | null = null
      let since = ''
      let previousDate = ''
      for (const e of history) {
        expect(e.effective_date >= previousDate, `enrolment ${enr.id}: events in order`).toBe(true)
        previousDate = e.effective_date
        expect(e.effective_date <= TODAY).toBe(true)
        expect(e.recorded_at <= NOW.toISOString()).toBe(true)
        expect(e.recorded_at.slice(0, 10) >= e.effective_date).toBe(true)
        if (e.to_status) {
          expect(e.from_status, `enrolment ${enr.id}`).toBe(status)
          status = e.to_status
          since = e.effective_date
        }
        const mustDeclare = ['entry', 'interruption', 'exit', 'dropout'].includes(e.kind)
        expect(e.requires_declaration).toBe(mustDeclare ? 1 : 0)
        if (e.kairos_declared_on) {
          expect(diffDays(e.effective_date, e.kairos_declared_on)).toBeGreaterThanOrEqual(0)
          expect(diffDays(e.effective_date, e.kairos_declared_on)).toBeLessThanOrEqual(3)
          expect(e.kairos_declared_on <= TODAY).toBe(true)
        } else if (mustDeclare) undeclared++
      }
      expect(status, `enrolment ${enr.id}`).toBe(enr.status)
      expect(since, `enrolment ${enr.id}`).toBe(enr.status_since)
      const pending = history
        .filter((e) => e.requires_declaration === 1 && e.kairos_declared_on === null)
        .map((e) => e.effective_date)
        .sort()[0]
      expect(enr.kairos_pending_since, `enrolment ${enr.id}`).toBe(pending ?? null)
    }
    // The dashboard has work: some declarations are still to be made.
    expect(undeclared).toBeGreaterThan(0)
  })

  it('gives trainees unique, valid France Travail ids and the service search key', () => {
    const rows = all<Record<string, string | null>>(t, 'SELECT * FROM trainee')
    const ids = rows.map((r) => r.ft_id!)
    expect(new Set(ids).size).toBe(rows.length)
    for (const r of rows) {
      const check = checkFranceTravailId(r.ft_id!)
      expect(check.ok && check.value === r.ft_id, r.ft_id!).toBe(true)
      expect(r.last_name).toBe(r.last_name!.toUpperCase())
      expect(r.civility === 'M' || r.civility === 'Mme').toBe(true)
      expect(r.search_text).toBe(
        foldForSearch([r.last_name, r.first_name, r.ft_id, r.email, r.city, r.postal_code].filter(Boolean).join(' '))
      )
      const age = Number(TODAY.slice(0, 4)) - Number(r.birth_date!.slice(0, 4))
      expect(age).toBeGreaterThanOrEqual(18)
      expect(age).toBeLessThanOrEqual(61)
    }
  })

  it('writes trainees the form can save back as they are, agency and adviser’s e-mail included', () => {
    const trainees = listTrainees(t.db)
    expect(trainees.filter((tr) => tr.prescriberAgency && tr.adviserEmail).length).toBeGreaterThan(0)
    const fields = Object.keys(TraineePatch.shape) as (keyof typeof TraineePatch.shape)[]
    for (const tr of trainees) {
      const changes = Object.fromEntries(fields.map((f) => [f, tr[f]]))
      const r = contract['trainees:update'].input.safeParse({ id: tr.id, changes })
      expect(r.success ? [] : r.error.issues.map((i) => i.message), `${tr.lastName} ${tr.firstName}`).toEqual([])
    }
  })

  it('records attendance only on weekdays, between entry and exit, before today', () => {
    const rows = all<{ date: string; entry_date: string | null; exit_date: string | null; status: string }>(
      t,
      `SELECT a.date, e.entry_date, e.exit_date, e.status FROM attendance_day a JOIN enrolment e ON e.id = a.enrolment_id`
    )
    expect(rows.length).toBe(summary.attendanceDays)
    for (const r of rows) {
      expect(dayOfWeek(r.date)).toBeLessThanOrEqual(5)
      expect(r.entry_date).not.toBeNull()
      expect(r.date >= r.entry_date!).toBe(true)
      if (r.exit_date) expect(r.date <= r.exit_date).toBe(true)
      expect(r.date <= YESTERDAY).toBe(true)
    }
    // About 4 % of the days carry an absence code.
    const share = t.db.prepare('SELECT avg(absence_code IS NOT NULL) AS s FROM attendance_day').get() as { s: number }
    expect(share.s).toBeGreaterThan(0.01)
    expect(share.s).toBeLessThan(0.08)
  })

  it('attests past months of attendance, not the current one', () => {
    const months = all<{ month: string; attested_at: string | null }>(t, 'SELECT month, attested_at FROM attendance_month')
    expect(months.length).toBeGreaterThan(0)
    for (const m of months) expect(m.attested_at !== null, m.month).toBe(m.month < TODAY.slice(0, 7))
  })

  it('keeps recruitment consistent: results, capacities, an upcoming slot for open sessions', () => {
    const regs = all<{ presence: string; result: string | null; result_code: string | null; date: string }>(
      t,
      'SELECT r.presence, r.result, r.result_code, ev.date FROM registration r JOIN recruitment_event ev ON ev.id = r.event_id'
    )
    for (const r of regs) {
      if (r.date >= TODAY) expect(r.presence).toBe('unknown')
      if (r.result_code === 'ICA') expect(r.presence).toBe('absent')
      if (r.result_code === 'ICR') expect(r.result).toBe('retenu')
      if (r.result_code === 'ICN') expect(r.result).toBe('non_retenu')
    }
    const overbooked = all(
      t,
      `SELECT ev.id FROM recruitment_event ev WHERE ev.capacity < (SELECT count(*) FROM registration r WHERE r.event_id = ev.id)`
    )
    expect(overbooked).toEqual([])
    const withoutSlot = all(
      t,
      `SELECT s.id FROM session s WHERE s.recruitment_state = 'open' AND NOT EXISTS (
         SELECT 1 FROM recruitment_event ev WHERE ev.session_id = s.id AND ev.cancelled_at IS NULL AND coalesce(ev.end_date, ev.date) >= ?)`,
      TODAY
    )
    expect(withoutSlot).toEqual([])
    expect((t.db.prepare('SELECT count(*) AS n FROM recruitment_event WHERE cancelled_at IS NOT NULL').get() as { n: number }).n).toBe(1)
  })

  it('adds interruptions, exit reports and AIF quotes', () => {
    expect(tableCounts(t).interruption).toBeGreaterThanOrEqual(2)
    const reports = all<{ status: string }>(t, 'SELECT e.status FROM exit_report r JOIN enrolment e ON e.id = r.enrolment_id')
    expect(reports.length).toBeGreaterThan(0)
    expect(reports.every((r) => r.status === 'sorti')).toBe(true)
    const quotes = all<{ status: string; start_date: string; end_date: string; s_start: string; s_end: string; total_cents: number; funded: number }>(
      t,
      `SELECT q.status, q.start_date, q.end_date, s.start_date AS s_start, s.end_date AS s_end, q.total_cents,
              q.france_travail_cents + coalesce((SELECT sum(amount_cents) FROM aif_quote_funder f WHERE f.quote_id = q.id), 0) AS funded
       FROM aif_quote q JOIN session s ON s.id = q.session_id`
    )
    expect(quotes.length).toBeGreaterThanOrEqual(2)
    expect(quotes.some((q) => q.status === 'sent')).toBe(true)
    for (const q of quotes) {
      expect(q.start_date >= q.s_start && q.end_date <= q.s_end).toBe(true)
      expect(q.funded).toBe(q.total_cents)
    }
  })

  it('audits the generation', () => {
    const audit = all<{ operation: string; entity: string; clerk_name: string; after_json: string }>(
      t,
      "SELECT * FROM audit_log WHERE operation = 'demo.generate'"
    )
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ entity: 'database', clerk_name: 'Claire Martin' })
    expect(JSON.parse(audit[0]!.after_json)).toEqual(summary)
  })

  it('refuses a second run and writes nothing', () => {
    const before = tableCounts(t)
    let error: unknown
    try {
      generateDemoData(ctx, { trainees: 300 })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'refused', message: DEMO_REFUSED_MESSAGE })
    expect(tableCounts(t)).toEqual(before)
  })
})

describe('demo data generation', () => {
  it('is deterministic for a given seed', async () => {
    const names = async (seed: number | undefined) => {
      const t = await tempDb()
      try {
        generateDemoData(serviceContext(t.db, fixedClock()), seed === undefined ? { trainees: 50 } : { trainees: 50, seed })
        return all<{ last_name: string; first_name: string; ft_id: string }>(t, 'SELECT last_name, first_name, ft_id FROM trainee ORDER BY id')
      } finally {
        t.cleanup()
      }
    }
    const first = await names(7)
    expect(await names(7)).toEqual(first)
    expect(await names(8)).not.toEqual(first)
    // No seed means seed 1.
    expect(await names(undefined)).toEqual(await names(1))
  })

  it('refuses a database that already holds a trainee, leaving it untouched', async () => {
    const t = await tempDb()
    try {
      const ctx = serviceContext(t.db, fixedClock())
      t.db.prepare("INSERT INTO trainee (last_name, first_name, created_at, updated_at) VALUES ('DUPRÉ', 'Marie', 'x', 'x')").run()
      const before = tableCounts(t)
      expect(() => generateDemoData(ctx, { trainees: 100 })).toThrow(DEMO_REFUSED_MESSAGE)
      expect(tableCounts(t)).toEqual(before)
    } finally {
      t.cleanup()
    }
  })

  it('refuses a database that already holds a training', async () => {
    const t = await tempDb()
    try {
      const ctx = serviceContext(t.db, fixedClock())
      t.db.prepare("INSERT INTO training (title, created_at, updated_at) VALUES ('Titre pro', 'x', 'x')").run()
      expect(() => generateDemoData(ctx, { trainees: 100 })).toThrow(AppError)
      expect(tableCounts(t).trainee).toBe(0)
    } finally {
      t.cleanup()
    }
  })

  it('scales to 20,000 trainees with at most 16 enrolments per session', async () => {
    const t = await tempDb()
    try {
      const summary = generateDemoData(serviceContext(t.db, fixedClock()), { trainees: 20_000, seed: 3 })
      expect(summary.trainees).toBe(20_000)
      expect(summary.enrolments).toBe(14_000)
      const max = t.db.prepare('SELECT max(n) AS m FROM (SELECT count(*) AS n FROM enrolment GROUP BY session_id)').get() as { m: number }
      expect(max.m).toBeLessThanOrEqual(16)
      expect(summary.sessions).toBeGreaterThanOrEqual(14_000 / 16)
      expect((t.db.prepare('SELECT count(DISTINCT ft_id) AS n FROM trainee').get() as { n: number }).n).toBe(20_000)
    } finally {
      t.cleanup()
    }
  }, 60_000)
})
