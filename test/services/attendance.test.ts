import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AttendanceRow } from '@shared/api/areas/attendance'
import { contract } from '@shared/api/contract'
import { todayIso } from '@shared/domain/dates'
import { createDispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import { selectClerk } from '../../electron/main/services/clerks/clerkService'
import type { ServiceContext } from '../../electron/main/services/context'
import { attestMonth, monthGrid, prefillAttendance, saveAttendance, unlockMonth } from '../../electron/main/services/attendance/attendanceService'
import { dashboardCounter } from '../../electron/main/services/dashboard/dashboardService'
import { refusal } from '../helpers/enrolmentWorld'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { attendanceWorld, saveInput, walCommits } from './attendanceWorld'

// The fixed clock: Wednesday 25 November 2026, the day November's attendance opens.
const NOW = '2026-11-25T09:30:00.000Z'
const MONTH = '2026-11'
const TODAY = '2026-11-25'

let t: TempDb
let ctx: ServiceContext
let w: ReturnType<typeof attendanceWorld>
let sessionA: number
let sessionB: number

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db, fixedClock(NOW))
  w = attendanceWorld(ctx, todayIso(ctx.clock.now()))
  sessionA = w.session({ label: 'SA Lorient – septembre 2026' })
  sessionB = w.session({ label: 'ADVF Vannes – septembre 2026', weeklyHours: [7, 7, 7, 7, 3.5, 0, 0] })
})
afterEach(() => t.cleanup())

const audits = (operation: string) => (t.db.prepare('SELECT count(*) AS n FROM audit_log WHERE operation = ?').get(operation) as { n: number }).n
const dayRows = () => (t.db.prepare('SELECT count(*) AS n FROM attendance_day').get() as { n: number }).n
const rowOf = (rows: AttendanceRow[], enrolmentId: number): AttendanceRow => {
  const row = rows.find((r) => r.enrolmentId === enrolmentId)
  if (!row) throw new Error(`no row for enrolment ${enrolmentId}`)
  return row
}
const save = (changes: Parameters<typeof saveInput>[0]['changes'], c: ServiceContext = ctx) => saveAttendance(c, MONTH, saveInput({ month: MONTH, changes }).changes)
const at = (date: string) => Number(date.slice(8, 10)) - 1

