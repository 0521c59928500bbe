import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Dashboard, DashboardCounter } from '@shared/api/areas/dashboard'
import { contract } from '@shared/api/contract'
import { addDays, daysInMonth, todayIso } from '@shared/domain/dates'
import { attendanceState, declarationState, monthsToCheck, sessionEntryState } from '@shared/domain/deadlines'
import { createDispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import type { Db } from '../../electron/main/db/open'
import { generateDemoData } from '../../electron/main/demo/generateDemoData'
import type { ServiceContext } from '../../electron/main/services/context'
import { COUNTER_KEYS, getDashboard, type CounterKey } from '../../electron/main/services/dashboard/dashboardService'
import { listEnrolments } from '../../electron/main/services/enrolments/enrolmentQueries'
import { createEvents } from '../../electron/main/services/recruitment/eventService'
import { bookTrainees, setPresence } from '../../electron/main/services/recruitment/registrationService'
import { listRecruitmentWarnings } from '../../electron/main/services/recruitment/warningService'
import { enrolmentWorld } from '../helpers/enrolmentWorld'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

/*
 * The dashboard's counters and their targets. `expectedRows` recomputes every counter from the
 * whole tables with the domain rules (no SQL shortcut); `expectTargetsExact` then checks each
 * counter's count and that its target, run through the enrolments grid or the matching service,
 * selects exactly those rows.
 */

const sorted = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b)

type Expected = Record<CounterKey, { ids: number[]; month?: string; groups?: number[] }>

