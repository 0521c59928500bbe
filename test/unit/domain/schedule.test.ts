import { describe, expect, it } from 'vitest'
import { dayHours, deriveDay, deriveSchedule, formatSlotFr, scheduleProblem, weeklyHoursOf, type WeekSchedule } from '@shared/domain/schedule'

describe('deriveSchedule (a session without a saved timetable)', () => {
  it('splits a 7-hour day around the lunch break: 9h00–12h30 / 13h30–17h00', () => {
    expect(deriveDay(7)).toEqual({ am: { start: '09:00', end: '12:30' }, pm: { start: '13:30', end: '17:00' } })
  })
  it('gives a 3,5-hour day (and up to 4 h) a morning only', () => {
    expect(deriveDay(3.5)).toEqual({ am: { start: '09:00', end: '12:30' }, pm: null })
    expect(deriveDay(4)).toEqual({ am: { start: '09:00', end: '13:00' }, pm: null })
  })
  it('starts the morning at 8h30 on days over 7 h, keeps 3,5 h mornings below', () => {
    expect(deriveDay(8)).toEqual({ am: { start: '08:30', end: '12:30' }, pm: { start: '13:30', end: '17:30' } })
    expect(deriveDay(5)).toEqual({ am: { start: '09:00', end: '12:30' }, pm: { start: '13:30', end: '15:00' } })
    expect(deriveDay(6.25).pm).toEqual({ start: '13:30', end: '16:15' })
  })
  it('leaves days without hours empty and keeps the weekly hours', () => {
    const weekly = [7, 7, 7, 7, 3.5, 0, 0]
    const w = deriveSchedule(weekly)
    expect(w[5]).toEqual({ am: null, pm: null })
    expect(weeklyHoursOf(w)).toEqual(weekly)
    for (const h of [0.5, 1, 2.75, 4, 4.5, 6, 7, 7.5, 8, 9, 10]) expect(dayHours(deriveDay(h))).toBeCloseTo(h)
  })
  it('falls back to Monday–Friday 7 h when the rhythm is missing or malformed', () => {
    expect(weeklyHoursOf(deriveSchedule(null))).toEqual([7, 7, 7, 7, 7, 0, 0])
    expect(weeklyHoursOf(deriveSchedule([1, 2]))).toEqual([7, 7, 7, 7, 7, 0, 0])
  })
  it('prints times the French way', () => {
    expect(formatSlotFr({ start: '09:00', end: '12:30' })).toBe('9h00–12h30')
  })
})

describe('scheduleProblem', () => {
  const ok = deriveSchedule([7, 7, 7, 7, 3.5, 0, 0])
  it('accepts a derived timetable', () => expect(scheduleProblem(ok)).toBeNull())
  it('refuses an end before the start, an afternoon before the morning ends, a malformed time', () => {
    const w: WeekSchedule = ok.map((d) => ({ ...d }))
    w[0] = { am: { start: '12:00', end: '09:00' }, pm: null }
    expect(scheduleProblem(w)).toMatch(/^Lundi matin : la fin \(9h00\) doit suivre le début \(12h00\)/)
    w[0] = { am: { start: '09:00', end: '12:30' }, pm: { start: '12:00', end: '16:00' } }
    expect(scheduleProblem(w)).toMatch(/^Lundi : l’après-midi commence/)
    w[0] = { am: { start: '9:00', end: '12:30' }, pm: null }
    expect(scheduleProblem(w)).toMatch(/format 09:00/)
    expect(scheduleProblem(ok.slice(0, 5))).toMatch(/sept jours/)
  })
})