describe('attendance:month', () => {
  it('lists the enrolments in training during the month, by session then name', () => {
    const zoe = w.trainee(sessionA, 'Zola', 'Zoé')
    const anne = w.trainee(sessionA, 'Abel', 'Anne')
    const late = w.trainee(sessionA, 'Martin', 'Paul', '2026-11-18')
    const vannes = w.trainee(sessionB, 'Bernard', 'Luc')
    // Left in October: not in November's grid. Left on 3 November: in it.
    const october = w.trainee(sessionA, 'Octave', 'Léa')
    w.move([october], { to: 'abandon', effectiveDate: '2026-10-20', reasonCode: 'demenagement' })
    const dropout = w.trainee(sessionA, 'Dupont', 'Jean')
    w.move([dropout], { to: 'abandon', effectiveDate: '2026-11-03', reasonCode: 'sante' })
    // Not entered: not in the grid.
    w.enrol(sessionA, w.person('Inscrit', 'Pas'), 'inscrit')
    // Entered in December (data written ahead): not in November.
    const december = w.trainee(sessionA, 'Decembre', 'Noé')
    t.db.prepare('UPDATE enrolment SET entry_date = ? WHERE id = ?').run('2026-12-01', december)

    const all = monthGrid(t.db, MONTH, null, TODAY)
    expect(all.monthLabel).toBe('novembre 2026')
    expect(all.days).toHaveLength(30)
    expect(all.canAttestFrom).toBe('2026-11-25')
    expect(all.rows.map((r) => r.enrolmentId)).toEqual([anne, dropout, late, zoe, vannes])
    expect(all.sessions.map((s) => [s.sessionId, s.trainees])).toEqual([
      [sessionA, 4],
      [sessionB, 1]
    ])
    const one = monthGrid(t.db, MONTH, sessionA, TODAY)
    expect(one.rows.map((r) => r.enrolmentId)).toEqual([anne, dropout, late, zoe])
    expect(one.sessionId).toBe(sessionA)

    const d = rowOf(one.rows, dropout)
    expect(d).toMatchObject({ status: 'abandon', exitDate: '2026-11-03', sessionLabel: 'SA Lorient – septembre 2026', lastName: 'DUPONT' })
    expect(d.locked[at('2026-11-03')]).toBeNull()
    expect(d.locked[at('2026-11-04')]).toBe('after_exit')
    const l = rowOf(one.rows, late)
    expect(l.locked[at('2026-11-17')]).toBe('before_entry')
    expect(l.locked[at('2026-11-18')]).toBeNull()
    expect(l.totals.plannedHours).toBe(7 * 9) // 18 → 30 November: 9 working days
  })

  it('plans from the session’s week, without holidays, breaks and interruptions', () => {
    const anne = w.trainee(sessionB, 'Abel', 'Anne')
    w.sessionBreak(sessionB, '2026-11-23', '2026-11-24')
    w.interrupt({ enrolmentId: anne, startDate: '2026-10-20', endDate: '2026-11-05', reason: 'Arrêt maladie' })
    const row = rowOf(monthGrid(t.db, MONTH, sessionB, TODAY).rows, anne)
    expect(row.planned[at('2026-11-02')]).toBe(0) // interruption
    expect(row.locked[at('2026-11-05')]).toBe('interruption')
    expect(row.locked[at('2026-11-06')]).toBeNull()
    expect(row.planned[at('2026-11-06')]).toBe(3.5) // Friday
    expect(row.planned[at('2026-11-11')]).toBe(0) // Armistice
    expect(row.locked[at('2026-11-11')]).toBeNull() // a holiday is shaded, not locked
    expect(row.locked[at('2026-11-23')]).toBe('session_break')
    expect(row.planned[at('2026-11-23')]).toBe(0)
  })

  it('reads the demo’s rows: full-day codes and half-day appointments', () => {
    const anne = w.trainee(sessionA, 'Abel', 'Anne')
    const insert = t.db.prepare(
      `INSERT INTO attendance_day (enrolment_id, date, hours, absence_code, absence_hours, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'Démo')`
    )
    insert.run(anne, '2026-11-02', 7, null, null, NOW)
    insert.run(anne, '2026-11-03', null, 'MAL', 7, NOW)
    insert.run(anne, '2026-11-04', 3.5, 'RDV', 3.5, NOW)
    const row = rowOf(monthGrid(t.db, MONTH, sessionA, TODAY).rows, anne)
    expect(row.values.slice(1, 4)).toEqual([7, 'MAL', { hours: 3.5, code: 'RDV' }])
    expect(row.totals).toMatchObject({ attendedHours: 10.5, absenceHours: { MAL: 7, RDV: 3.5 }, justifiedAbsenceHours: 10.5, unjustifiedAbsenceHours: 0 })
  })

  it('refuses an unknown session', () => {
    expect(refusal(() => monthGrid(t.db, MONTH, 999, TODAY))).toMatchObject({ code: 'not_found' })
  })
})

