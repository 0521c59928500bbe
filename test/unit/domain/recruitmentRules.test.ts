import { describe, expect, it } from 'vitest'
import { dayOfWeek } from '@shared/domain/dates'
import {
  canReceiveResult,
  canUndoRetained,
  checkCapacity,
  checkEventSchedule,
  inTab,
  isOverCapacity,
  lacksUpcomingSlot,
  noUpcomingSlotMessage,
  placesLeft,
  plannedHours,
  resultCodeFor,
  retainedSince,
  sessionName,
  weeklySeriesDates
} from '@shared/domain/recruitmentRules'

describe('weekly series', () => {
  it('gives the same weekday every week, across months and years', () => {
    const dates = weeklySeriesDates('2026-12-15', 4)
    expect(dates).toEqual(['2026-12-15', '2026-12-22', '2026-12-29', '2027-01-05'])
    expect(new Set(dates.map(dayOfWeek))).toEqual(new Set([2]))
  })

  it('is one date for a single event and refuses nonsense', () => {
    expect(weeklySeriesDates('2026-02-26', 1)).toEqual(['2026-02-26'])
    expect(weeklySeriesDates('2028-02-22', 2)).toEqual(['2028-02-22', '2028-02-29'])
    expect(() => weeklySeriesDates('2026-02-26', 0)).toThrow(RangeError)
  })
})

describe('event schedule', () => {
  const base = { dates: ['2026-12-01'], endDate: null, startTime: '09:30', endTime: '12:00', capacity: 12 }

  it('accepts a slot before the end of the session, or any slot of an open-ended one', () => {
    expect(checkEventSchedule(base, '2027-03-31').ok).toBe(true)
    expect(checkEventSchedule({ ...base, dates: ['2027-03-31'] }, '2027-03-31').ok).toBe(true)
    expect(checkEventSchedule({ ...base, dates: ['2030-01-01'] }, null).ok).toBe(true)
  })

  it('refuses a date after the end of the session, naming the offending occurrence of a series', () => {
    const single = checkEventSchedule({ ...base, dates: ['2027-04-01'] }, '2027-03-31')
    expect(single).toEqual({ ok: false, message: expect.stringMatching(/01\/04\/2027.*après la fin de la session \(31\/03\/2027\)/) })
    const series = checkEventSchedule({ ...base, dates: weeklySeriesDates('2027-03-16', 4) }, '2027-03-31')
    expect(series.ok).toBe(false)
    expect(!series.ok && series.message).toMatch(/^La réunion du 06\/04\/2027/)
  })

  it('refuses an application window ending after the session', () => {
    const r = checkEventSchedule({ ...base, dates: ['2027-03-01'], endDate: '2027-04-15' }, '2027-03-31')
    expect(!r.ok && r.message).toMatch(/fin de la période \(15\/04\/2027\)/)
    expect(checkEventSchedule({ ...base, endDate: '2026-11-30' }, null).ok).toBe(false)
  })

  it('wants an end time after the start time and at least one place', () => {
    expect(checkEventSchedule({ ...base, endTime: '09:30' }, null)).toEqual({ ok: false, message: expect.stringMatching(/heure de fin \(09:30\) doit être après/) })
    expect(checkEventSchedule({ ...base, endTime: '08:00' }, null).ok).toBe(false)
    expect(checkEventSchedule({ ...base, startTime: null }, null).ok).toBe(true)
    expect(checkEventSchedule({ ...base, capacity: 0 }, null).ok).toBe(false)
    expect(checkEventSchedule({ ...base, capacity: null }, null).ok).toBe(true)
  })
})

describe('capacity', () => {
  it('counts places left, none beyond the limit', () => {
    expect(placesLeft(12, 5)).toBe(7)
    expect(placesLeft(12, 14)).toBe(0)
    expect(placesLeft(null, 99)).toBeNull()
  })

  it('refuses the whole booking when it does not fit, giving the places left', () => {
    expect(checkCapacity(12, 10, 2).ok).toBe(true)
    expect(checkCapacity(null, 500, 20).ok).toBe(true)
    const r = checkCapacity(12, 10, 3)
    expect(!r.ok && r.message).toMatch(/^Il reste 2 places sur cette réunion.*impossible d’en positionner 3/)
    expect(!checkCapacity(1, 0, 2).ok && (checkCapacity(1, 0, 2) as { message: string }).message).toMatch(/^Il reste 1 place /)
    expect((checkCapacity(3, 3, 1) as { message: string }).message).toMatch(/^Il ne reste aucune place/)
  })

  it('flags more booked than places', () => {
    expect(isOverCapacity(10, 11)).toBe(true)
    expect(isOverCapacity(10, 10)).toBe(false)
    expect(isOverCapacity(null, 100)).toBe(false)
  })
})