function expectedRows(db: Db, today: string): Expected {
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[]
  const enrolments = all<{ id: number; sessionId: number; status: string; entryDate: string | null; exitDate: string | null; start: string | null; end: string | null }>(
    `SELECT e.id, e.session_id AS sessionId, e.status, e.entry_date AS entryDate, e.exit_date AS exitDate, s.start_date AS start, s.end_date AS "end"
     FROM enrolment e JOIN session s ON s.id = e.session_id`
  )
  // Entries: per session, with the domain rule.
  const entered = new Map<number, number>()
  const waiting = new Map<number, number>()
  for (const e of enrolments) {
    if (['entre', 'sorti', 'abandon'].includes(e.status)) entered.set(e.sessionId, (entered.get(e.sessionId) ?? 0) + 1)
    if (e.status === 'inscrit') waiting.set(e.sessionId, (waiting.get(e.sessionId) ?? 0) + 1)
  }
  const entryState = (e: (typeof enrolments)[number]) =>
    e.status !== 'inscrit' || e.start === null
      ? null
      : sessionEntryState({ sessionStart: e.start, today, entriesRecorded: entered.get(e.sessionId) ?? 0, expected: (entered.get(e.sessionId) ?? 0) + (waiting.get(e.sessionId) ?? 0) })
  // Declarations: the oldest undeclared event of each enrolment, if it has taken place.
  const oldest = new Map<number, string>()
  for (const ev of all<{ enrolmentId: number; date: string }>(
    'SELECT enrolment_id AS enrolmentId, effective_date AS date FROM enrolment_event WHERE requires_declaration = 1 AND kairos_declared_on IS NULL'
  )) {
    const o = oldest.get(ev.enrolmentId)
    if (o === undefined || ev.date < o) oldest.set(ev.enrolmentId, ev.date)
  }
  const declaration = (id: number) => {
    const date = oldest.get(id)
    return date === undefined || date > today ? null : declarationState({ effectiveDate: date, declaredOn: null, today }).state
  }
  // Attendance: the months to check, with their state.
  const attested = new Set(all<{ k: string }>("SELECT enrolment_id || ':' || month AS k FROM attendance_month WHERE attested_at IS NOT NULL").map((r) => r.k))
  const attendanceFor = (wanted: 'a_saisir' | 'en_retard') => {
    const month = monthsToCheck(today).find((m) => attendanceState({ month: m, today, attested: false }) === wanted)
    if (month === undefined) return { ids: [], month: today.slice(0, 7), groups: [] }
    const first = `${month}-01`
    const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`
    const rows = enrolments.filter(
      (e) =>
        ['entre', 'sorti', 'abandon'].includes(e.status) &&
        e.entryDate !== null &&
        e.entryDate <= last &&
        (e.status === 'entre' || (e.exitDate !== null && e.exitDate >= first)) &&
        !attested.has(`${e.id}:${month}`)
    )
    return { ids: sorted(rows.map((e) => e.id)), month, groups: sorted(rows.map((e) => e.sessionId)) }
  }
  const awaiting = all<{ id: number; eventId: number }>(
    `SELECT g.id, g.event_id AS eventId FROM registration g JOIN recruitment_event r ON r.id = g.event_id
     WHERE g.result IS NULL AND g.presence <> 'absent' AND r.cancelled_at IS NULL AND coalesce(r.end_date, r.date) < ?`,
    today
  )
  const reports = new Set(all<{ id: number }>('SELECT enrolment_id AS id FROM exit_report').map((r) => r.id))
  const ids = (pred: (e: (typeof enrolments)[number]) => boolean) => sorted(enrolments.filter(pred).map((e) => e.id))
  // Invoices: what is still due on each issued invoice, payments and issued credit notes deducted.
  const invoices = all<{ id: number; funder: string | null; deposited: string | null; due: string | null; total: number; paid: number; credited: number }>(
    `SELECT i.id, i.funder_code AS funder, i.chorus_deposited_on AS deposited, i.due_date AS due, i.total_ttc_cents AS total,
            (SELECT coalesce(sum(amount_cents), 0) FROM invoice_payment WHERE invoice_id = i.id) AS paid,
            (SELECT coalesce(sum(total_ttc_cents), 0) FROM invoice WHERE credited_invoice_id = i.id AND status = 'issued') AS credited
     FROM invoice i WHERE i.status = 'issued' AND i.kind = 'invoice'`
  )
  const unpaidSince = (days: number) => sorted(invoices.filter((i) => i.due !== null && i.due <= addDays(today, -days) && i.total - i.paid - i.credited > 0).map((i) => i.id))
  return {
    invoices_to_deposit: { ids: sorted(invoices.filter((i) => i.deposited === null && ['region', 'france_travail', 'aif'].includes(i.funder ?? '') && i.credited < i.total).map((i) => i.id)) },
    invoices_unpaid_30: { ids: unpaidSince(30) },
    invoices_unpaid_60: { ids: unpaidSince(60) },
    entries_late: { ids: ids((e) => entryState(e) === 'en_retard') },
    entries_todo: { ids: ids((e) => entryState(e) === 'a_faire') },
    declarations_late: { ids: ids((e) => declaration(e.id) === 'en_retard') },
    declarations_todo: { ids: ids((e) => declaration(e.id) === 'a_faire') },
    attendance_late: attendanceFor('en_retard'),
    attendance_to_enter: attendanceFor('a_saisir'),
    to_validate: { ids: ids((e) => e.status === 'a_valider') },
    no_result: { ids: sorted(awaiting.map((g) => g.id)), groups: sorted(awaiting.map((g) => g.eventId)) },
    no_future_slot: { ids: sorted(listRecruitmentWarnings(db, today).filter((x) => x.kind === 'no_future_slot').map((x) => x.sessionId)) },
    exit_reports_due: { ids: ids((e) => (e.status === 'sorti' || e.status === 'abandon') && e.end !== null && e.end < today && !reports.has(e.id)) },
    quotes_waiting: { ids: sorted(all<{ id: number }>("SELECT id FROM aif_quote WHERE status IN ('sent', 'accepted')").map((q) => q.id)) },
    quotes_to_file: { ids: sorted(all<{ id: number }>("SELECT id FROM aif_quote WHERE status = 'draft'").map((q) => q.id)) }
  }
}

function byKey(d: Dashboard): Record<CounterKey, DashboardCounter> {
  return Object.fromEntries(d.counters.map((c) => [c.key, c])) as Record<CounterKey, DashboardCounter>
}

/** The rows a target opens, through the enrolments grid for enrolments, as listed for the other screens. */
function targetRows(db: Db, c: DashboardCounter, today: string): { ids: number[]; month?: string } {
  const target = c.target
  switch (target.screen) {
    case 'enrolments': {
      const { today: day, ...filter } = target.filter
      return { ids: sorted(listEnrolments(db, filter, day ?? today).map((r) => r.id)) }
    }
    case 'attendance':
      return { ids: sorted(target.filter.sessionIds), month: target.filter.month }
    case 'recruitment':
      return { ids: sorted(target.filter.eventIds ?? []) }
    case 'sessions':
    case 'quotes':
    case 'invoices':
      return { ids: sorted(target.filter.ids) }
    case 'exitReports':
      return { ids: sorted(target.filter.enrolmentIds) }
  }
}

function expectTargetsExact(db: Db, today: string): Dashboard {
  const dashboard = getDashboard(db, today)
  expect(dashboard.today).toBe(today)
  expect(dashboard.counters.map((c) => c.key)).toEqual(COUNTER_KEYS)
  const expected = expectedRows(db, today)
  for (const c of dashboard.counters) {
    const e = expected[c.key]
    const where = `${c.key} au ${today}`
    expect(c.count, where).toBe(e.ids.length)
    expect(c.severity, where).toBe(c.count === 0 ? 'ok' : c.key.endsWith('_late') ? 'late' : 'todo')
    expect(c.label, where).toMatch(/^[A-ZÀ-Ü]/)
    const rows = targetRows(db, c, today)
    // Grouped targets (a month and sessions, meetings) list the groups of exactly the counted rows.
    expect(rows.ids, where).toEqual(e.groups ?? e.ids)
    if (e.month !== undefined) expect(rows.month, where).toBe(e.month)
    expect(c.items.length, where).toBeLessThanOrEqual(10)
    if (c.count > 0) expect(c.items.length, where).toBeGreaterThan(0)
    for (const item of c.items) {
      expect(item.label.length, where).toBeGreaterThan(0)
      const itemRows = targetRows(db, { ...c, target: item.target }, today).ids
      expect(itemRows.length, where).toBeGreaterThan(0)
      for (const id of itemRows) expect(e.groups ?? e.ids, where).toContain(id)
    }
  }
  const undeclared = db
    .prepare('SELECT effective_date AS d FROM enrolment_event WHERE requires_declaration = 1 AND kairos_declared_on IS NULL AND effective_date <= ?')
    .all(today) as { d: string }[]
  expect(dashboard.declarationsByAge.reduce((n, b) => n + b.count, 0)).toBe(undeclared.length)
  return dashboard
}

describe('the dashboard, step by step', () => {
  let t: TempDb
  let ctx: ServiceContext
  let today: string
  let w: ReturnType<typeof enrolmentWorld>
  beforeEach(async () => {
    t = await tempDb()
    ctx = serviceContext(t.db)
    today = todayIso(ctx.clock.now()) // Sunday 22 November 2026
    w = enrolmentWorld(ctx, today)
  })
  afterEach(() => t.cleanup())

  const counts = (day = today) => Object.fromEntries(expectTargetsExact(t.db, day).counters.map((c) => [c.key, c.count]))
  const counter = (key: CounterKey, day = today) => byKey(getDashboard(t.db, day))[key]

  it('changes as people are enrolled, enter, are interrupted, drop out, leave and are declared', () => {
    const a = w.session({ label: 'Session A', startDate: '2026-11-16', endDate: '2027-01-29' })
    const b = w.session({ label: 'Session B', startDate: '2026-11-20', endDate: '2027-03-31' })
    expect(counts()).toMatchObject({ entries_late: 0, entries_todo: 0, declarations_late: 0, to_validate: 0, no_future_slot: 2 })
    expect(counter('no_future_slot').target).toEqual({ screen: 'sessions', filter: { ids: [a, b] } })

    // Enrolled: A started on Monday 16/11 (entries due Thursday 19/11), B on Friday 20/11 (due Monday 23/11).
    const [a1, a2, a3] = ['Alpha', 'Bravo', 'Charlie'].map((n) => w.enrol(a, w.person(n)))
    const b1 = w.enrol(b, w.person('Delta'))
    w.enrol(a, w.person('Echo'), 'a_valider')
    expect(counts()).toMatchObject({ entries_late: 3, entries_todo: 1, to_validate: 1 })
    expect(counter('entries_late').items).toEqual([
      {
        id: a,
        label: 'Session A',
        detail: '3 entrées à saisir — session commencée le 16/11/2026',
        date: '2026-11-16',
        target: { screen: 'enrolments', filter: { statuses: ['inscrit'], entry: 'en_retard', sessionId: a, today } }
      }
    ])
    // The date picker: on Tuesday 24/11 B's entries are late too; on 19/11 A's were still to do.
    expect(counts('2026-11-24')).toMatchObject({ entries_late: 4, entries_todo: 0 })
    expect(counts('2026-11-19')).toMatchObject({ entries_late: 0, entries_todo: 3 })

    // Entries recorded: no longer waiting, now to declare (A's late, B's to do).
    w.move([a1 ?? 0, a2 ?? 0], { to: 'entre', effectiveDate: '2026-11-16' })
    w.move([b1], { to: 'entre', effectiveDate: '2026-11-20' })
    expect(counts()).toMatchObject({ entries_late: 1, entries_todo: 0, declarations_late: 2, declarations_todo: 1 })
    expect(getDashboard(t.db, today).declarationsByAge).toEqual([
      { label: '0 à 3 jours', count: 1 },
      { label: '4 à 7 jours', count: 2 },
      { label: '8 à 30 jours', count: 0 },
      { label: 'Plus de 30 jours', count: 0 }
    ])
    expect(counter('declarations_late').items[0]).toMatchObject({ label: 'ALPHA Marie', detail: 'Entrée du 16/11/2026 à déclarer depuis le 19/11/2026 — Session A', date: '2026-11-19' })

    // Declared in KAIROS.
    w.declare({ enrolmentIds: [a1 ?? 0, a2 ?? 0], declaredOn: '2026-11-20' })
    expect(counts()).toMatchObject({ declarations_late: 0, declarations_todo: 1 })

    // An interruption from Wednesday 18/11 (due Monday 23/11: Saturday 21/11 moves to it) and a dropout.
    w.interrupt({ enrolmentId: a1 ?? 0, startDate: '2026-11-18', reason: 'Arrêt maladie' })
    w.move([a2 ?? 0], { to: 'abandon', effectiveDate: '2026-11-20', reasonCode: 'reprise_emploi_durable' })
    expect(counts()).toMatchObject({ declarations_late: 0, declarations_todo: 3 })
    expect(listEnrolments(t.db, { declaration: 'a_faire' }, today).find((r) => r.id === a1)).toMatchObject({ interrupted: true, pendingDeclaration: { kind: 'interruption', dueDate: '2026-11-23' } })
    expect(counts('2026-11-24')).toMatchObject({ declarations_late: 3, declarations_todo: 0 })

    // Monthly attendance: November from the 25th, late in December; attesting removes a person.
    expect(counts('2026-11-25')).toMatchObject({ attendance_to_enter: 3, attendance_late: 0 })
    expect(counter('attendance_to_enter', '2026-11-25').target).toEqual({ screen: 'attendance', filter: { month: '2026-11', sessionIds: [a, b] } })
    expect(counter('attendance_to_enter', '2026-11-25').label).toBe('Assiduité de novembre 2026 à saisir (à partir du 25)')
    expect(counts('2026-12-02')).toMatchObject({ attendance_to_enter: 0, attendance_late: 3 })
    t.db.prepare("INSERT INTO attendance_month (enrolment_id, month, attested_at, attested_by) VALUES (?, '2026-11', '2026-11-30T10:00:00Z', 'Claire')").run(b1)
    expect(counts('2026-12-02')).toMatchObject({ attendance_late: 2 })
    expect(counter('attendance_late', '2026-12-02').target).toEqual({ screen: 'attendance', filter: { month: '2026-11', sessionIds: [a] } })

    // Exit reports once the session is over; an exit; an AIF quote waiting for its answer.
    w.changeInterruption({ id: w.count('interruption'), endDate: '2026-12-11' })
    expect(counts('2027-02-01')).toMatchObject({ exit_reports_due: 1 })
    t.db.prepare(
      `INSERT INTO aif_quote (number, year, sequence, trainee_id, session_id, status, start_date, end_date, hours_centre_hundredths, total_cents, sent_on, created_at, created_by, updated_at)
       VALUES ('DEV-1', 2026, 1, 1, ?, 'sent', '2026-11-20', '2027-03-31', 56000, 700000, '2026-11-02', 'x', 'x', 'x')`
    ).run(b)
    expect(counts()).toMatchObject({ quotes_waiting: 1 })

    // Recruitment: a past meeting with one candidate without result (the absent one is not counted), a future slot for B.
    const [past] = createEvents(ctx, contract['recruitment:createEvents'].input.parse({ sessionId: a, kind: 'info_session', date: '2026-11-10' }))
    const regs = bookTrainees(ctx, { eventId: past?.id ?? 0, traineeIds: [w.person('Foxtrot'), w.person('Golf')], newTrainees: [] })
    setPresence(ctx, [regs[1]?.id ?? 0], 'absent')
    createEvents(ctx, contract['recruitment:createEvents'].input.parse({ sessionId: b, kind: 'info_session', date: '2026-12-01' }))
    expect(counts()).toMatchObject({ no_result: 1, no_future_slot: 1 })
    expect(counter('no_result').target).toEqual({ screen: 'recruitment', filter: { eventIds: [past?.id] } })
    expect(counter('no_future_slot').target).toEqual({ screen: 'sessions', filter: { ids: [a] } })

    w.move([a3 ?? 0], { to: 'annule', effectiveDate: '2026-11-20', reasonCode: 'non_presentation' })
    expect(counts()).toMatchObject({ entries_late: 0, entries_todo: 0 })
    w.expectPendingConsistent()
  })

  it('answers through the contract as of the clock’s civil day', async () => {
    const dispatch = createDispatch({ db: t.db, clock: fixedClock(), host: { kind: 'browser', version: 'test', dbPath: t.path } }, handlers, () => undefined)
    const r = await dispatch('dashboard:get', {})
    expect(r).toMatchObject({ ok: true, value: { today: '2026-11-22' } })
    expect(await dispatch('dashboard:get', { today: '2026-11-31' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const list = await dispatch('enrolments:list', { declaration: 'en_retard' })
    expect(list).toEqual({ ok: true, value: [] })
  })
})

describe('the dashboard on demonstration data (400 trainees)', () => {
  let t: TempDb
  let today: string
  beforeAll(async () => {
    t = await tempDb()
    const ctx = serviceContext(t.db, fixedClock())
    today = todayIso(ctx.clock.now())
    generateDemoData(ctx, { trainees: 400 })
  })
  afterAll(() => t.cleanup())

  it('has work on every deadline, and every target selects exactly the counted rows', () => {
    const d = expectTargetsExact(t.db, today)
    const c = byKey(d)
    expect(c.declarations_late.count + c.declarations_todo.count).toBeGreaterThan(0)
    expect(c.to_validate.count).toBeGreaterThan(0)
    expect(c.exit_reports_due.count).toBeGreaterThan(0)
  })

  it.each([-40, -10, -3, 1, 2, 3, 5, 9, 10, 14, 40])('also as of today %+d days (date picker)', (offset) => {
    expectTargetsExact(t.db, addDays(today, offset))
  })
})