describe('attendance:save', () => {
  it('saves valid cells, returns refused ones with their reason, in one transaction with one audit entry', () => {
    const anne = w.trainee(sessionA, 'Abel', 'Anne')
    const paul = w.trainee(sessionA, 'Martin', 'Paul', '2026-11-18')
    const spy = vi.spyOn(t.db, 'transaction')
    const r = save([
      { enrolmentId: anne, date: '2026-11-02', value: 7 },
      { enrolmentId: anne, date: '2026-11-03', value: 'MAL' },
      { enrolmentId: anne, date: '2026-11-04', value: { hours: 3.5, code: 'RDV' } },
      { enrolmentId: anne, date: '2026-11-05', value: 9 }, // above the planning
      { enrolmentId: anne, date: '2026-11-06', value: 9, force: true },
      { enrolmentId: anne, date: '2026-11-07', value: 4 }, // Saturday without « forcer »
      { enrolmentId: anne, date: '2026-11-08', value: 'AJ' }, // Sunday: no absence
      { enrolmentId: paul, date: '2026-11-16', value: 7 }, // before entry
      { enrolmentId: paul, date: '2026-12-01', value: 7 }, // another month
      { enrolmentId: 4242, date: '2026-11-02', value: 7 } // unknown enrolment
    ])
    expect(spy).toHaveBeenCalledTimes(1)
    spy.mockRestore()
    expect(r.saved).toBe(4)
    expect(r.rejected.map((x) => [x.enrolmentId, x.date, x.message])).toEqual([
      [anne, '2026-11-05', 'ABEL Anne : 9 h : 7 h prévues au planning ; cochez « forcer » pour dépasser'],
      [anne, '2026-11-07', 'ABEL Anne : 4 h le samedi 07/11 : aucune heure prévue au planning ce jour-là ; cochez « forcer » pour en saisir'],
      [anne, '2026-11-08', 'ABEL Anne : Aucune heure prévue le dimanche 08/11 : il n’y a pas d’absence à y saisir'],
      [paul, '2026-11-16', 'MARTIN Paul : Le lundi 16/11 est avant l’entrée en formation : rien ne peut y être saisi'],
      [paul, '2026-12-01', 'Le 01/12/2026 n’est pas en novembre 2026.'],
      [4242, '2026-11-02', 'L’inscription n° 4242 n’est pas en formation en novembre 2026 (ou n’existe plus).']
    ])
    const a = rowOf(r.rows, anne)
    expect(a.values.slice(1, 8)).toEqual([7, 'MAL', { hours: 3.5, code: 'RDV' }, null, 9, null, null])
    expect(a.forced).toEqual([at('2026-11-06')])
    expect(a.totals).toMatchObject({ attendedHours: 19.5, absenceHours: { MAL: 7, RDV: 3.5 }, absenceDays: { MAL: 1, RDV: 1 } })
    expect(t.db.prepare('SELECT date, hours, absence_code AS code, absence_hours AS ah, forced, updated_by AS "by" FROM attendance_day ORDER BY date').all()).toEqual([
      { date: '2026-11-02', hours: 7, code: null, ah: null, forced: 0, by: 'Claire Martin' },
      { date: '2026-11-03', hours: null, code: 'MAL', ah: 7, forced: 0, by: 'Claire Martin' },
      { date: '2026-11-04', hours: 3.5, code: 'RDV', ah: 3.5, forced: 0, by: 'Claire Martin' },
      { date: '2026-11-06', hours: 9, code: null, ah: null, forced: 1, by: 'Claire Martin' }
    ])
    expect(audits('attendance.save')).toBe(1)
    const entry = t.db.prepare("SELECT clerk_name AS who, entity_id AS month, after_json AS after FROM audit_log WHERE operation = 'attendance.save'").get() as { who: string; month: string; after: string }
    expect(entry.who).toBe('Claire Martin')
    expect(entry.month).toBe(MONTH)
    expect(JSON.parse(entry.after)).toMatchObject({ month: MONTH, cells: 4, enrolments: 1, rejected: 6, changes: [[anne, 2, null, 7], [anne, 3, null, 'MAL'], [anne, 4, null, { hours: 3.5, code: 'RDV' }], [anne, 6, null, 9]] })
    // The grid reads back what was saved.
    expect(rowOf(monthGrid(t.db, MONTH, sessionA, TODAY).rows, anne)).toEqual(a)
  })

  it('clears with null, skips unchanged cells, the last change of a cell wins', () => {
    const anne = w.trainee(sessionA, 'Abel', 'Anne')
    save([
      { enrolmentId: anne, date: '2026-11-02', value: 7 },
      { enrolmentId: anne, date: '2026-11-03', value: 7 }
    ])
    const r = save([
      { enrolmentId: anne, date: '2026-11-02', value: 7 },
      { enrolmentId: anne, date: '2026-11-03', value: null },
      { enrolmentId: anne, date: '2026-11-04', value: 5 },
      { enrolmentId: anne, date: '2026-11-04', value: 6 }
    ])
    expect(r.saved).toBe(2)
    expect(t.db.prepare('SELECT date, hours FROM attendance_day ORDER BY date').all()).toEqual([
      { date: '2026-11-02', hours: 7 },
      { date: '2026-11-04', hours: 6 }
    ])
    // Nothing to change: no write, no audit entry.
    expect(save([{ enrolmentId: anne, date: '2026-11-02', value: 7 }]).saved).toBe(0)
    expect(audits('attendance.save')).toBe(2)
  })

  it('lets a value left on a day out of training be cleared', () => {
    const paul = w.trainee(sessionA, 'Martin', 'Paul', '2026-11-18')
    t.db.prepare("INSERT INTO attendance_day (enrolment_id, date, hours, updated_at, updated_by) VALUES (?, '2026-11-16', 7, ?, 'x')").run(paul, NOW)
    const r = save([{ enrolmentId: paul, date: '2026-11-16', value: null }])
    expect(r).toMatchObject({ saved: 1, rejected: [] })
    expect(dayRows()).toBe(0)
  })

  it('refuses the whole operation when the month is attested', () => {
    const anne = w.trainee(sessionA, 'Abel', 'Anne')
    const luc = w.trainee(sessionB, 'Bernard', 'Luc')
    attestMonth(ctx, MONTH, sessionA)
    const e = refusal(() =>
      save([
        { enrolmentId: luc, date: '2026-11-02', value: 7 },
        { enrolmentId: anne, date: '2026-11-02', value: 7 }
      ])
    )
    expect(e.code).toBe('refused')
    expect(e.message).toBe(
      'L’assiduité de novembre 2026 est attestée pour la session « SA Lorient – septembre 2026 » (le 25/11/2026 par Claire Martin) : rien n’a été enregistré. Déverrouillez le mois, avec un motif, pour le modifier.'
    )
    expect(dayRows()).toBe(0)
    expect(audits('attendance.save')).toBe(0)
  })

  it('writes a paste of 15,000 cells in one commit with one audit entry', () => {
    const ids = w.trainees(sessionA, 500)
    // On 1 December every day of November has happened.
    const december = serviceContext(t.db, fixedClock('2026-12-01T09:00:00.000Z'))
    const days = monthGrid(t.db, MONTH, sessionA, '2026-12-01').days
    const changes = ids.flatMap((enrolmentId) => days.map((d) => ({ enrolmentId, date: d.date, value: 1 + ((enrolmentId + d.day) % 6), force: true })))
    expect(changes).toHaveLength(15_000)
    t.db.pragma('wal_autocheckpoint = 0')
    t.db.pragma('wal_checkpoint(TRUNCATE)')
    const before = audits('attendance.save')
    const spy = vi.spyOn(t.db, 'transaction')
    const r = save(changes, december)
    expect(spy).toHaveBeenCalledTimes(1)
    spy.mockRestore()
    expect(walCommits(t.path)).toBe(1)
    expect(audits('attendance.save')).toBe(before + 1)
    expect(r.rejected).toEqual([])
    expect(r.saved).toBe(15_000)
    expect(dayRows()).toBe(15_000)
    expect(r.rows).toHaveLength(500)
    const after = JSON.parse((t.db.prepare("SELECT after_json AS a FROM audit_log WHERE operation = 'attendance.save'").get() as { a: string }).a) as { cells: number; changes: unknown[] }
    expect(after.cells).toBe(15_000)
    expect(after.changes).toHaveLength(15_000)
    // The counter counts: a second save is a second commit.
    save([{ enrolmentId: ids[0] ?? 0, date: '2026-11-02', value: null }], december)
    expect(walCommits(t.path)).toBe(2)
  })
})

