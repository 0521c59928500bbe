import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import type { ServiceContext } from '../../electron/main/services/context'
import { saveAttendance } from '../../electron/main/services/attendance/attendanceService'
import { moveEnrolmentDates } from '../../electron/main/services/catalogue/sessionDates'
import { getSession, updateSession } from '../../electron/main/services/catalogue/sessionService'
import { refusal } from '../helpers/enrolmentWorld'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { attendanceWorld, saveInput } from './attendanceWorld'

// Wednesday 2 December 2026.
const NOW = '2026-12-02T09:00:00.000Z'
const TODAY = '2026-12-02'

let t: TempDb
let ctx: ServiceContext
let w: ReturnType<typeof attendanceWorld>

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db, fixedClock(NOW))
  w = attendanceWorld(ctx, TODAY)
})
afterEach(() => t.cleanup())

const patch = (raw: Record<string, unknown>) => contract['sessions:update'].input.parse({ id: 1, changes: raw }).changes
const plan = (id: number) => t.db.prepare<[number], { start: string | null; end: string | null }>('SELECT planned_start_date AS start, planned_end_date AS end FROM enrolment WHERE id = ?').get(id)
const audits = (operation: string) => t.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM audit_log WHERE operation = ?').get(operation)?.n

describe('a session’s dates and its enrolments’ planned dates', () => {
  it('proposes to move the plans that followed the old dates, then moves them', () => {
    const s = w.session({ label: 'Plaquiste — Orléans 2027', startDate: '2027-01-04', endDate: '2027-06-25' })
    const a = w.enrol(s, w.person('Abel', 'Anne'))
    const b = w.enrol(s, w.person('Martin', 'Paul'))
    const own = w.enrol(s, w.person('Roux', 'Léa'))
    t.db.prepare("UPDATE enrolment SET planned_start_date = '2027-02-01', planned_end_date = '2027-05-28' WHERE id = ?").run(own)
    const cancelled = w.enrol(s, w.person('Zola', 'Zoé'))
    t.db.prepare("UPDATE enrolment SET status = 'annule' WHERE id = ?").run(cancelled)
    expect(plan(a)).toEqual({ start: '2027-01-04', end: '2027-06-25' })

    const r = updateSession(ctx, s, patch({ startDate: '2026-11-02' }), TODAY)
    expect(r.startDate).toBe('2026-11-02')
    expect(r.enrolmentDates).toEqual({
      count: 2,
      names: ['ABEL Anne', 'MARTIN Paul'],
      previous: { start: '2027-01-04', end: '2027-06-25' },
      next: { start: '2026-11-02', end: '2027-06-25' }
    })
    // Nothing moves until asked.
    expect(plan(a)).toEqual({ start: '2027-01-04', end: '2027-06-25' })

    expect(moveEnrolmentDates(ctx, s, { start: '2027-01-04', end: '2027-06-25' })).toEqual({ sessionId: s, moved: 2 })
    expect(plan(a)).toEqual({ start: '2026-11-02', end: '2027-06-25' })
    expect(plan(b)).toEqual({ start: '2026-11-02', end: '2027-06-25' })
    expect(plan(own)).toEqual({ start: '2027-02-01', end: '2027-05-28' })
    expect(plan(cancelled)).toEqual({ start: '2027-01-04', end: '2027-06-25' })
    expect(audits('sessions.moveEnrolmentDates')).toBe(1)
    // Asked twice: nothing left to move, no audit.
    expect(moveEnrolmentDates(ctx, s, { start: '2027-01-04', end: '2027-06-25' }).moved).toBe(0)
    expect(audits('sessions.moveEnrolmentDates')).toBe(1)
    expect(refusal(() => moveEnrolmentDates(ctx, 999, { start: null, end: null }))).toMatchObject({ code: 'not_found' })
  })

  it('proposes nothing when the dates do not change', () => {
    const s = w.session({ startDate: '2027-01-04', endDate: '2027-06-25' })
    w.enrol(s, w.person('Abel', 'Anne'))
    expect(updateSession(ctx, s, patch({ label: 'Nouveau libellé' }), TODAY).enrolmentDates).toBeNull()
  })

  it('refuses dates that would leave attendance, an entry or an interruption outside, naming the people', () => {
    const s = w.session({ label: 'SA Lorient', startDate: '2026-09-07', endDate: '2027-03-31' })
    const anne = w.trainee(s, 'Abel', 'Anne', '2026-09-07')
    const paul = w.trainee(s, 'Martin', 'Paul', '2026-11-16')
    saveAttendance(ctx, '2026-11', saveInput({ month: '2026-11', changes: [{ enrolmentId: paul, date: '2026-11-16', value: 7 }] }).changes)
    w.interrupt({ enrolmentId: anne, startDate: '2026-10-05', endDate: '2026-10-30', reason: 'Arrêt maladie' })
    const lea = w.trainee(s, 'Roux', 'Léa', '2026-09-07')
    w.move([lea], { to: 'sorti', effectiveDate: '2026-11-27', reasonCode: 'fin_prevue' })

    const later = refusal(() => updateSession(ctx, s, patch({ startDate: '2026-11-20' }), TODAY))
    expect(later.code).toBe('refused')
    expect(later.message).toBe(
      'Dates refusées : la session du 20/11/2026 au 31/03/2027 laisserait en dehors ce qui est déjà enregistré pour ABEL Anne (entrée le 07/09/2026, interruption le 05/10/2026), ' +
        'MARTIN Paul (entrée le 16/11/2026, présence saisie le 16/11/2026), ROUX Léa (entrée le 07/09/2026). ' +
        'Corrigez d’abord ces saisies, ou choisissez des dates qui les incluent ; rien n’a été modifié.'
    )
    expect(refusal(() => updateSession(ctx, s, patch({ endDate: '2026-11-25' }), TODAY)).message).toContain('ROUX Léa (sortie le 27/11/2026)')
    expect(getSession(t.db, s, TODAY)).toMatchObject({ startDate: '2026-09-07', endDate: '2027-03-31' })
    expect(audits('sessions.update')).toBe(0)
    // Dates that still hold everything are accepted.
    expect(updateSession(ctx, s, patch({ endDate: '2027-04-30' }), TODAY).endDate).toBe('2027-04-30')
  })

  it('records the warning of an entry dated before the « inscrit » date, and enters', () => {
    const s = w.session({ label: 'SA Lorient', startDate: '2026-11-02', endDate: '2027-03-31' })
    const id = w.enrol(s, w.person('Dupont', 'Marie'), 'inscrit')
    // Inscrit on 2 December (today), entered on 2 November: accepted, the log keeps why it was odd.
    const [row] = w.move([id], { to: 'entre', effectiveDate: '2026-11-02' })
    expect(row).toMatchObject({ status: 'entre', entryDate: '2026-11-02' })
    const after = t.db.prepare<[], { a: string }>("SELECT after_json AS a FROM audit_log WHERE operation = 'enrolments.transition' ORDER BY id DESC LIMIT 1").get()
    expect(JSON.parse(after?.a ?? '{}')).toMatchObject({
      warning: 'Entrée le 02/11/2026, avant la date d’inscription de DUPONT Marie (inscription du 02/12/2026). Vérifiez la date : une entrée précède rarement la validation de l’inscription.'
    })
  })
})
