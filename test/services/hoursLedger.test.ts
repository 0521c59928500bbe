import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { todayIso } from '@shared/domain/dates'
import { ledgerBalances, sumSummaries } from '@shared/domain/hoursLedger'
import type { ServiceContext } from '../../electron/main/services/context'
import { monthGrid, saveAttendance } from '../../electron/main/services/attendance/attendanceService'
import { enrolmentLedger, enrolmentLedgers, loadCalendars } from '../../electron/main/services/hours/hoursService'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { attendanceWorld, saveInput } from './attendanceWorld'

// Wednesday 2 December 2026: November is over, December has two days behind it.
const NOW = '2026-12-02T09:00:00.000Z'
const TODAY = '2026-12-02'

let t: TempDb
let ctx: ServiceContext
let w: ReturnType<typeof attendanceWorld>
let session: number

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db, fixedClock(NOW))
  w = attendanceWorld(ctx, todayIso(ctx.clock.now()))
  session = w.session({ label: 'ADVF Vannes – septembre 2026', weeklyHours: [7, 7, 7, 7, 3.5, 0, 0] })
  w.sessionBreak(session, '2026-12-21', '2027-01-01', 'Fermeture de fin d’année')
})
afterEach(() => t.cleanup())

const save = (month: string, changes: Parameters<typeof saveInput>[0]['changes']) => saveAttendance(ctx, month, saveInput({ month, changes }).changes)
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' }
const DECEMBER = { from: '2026-12-01', to: '2026-12-31' }

describe('enrolmentLedgers on a real database', () => {
  it('reads planning, holidays, breaks, exits and interruptions as the grid does', () => {
    const anne = w.trainee(session, 'Abel', 'Anne')
    const paul = w.trainee(session, 'Martin', 'Paul')
    w.move([paul], { to: 'abandon', effectiveDate: '2026-11-13', reasonCode: 'demenagement' })
    const lea = w.trainee(session, 'Roux', 'Léa')
    w.interrupt({ enrolmentId: lea, startDate: '2026-11-25', endDate: '2026-12-11', reason: 'Arrêt maladie' })

    const [a, p, l] = enrolmentLedgers(t.db, [anne, paul, lea], TODAY, NOVEMBER)
    expect(a?.summary.plannedHours).toBe(126)
    expect(p?.summary.plannedHours).toBe(56)
    expect(l?.summary.plannedHours).toBe(101.5)
    const december = enrolmentLedgers(t.db, [anne, lea], TODAY, DECEMBER)
    // Léa is back on Monday 14 December: 14–18 December only.
    expect(december.map((d) => d.summary.scheduledHours)).toEqual([87.5, 31.5])
    expect(december.map((d) => d.summary.plannedHours)).toEqual([14, 0])
    expect(december[0]?.calendar.breaks).toEqual([{ start: '2026-12-21', end: '2027-01-01' }])
  })

  it('counts what was entered, never a day after asOf, and balances', () => {
    const anne = w.trainee(session, 'Abel', 'Anne')
    save('2026-11', [
      { enrolmentId: anne, date: '2026-11-02', value: 7 },
      { enrolmentId: anne, date: '2026-11-03', value: { hours: 3.5, code: 'RDV' } },
      { enrolmentId: anne, date: '2026-11-04', value: 'ENT' },
      { enrolmentId: anne, date: '2026-11-05', value: 'ANJ' },
      { enrolmentId: anne, date: '2026-11-06', value: 5, force: true }
    ])
    save('2026-12', [{ enrolmentId: anne, date: '2026-12-01', value: 7 }])
    const nov = enrolmentLedger(t.db, anne, TODAY, NOVEMBER)?.summary
    expect(nov).toMatchObject({
      plannedHours: 126,
      attendedHours: 15.5,
      companyHours: 7,
      realisedHours: 22.5,
      absenceHours: { RDV: 3.5, ANJ: 7 },
      justifiedAbsenceHours: 3.5,
      unjustifiedAbsenceHours: 7,
      extraHours: 1.5,
      unrecordedHours: 126 - 7 - 7 - 7 - 7 - 3.5
    })
    expect(nov && ledgerBalances(nov)).toBe(true)
    // The same ledger seen on 4 November: only 2 and 3 November are behind.
    expect(enrolmentLedger(t.db, anne, '2026-11-03', NOVEMBER)?.summary).toMatchObject({ plannedHours: 14, attendedHours: 10.5 })

    // Own span: from entry to the session's end; the future is only scheduled.
    const whole = enrolmentLedger(t.db, anne, TODAY)
    expect(whole?.summary.from).toBe('2026-09-07')
    expect(whole?.summary.to).toBe('2027-03-31')
    expect(whole?.summary.lastDoneDate).toBe('2026-12-01')
    expect(whole?.days.filter((d) => !d.future).at(-1)?.date).toBe(TODAY)
    expect(whole && whole.summary.scheduledHours > whole.summary.plannedHours).toBe(true)
  })

  it('leaves out unknown ids and keeps the order asked', () => {
    const anne = w.trainee(session, 'Abel', 'Anne')
    const paul = w.trainee(session, 'Martin', 'Paul')
    expect(enrolmentLedgers(t.db, [paul, 9999, anne], TODAY, NOVEMBER).map((l) => l.enrolmentId)).toEqual([paul, anne])
    expect(loadCalendars(t.db, [])).toEqual([])
    expect(enrolmentLedgers(t.db, [], TODAY)).toEqual([])
  })
})

describe('the attendance grid reads the ledger', () => {
  it('row and session totals of the month are the ledger’s', () => {
    const anne = w.trainee(session, 'Abel', 'Anne')
    const paul = w.trainee(session, 'Martin', 'Paul', '2026-11-18')
    const lea = w.trainee(session, 'Roux', 'Léa')
    w.interrupt({ enrolmentId: lea, startDate: '2026-11-25', endDate: '2026-12-11', reason: 'Arrêt maladie' })
    save('2026-11', [
      { enrolmentId: anne, date: '2026-11-02', value: 7 },
      { enrolmentId: anne, date: '2026-11-03', value: { hours: 3.5, code: 'RDV' } },
      { enrolmentId: anne, date: '2026-11-04', value: 'ENT' },
      { enrolmentId: paul, date: '2026-11-18', value: 'ANJ' },
      { enrolmentId: paul, date: '2026-11-19', value: 9, force: true },
      { enrolmentId: lea, date: '2026-11-20', value: 2 }
    ])
    for (const [month, period] of [
      ['2026-11', NOVEMBER],
      ['2026-12', DECEMBER]
    ] as const) {
      const grid = monthGrid(t.db, month, session, TODAY)
      const ledgers = enrolmentLedgers(t.db, [anne, paul, lea], TODAY, period)
      for (const l of ledgers) {
        const row = grid.rows.find((r) => r.enrolmentId === l.enrolmentId)
        expect(row?.ledger).toEqual(l.summary)
        expect(row?.totals.plannedHours).toBe(l.summary.scheduledHours)
        expect(row?.totals.attendedHours).toBe(l.summary.attendedHours)
        expect(row?.totals.justifiedAbsenceHours).toBe(l.summary.justifiedAbsenceHours)
        expect(row?.planned).toEqual(l.days.map((d) => d.planned))
      }
      expect(grid.totals).toEqual(sumSummaries(ledgers.map((l) => l.summary), period.from, period.to, TODAY))
    }
  })
})