describe('attendance:prefill', () => {
  it('fills the empty editable cells with the planned hours, and can be undone', () => {
    const anne = w.trainee(sessionB, 'Abel', 'Anne')
    const paul = w.trainee(sessionB, 'Martin', 'Paul', '2026-11-18')
    save([{ enrolmentId: anne, date: '2026-11-02', value: 'AJ' }])
    const r = prefillAttendance(ctx, MONTH, { sessionId: sessionB })
    const a = rowOf(r.rows, anne)
    expect(a.values[at('2026-11-02')]).toBe('AJ') // kept
    expect(a.values[at('2026-11-03')]).toBe(7)
    expect(a.values[at('2026-11-06')]).toBe(3.5)
    expect(a.values[at('2026-11-07')]).toBeNull() // Saturday
    expect(a.values[at('2026-11-11')]).toBeNull() // Armistice
    const p = rowOf(r.rows, paul)
    expect(p.values[at('2026-11-17')]).toBeNull() // before entry
    // Today is the 25th: the 26th onwards has not happened and stays empty.
    expect(a.values[at('2026-11-25')]).toBe(7)
    expect(a.values[at('2026-11-26')]).toBeNull()
    expect(p.locked[at('2026-11-26')]).toBe('future')
    expect(p.ledger).toMatchObject({ attendedHours: 38.5, plannedHours: 38.5, scheduledHours: 56 })
    expect(p.totals.plannedHours).toBe(56)
    // Anne: 16 days (2 November kept), Paul: 6 days from 18 November.
    expect(r.filled).toEqual({ days: 22, hours: 101.5 + 38.5, trainees: 2, until: '2026-11-25' })
    expect(r.saved).toBe(r.changes.length)
    expect(r.changes.find((c) => c.enrolmentId === anne && c.date === '2026-11-02')).toBeUndefined()
    expect(audits('attendance.prefill')).toBe(1)

    // Undo: the same cells back to empty, one save.
    const undo = save(r.changes.map((c) => ({ enrolmentId: c.enrolmentId, date: c.date, value: null })))
    expect(undo.saved).toBe(r.changes.length)
    expect(dayRows()).toBe(1)
    // Nothing left to fill in an attested month.
    attestMonth(ctx, MONTH, sessionB)
    expect(prefillAttendance(ctx, MONTH, { sessionId: sessionB }).saved).toBe(0)
  })

  it('never overwrites, skips the cells refused or cleared on purpose, and fills nothing in a future month', () => {
    const anne = w.trainee(sessionB, 'Abel', 'Anne')
    save([{ enrolmentId: anne, date: '2026-11-03', value: 5 }])
    const r = prefillAttendance(ctx, MONTH, { sessionId: sessionB }, [
      { enrolmentId: anne, date: '2026-11-04' },
      { enrolmentId: anne, date: '2026-11-05' }
    ])
    const a = rowOf(r.rows, anne)
    expect(a.values[at('2026-11-03')]).toBe(5)
    expect(a.values[at('2026-11-04')]).toBeNull()
    expect(a.values[at('2026-11-05')]).toBeNull()
    expect(a.values[at('2026-11-06')]).toBe(3.5)
    expect(r.filled.days).toBe(17 - 3)
    const december = prefillAttendance(ctx, '2026-12', { sessionId: sessionB })
    expect(december.filled).toEqual({ days: 0, hours: 0, trainees: 0, until: '2026-11-25' })
    expect(audits('attendance.prefill')).toBe(1)
  })
})