describe('KAIROS tabs', () => {
  it('inscrits: everyone', () => {
    expect(inTab('inscrits', 'unknown', null)).toBe(true)
    expect(inTab('inscrits', 'present', 'retenu')).toBe(true)
  })

  it('presence: not entered yet or absent; a present person leaves the list', () => {
    expect(inTab('presence', 'unknown', null)).toBe(true)
    expect(inTab('presence', 'absent', null)).toBe(true)
    expect(inTab('presence', 'present', null)).toBe(false)
  })

  it('resultat: present people without a final result; retenu leaves, non retenu and en attente stay', () => {
    expect(inTab('resultat', 'present', null)).toBe(true)
    expect(inTab('resultat', 'present', 'non_retenu')).toBe(true)
    expect(inTab('resultat', 'present', 'en_attente')).toBe(true)
    expect(inTab('resultat', 'present', 'retenu')).toBe(false)
    expect(inTab('resultat', 'absent', null)).toBe(false)
    expect(inTab('resultat', 'unknown', null)).toBe(false)
  })
})

describe('results and France Travail codes', () => {
  it('maps retenu → ICR, non retenu → ICN, en attente → none, absent → ICA', () => {
    expect(resultCodeFor('present', 'retenu')).toBe('ICR')
    expect(resultCodeFor('present', 'non_retenu')).toBe('ICN')
    expect(resultCodeFor('present', 'en_attente')).toBeNull()
    expect(resultCodeFor('present', null)).toBeNull()
    expect(resultCodeFor('absent', null)).toBe('ICA')
    expect(resultCodeFor('absent', 'retenu')).toBe('ICA')
    expect(resultCodeFor('unknown', 'retenu')).toBeNull()
  })

  it('gives a result to present people only', () => {
    expect(canReceiveResult('present')).toBe(true)
    expect(canReceiveResult('absent')).toBe(false)
    expect(canReceiveResult('unknown')).toBe(false)
  })

  it('undoes a retenu only while the enrolment has not moved on', () => {
    expect(canUndoRetained(null)).toBe(true)
    expect(canUndoRetained('retenu')).toBe(true)
    expect(canUndoRetained('inscrit')).toBe(false)
    expect(canUndoRetained('a_valider')).toBe(false)
  })

  it('dates the enrolment from the meeting, never in the future', () => {
    expect(retainedSince('2026-11-18', '2026-11-22')).toBe('2026-11-18')
    expect(retainedSince('2026-11-25', '2026-11-22')).toBe('2026-11-22')
  })

  it('plans centre + company hours when one is known', () => {
    expect(plannedHours(399, 140)).toBe(539)
    expect(plannedHours(null, 140)).toBe(140)
    expect(plannedHours(null, null)).toBeNull()
  })
})

describe('no upcoming recruitment slot', () => {
  const open = { recruitmentState: 'open' as const, endDate: '2027-03-31', hasUpcomingSlot: false }
  it('warns for an open session not ended without a slot', () => {
    expect(lacksUpcomingSlot(open, '2026-11-22')).toBe(true)
    expect(lacksUpcomingSlot({ ...open, endDate: null }, '2026-11-22')).toBe(true)
    expect(lacksUpcomingSlot({ ...open, endDate: '2026-11-22' }, '2026-11-22')).toBe(true)
  })
  it('is quiet with a slot, a closed or suspended recruitment, or an ended session', () => {
    expect(lacksUpcomingSlot({ ...open, hasUpcomingSlot: true }, '2026-11-22')).toBe(false)
    expect(lacksUpcomingSlot({ ...open, recruitmentState: 'closed' }, '2026-11-22')).toBe(false)
    expect(lacksUpcomingSlot({ ...open, recruitmentState: 'suspended' }, '2026-11-22')).toBe(false)
    expect(lacksUpcomingSlot({ ...open, endDate: '2026-11-21' }, '2026-11-22')).toBe(false)
  })
  it('names the session in French', () => {
    expect(noUpcomingSlotMessage(sessionName({ label: null, trainingTitle: 'TP Secrétaire assistant', startDate: '2027-01-11' }))).toBe(
      'Session TP Secrétaire assistant du 11/01/2027 : recrutement ouvert sans créneau à venir'
    )
    expect(sessionName({ label: 'SA Lorient – janvier 2027', trainingTitle: 'x', startDate: null })).toBe('SA Lorient – janvier 2027')
  })
})
