import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import { getSchedule, saveSchedule, saveSubjects } from '../../electron/main/services/sessions/scheduleService'
import { refusal } from '../helpers/enrolmentWorld'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { attendanceWorld } from './attendanceWorld'

let t: TempDb
beforeEach(async () => {
  t = await tempDb()
})
afterEach(() => t.cleanup())

const audits = (op: string) => t.db.prepare<[string], { after_json: string; before_json: string | null; clerk_name: string }>('SELECT after_json, before_json, clerk_name FROM audit_log WHERE operation = ? ORDER BY id').all(op)

describe('session timetable service', () => {
  it('derives a timetable from the weekly rhythm until one is saved; saving sets the weekly rhythm, audited', () => {
    const ctx = serviceContext(t.db, fixedClock('2026-12-02T09:00:00.000Z'))
    const sessionId = attendanceWorld(ctx, '2026-12-02').session({ weeklyHours: [7, 7, 7, 7, 3.5, 0, 0] })
    const derived = getSchedule(t.db, sessionId)
    expect(derived.saved).toBe(false)
    expect(derived.week[4]).toEqual({ am: { start: '09:00', end: '12:30' }, pm: null })

    const week = derived.week.map((d) => ({ ...d }))
    week[0] = { am: { start: '08:30', end: '12:00' }, pm: { start: '13:00', end: '17:00' } }
    week[2] = { am: { start: '09:00', end: '12:00' }, pm: null }
    const input = contract['sessions:saveSchedule'].input.parse({ sessionId, week })
    const saved = saveSchedule(ctx, input.sessionId, input.week)
    expect(saved.saved).toBe(true)
    expect(saved.week[0]).toEqual(week[0])
    expect(saved.weeklyHours).toEqual([7.5, 7, 3, 7, 3.5, 0, 0])
    const [audit] = audits('session.schedule.save')
    expect(audit?.clerk_name).toBe('Claire Martin')
    expect(JSON.parse(audit?.after_json ?? '{}').weeklyHours).toEqual([7.5, 7, 3, 7, 3.5, 0, 0])

    // Back to the derived timetable (of the new rhythm).
    const reset = saveSchedule(ctx, sessionId, null)
    expect(reset.saved).toBe(false)
    expect(reset.week[2]).toEqual({ am: { start: '09:00', end: '12:00' }, pm: null })
    expect(audits('session.schedule.save')).toHaveLength(2)
  })

  it('refuses a bad timetable with a French message and saves nothing', () => {
    const ctx = serviceContext(t.db)
    const sessionId = attendanceWorld(ctx, '2026-12-02').session()
    const week = getSchedule(t.db, sessionId).week.map((d) => ({ ...d }))
    week[1] = { am: { start: '09:00', end: '12:30' }, pm: { start: '12:00', end: '17:00' } }
    const parsed = contract['sessions:saveSchedule'].input.safeParse({ sessionId, week })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toMatch(/^Mardi : l’après-midi commence \(12h00\) avant la fin du matin \(12h30\)/)
    expect(refusal(() => saveSchedule(ctx, sessionId, week)).message).toContain('Mardi')
    expect(refusal(() => saveSchedule(ctx, 9999, null)).code).toBe('not_found')
    expect(getSchedule(t.db, sessionId).saved).toBe(false)
    expect(audits('session.schedule.save')).toHaveLength(0)
  })

  it('subjects per dated half-day: set, changed, cleared by a blank, refused outside the session', () => {
    const ctx = serviceContext(t.db)
    const sessionId = attendanceWorld(ctx, '2026-12-02').session()
    saveSubjects(ctx, sessionId, [
      { date: '2026-11-16', half: 'pm', subject: 'Bureautique' },
      { date: '2026-11-16', half: 'am', subject: '  Accueil  ' }
    ])
    expect(getSchedule(t.db, sessionId).subjects).toEqual([
      { date: '2026-11-16', half: 'am', subject: 'Accueil' },
      { date: '2026-11-16', half: 'pm', subject: 'Bureautique' }
    ])
    const after = saveSubjects(ctx, sessionId, [{ date: '2026-11-16', half: 'am', subject: '' }, { date: '2026-11-16', half: 'pm', subject: 'Bureautique' }])
    expect(after.subjects).toEqual([{ date: '2026-11-16', half: 'pm', subject: 'Bureautique' }])
    // Only real changes are audited.
    expect(audits('session.subjects.save').map((a) => JSON.parse(a.after_json).length)).toEqual([2, 1])
    expect(refusal(() => saveSubjects(ctx, sessionId, [{ date: '2027-05-03', half: 'am', subject: 'Hors session' }])).message).toBe(
      'Le 03/05/2027 est en dehors des dates de la session (du 07/09/2026 au 31/03/2027) : aucun sujet enregistré.'
    )
  })
})