describe('attendance only for days that have happened', () => {
  it('refuses a future day with the reason, today included is allowed, a future value can be cleared', () => {
    const anne = w.trainee(sessionA, 'Abel', 'Anne')
    const r = save([
      { enrolmentId: anne, date: '2026-11-25', value: 7 },
      { enrolmentId: anne, date: '2026-11-26', value: 7 },
      { enrolmentId: anne, date: '2026-11-27', value: 'AJ' }
    ])
    expect(r.saved).toBe(1)
    expect(r.rejected).toEqual([
      { enrolmentId: anne, date: '2026-11-26', message: 'ABEL Anne : Le jeudi 26/11 n’est pas encore passé : la présence ne se saisit que pour les jours écoulés (aujourd’hui compris)' },
      { enrolmentId: anne, date: '2026-11-27', message: 'ABEL Anne : Le vendredi 27/11 n’est pas encore passé : la présence ne se saisit que pour les jours écoulés (aujourd’hui compris)' }
    ])
    // A value typed ahead before this rule (older data): not counted, and it can be removed.
    t.db.prepare("INSERT INTO attendance_day (enrolment_id, date, hours, forced, updated_at, updated_by) VALUES (?, '2026-11-30', 7, 0, 'x', 'x')").run(anne)
    const row = rowOf(monthGrid(t.db, MONTH, sessionA, TODAY).rows, anne)
    expect(row.values[at('2026-11-30')]).toBe(7)
    expect(row.totals.attendedHours).toBe(7)
    expect(save([{ enrolmentId: anne, date: '2026-11-30', value: null }]).saved).toBe(1)
    // The next day, the 26th can be entered.
    const tomorrow = serviceContext(t.db, fixedClock('2026-11-26T08:00:00.000Z'))
    expect(save([{ enrolmentId: anne, date: '2026-11-26', value: 7 }], tomorrow).saved).toBe(1)
  })
})

describe('attendance:attest and unlock', () => {
  it('refuses before the 25th and for a future month, with the rule', () => {
    w.trainee(sessionA, 'Abel', 'Anne')
    const early = serviceContext(t.db, fixedClock('2026-11-24T16:00:00.000Z'))
    expect(refusal(() => attestMonth(early, MONTH, sessionA))).toEqual({
      code: 'refused',
      message:
        'L’assiduité de novembre 2026 s’atteste à partir du 25 (le 25/11/2026) : France Travail demande l’état mensuel de présence à partir du 25 de chaque mois, les derniers jours étant ceux prévus au planning.'
    })
    expect(refusal(() => attestMonth(ctx, '2026-12', sessionA)).message).toBe('Impossible d’attester l’assiduité de décembre 2026 : ce mois n’a pas encore commencé.')
    expect(refusal(() => attestMonth(ctx, MONTH, 999)).code).toBe('not_found')
    const empty = w.session({ label: 'Vide' })
    expect(refusal(() => attestMonth(ctx, MONTH, empty)).message).toMatch(/^Aucun stagiaire de cette session n’est en formation en novembre 2026/)
  })

  it('attests every trainee of the session, moves the dashboard counter, unlocks with a reason', () => {
    const today = '2026-11-25'
    const a = [w.trainee(sessionA, 'Abel', 'Anne'), w.trainee(sessionA, 'Zola', 'Zoé')]
    const b = w.trainee(sessionB, 'Bernard', 'Luc')
    const toEnter = () => dashboardCounter(t.db, 'attendance_to_enter', today)
    expect(toEnter().count).toBe(3)

    const grid = attestMonth(ctx, MONTH, sessionA)
    expect(grid.rows.map((r) => r.attested)).toEqual([
      { at: NOW, by: 'Claire Martin' },
      { at: NOW, by: 'Claire Martin' }
    ])
    expect(grid.sessions[0]).toMatchObject({ sessionId: sessionA, trainees: 2, attestedTrainees: 2, attested: { at: NOW, by: 'Claire Martin' } })
    expect(grid.rows[0]?.locked[at('2026-11-02')]).toBe('attested')
    expect(t.db.prepare('SELECT enrolment_id AS id, planned_hours AS planned FROM attendance_month WHERE attested_at IS NOT NULL ORDER BY enrolment_id').all()).toEqual(
      a.map((id) => ({ id, planned: 7 * 20 }))
    )
    expect(toEnter().count).toBe(1)
    expect(toEnter().items.map((i) => i.id)).toEqual([sessionB])
    expect(rowOf(monthGrid(t.db, MONTH, null, TODAY).rows, b).attested).toBeNull()
    expect(refusal(() => attestMonth(ctx, MONTH, sessionA))).toMatchObject({ code: 'conflict' })

    // The reason is required by the contract.
    expect(contract['attendance:unlock'].input.safeParse({ month: MONTH, sessionId: sessionA, reason: ' ' }).success).toBe(false)
    const later = serviceContext(t.db, fixedClock('2026-11-27T08:00:00.000Z'), 'Julie Le Goff')
    const reopened = unlockMonth(later, MONTH, sessionA, 'Justificatif d’absence reçu le 26/11')
    expect(reopened.rows.every((r) => r.attested === null && r.locked.every((l) => l !== 'attested'))).toBe(true)
    expect(toEnter().count).toBe(3)
    const log = t.db.prepare("SELECT at, clerk_name AS who, entity_id AS entity, before_json AS before, after_json AS after FROM audit_log WHERE operation = 'attendance.unlock'").get() as Record<string, string>
    expect(log).toMatchObject({ at: '2026-11-27T08:00:00.000Z', who: 'Julie Le Goff', entity: `${sessionA}:${MONTH}` })
    expect(JSON.parse(log.after ?? '')).toEqual({ month: MONTH, sessionId: sessionA, reason: 'Justificatif d’absence reçu le 26/11' })
    expect(JSON.parse(log.before ?? '').attestations).toHaveLength(2)
    expect(refusal(() => unlockMonth(later, MONTH, sessionA, 'encore une fois'))).toMatchObject({ code: 'conflict' })
    // Editable again.
    expect(save([{ enrolmentId: a[0] ?? 0, date: '2026-11-02', value: 7 }]).saved).toBe(1)
  })

  it('attests a past month any day', () => {
    w.trainee(sessionA, 'Abel', 'Anne')
    expect(attestMonth(ctx, '2026-10', sessionA).rows).toHaveLength(1)
  })
})

describe('through the dispatcher', () => {
  it('validates cells at the boundary and answers Results', async () => {
    const anne = w.trainee(sessionA, 'Abel', 'Anne')
    selectClerk(t.db, ctx.clock, 'Claire Martin')
    const dispatch = createDispatch({ db: t.db, clock: ctx.clock, host: { kind: 'browser', version: 'test', dbPath: t.path } }, handlers)
    const bad = await dispatch('attendance:save', { month: MONTH, changes: [{ enrolmentId: anne, date: '2026-11-02', value: 25 }] })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const good = await dispatch('attendance:save', { month: MONTH, changes: [{ enrolmentId: anne, date: '2026-11-02', value: 6.5 }] })
    expect(good).toMatchObject({ ok: true, value: { saved: 1, rejected: [] } })
    const grid = await dispatch('attendance:month', { month: MONTH })
    expect(grid.ok && (grid.value as { rows: AttendanceRow[] }).rows[0]?.values[1]).toBe(6.5)
    const early = await dispatch('attendance:attest', { month: '2027-01', sessionId: sessionA })
    expect(early).toMatchObject({ ok: false, error: { code: 'refused' } })
  })
})
