import { describe, expect, it } from 'vitest'
import {
  aifFilingState,
  attendanceState,
  attendanceWindow,
  currentAttendanceMonth,
  declarationDueDate,
  declarationState,
  monthsToCheck,
  nextMonth,
  previousMonth,
  sessionEntryState
} from '@shared/domain/deadlines'

describe('declarationDueDate', () => {
  it('is three calendar days after the effective date on a plain week', () => {
    expect(declarationDueDate('2026-03-09')).toBe('2026-03-12') // Mon → Thu
    expect(declarationDueDate('2026-03-10')).toBe('2026-03-13') // Tue → Fri
    expect(declarationDueDate('2026-03-13')).toBe('2026-03-16') // Fri → Mon (counted across the weekend)
  })

  it('moves a Saturday or Sunday deadline to Monday', () => {
    expect(declarationDueDate('2026-03-11')).toBe('2026-03-16') // Wed → Sat 14 → Mon 16
    expect(declarationDueDate('2026-03-12')).toBe('2026-03-16') // Thu → Sun 15 → Mon 16
    expect(declarationDueDate('2026-03-14')).toBe('2026-03-17') // event on a Saturday → Tue
  })

  it('moves a deadline falling on Easter Monday', () => {
    expect(declarationDueDate('2026-04-03')).toBe('2026-04-07') // Fri → Mon 6 (Easter Monday) → Tue 7
    expect(declarationDueDate('2025-04-18')).toBe('2025-04-22') // Fri → Mon 21 (Easter Monday) → Tue 22
  })

  it('moves a deadline falling on Ascension', () => {
    expect(declarationDueDate('2026-05-11')).toBe('2026-05-15') // Mon → Thu 14 (Ascension) → Fri 15
    expect(declarationDueDate('2028-05-22')).toBe('2028-05-26') // Ascension 2028: Thu 25
  })

  it('moves a deadline falling on Whit Monday', () => {
    expect(declarationDueDate('2026-05-22')).toBe('2026-05-26') // Fri → Mon 25 (Pentecôte) → Tue 26
    expect(declarationDueDate('2026-05-21')).toBe('2026-05-26') // Thu → Sun 24 → Mon 25 holiday → Tue 26
  })

  it('handles the end of December and the new year', () => {
    expect(declarationDueDate('2026-12-22')).toBe('2026-12-28') // Tue → Fri 25 (Noël) → Mon 28
    expect(declarationDueDate('2026-12-29')).toBe('2027-01-04') // Tue → Fri 1 Jan → Mon 4
    expect(declarationDueDate('2027-12-29')).toBe('2028-01-03') // Wed → Sat 1 Jan → Mon 3
    expect(declarationDueDate('2025-12-22', { alsaceMoselle: true })).toBe('2025-12-29') // Thu 25, Fri 26
    expect(declarationDueDate('2025-12-22')).toBe('2025-12-26')
  })

  it('handles month ends and 29 February', () => {
    expect(declarationDueDate('2028-02-26')).toBe('2028-02-29') // Sat → Tue 29 February
    expect(declarationDueDate('2028-02-28')).toBe('2028-03-02')
    expect(declarationDueDate('2027-02-26')).toBe('2027-03-01') // Fri → Mon 1 March
    expect(declarationDueDate('2026-04-28')).toBe('2026-05-04') // Tue → Fri 1 May → Mon 4
    expect(declarationDueDate('2026-01-30')).toBe('2026-02-02')
  })

  it('throws on an invalid date', () => {
    expect(() => declarationDueDate('2027-02-29')).toThrow(RangeError)
  })
})

describe('declarationState', () => {
  it('is à faire up to the due date, en retard the day after', () => {
    expect(declarationState({ effectiveDate: '2026-03-09', declaredOn: null, today: '2026-03-09' })).toEqual({
      state: 'a_faire',
      dueDate: '2026-03-12',
      daysLate: 0,
      ageDays: 0
    })
    expect(declarationState({ effectiveDate: '2026-03-09', declaredOn: null, today: '2026-03-12' })).toEqual({
      state: 'a_faire',
      dueDate: '2026-03-12',
      daysLate: 0,
      ageDays: 3
    })
    expect(declarationState({ effectiveDate: '2026-03-09', declaredOn: null, today: '2026-03-13' })).toEqual({
      state: 'en_retard',
      dueDate: '2026-03-12',
      daysLate: 1,
      ageDays: 4
    })
  })

  it('uses the moved deadline: an event on Friday 22 May 2026 is not late on Whit Monday', () => {
    expect(declarationState({ effectiveDate: '2026-05-22', declaredOn: null, today: '2026-05-26' }).state).toBe('a_faire')
    expect(declarationState({ effectiveDate: '2026-05-22', declaredOn: null, today: '2026-05-27' }).state).toBe('en_retard')
  })

  it('is declared whatever the date, and tells how late the declaration was', () => {
    expect(declarationState({ effectiveDate: '2026-03-09', declaredOn: '2026-03-20', today: '2026-04-01' })).toEqual({
      state: 'declare',
      dueDate: '2026-03-12',
      daysLate: 8,
      ageDays: 23
    })
    expect(declarationState({ effectiveDate: '2026-03-09', declaredOn: '2026-03-10', today: '2026-04-01' }).daysLate).toBe(0)
  })

  it('counts the age across 29 February', () => {
    expect(declarationState({ effectiveDate: '2028-02-27', declaredOn: null, today: '2028-03-02' })).toMatchObject({
      dueDate: '2028-03-01',
      state: 'en_retard',
      daysLate: 1,
      ageDays: 4
    })
  })

  it('throws on invalid dates', () => {
    expect(() => declarationState({ effectiveDate: '2026-03-09', declaredOn: 'hier', today: '2026-03-10' })).toThrow(RangeError)
    expect(() => declarationState({ effectiveDate: '2026-03-09', declaredOn: null, today: '' })).toThrow(RangeError)
  })
})

describe('sessionEntryState', () => {
  const base = { sessionStart: '2026-03-09', entriesRecorded: 0, expected: 5 }

  it('is pas commencé before the start', () => {
    expect(sessionEntryState({ ...base, today: '2026-03-08' })).toBe('pas_commence')
    expect(sessionEntryState({ ...base, today: '2026-03-08', entriesRecorded: 5 })).toBe('pas_commence')
  })

  it('is à faire until the due date, en retard afterwards', () => {
    expect(sessionEntryState({ ...base, today: '2026-03-09' })).toBe('a_faire')
    expect(sessionEntryState({ ...base, today: '2026-03-12' })).toBe('a_faire')
    expect(sessionEntryState({ ...base, today: '2026-03-13' })).toBe('en_retard')
    expect(sessionEntryState({ ...base, today: '2026-03-13', entriesRecorded: 4 })).toBe('en_retard')
  })

  it('applies the holiday shift', () => {
    expect(sessionEntryState({ ...base, sessionStart: '2026-05-22', today: '2026-05-26' })).toBe('a_faire')
    expect(sessionEntryState({ ...base, sessionStart: '2026-05-22', today: '2026-05-27' })).toBe('en_retard')
  })

  it('is fait when every expected entry is recorded, or when none is expected', () => {
    expect(sessionEntryState({ ...base, today: '2026-04-20', entriesRecorded: 5 })).toBe('fait')
    expect(sessionEntryState({ ...base, today: '2026-04-20', entriesRecorded: 0, expected: 0 })).toBe('fait')
  })

  it('throws on bad counts', () => {
    expect(() => sessionEntryState({ ...base, today: '2026-03-10', expected: -1 })).toThrow(RangeError)
    expect(() => sessionEntryState({ ...base, today: '2026-03-10', entriesRecorded: 1.5 })).toThrow(RangeError)
  })
})

describe('monthly attendance', () => {
  it('opens on the 25th and is due by the last day of the month', () => {
    expect(attendanceWindow('2026-03')).toEqual({ opensOn: '2026-03-25', dueBy: '2026-03-31' })
    expect(attendanceWindow('2026-04')).toEqual({ opensOn: '2026-04-25', dueBy: '2026-04-30' })
    expect(attendanceWindow('2026-02')).toEqual({ opensOn: '2026-02-25', dueBy: '2026-02-28' })
    expect(attendanceWindow('2028-02')).toEqual({ opensOn: '2028-02-25', dueBy: '2028-02-29' })
    expect(attendanceWindow('2026-12')).toEqual({ opensOn: '2026-12-25', dueBy: '2026-12-31' })
  })

  it('24th → pas encore, 25th → à saisir, 1st of the next month → en retard', () => {
    const s = (today: string, attested = false): string => attendanceState({ month: '2026-03', today, attested })
    expect(s('2026-03-01')).toBe('pas_encore')
    expect(s('2026-03-24')).toBe('pas_encore')
    expect(s('2026-03-25')).toBe('a_saisir')
    expect(s('2026-03-31')).toBe('a_saisir')
    expect(s('2026-04-01')).toBe('en_retard')
    expect(s('2026-09-15')).toBe('en_retard')
    expect(s('2026-04-01', true)).toBe('atteste')
    expect(s('2026-03-26', true)).toBe('atteste')
  })

  it('handles February in a leap year and December', () => {
    expect(attendanceState({ month: '2028-02', today: '2028-02-29', attested: false })).toBe('a_saisir')
    expect(attendanceState({ month: '2028-02', today: '2028-03-01', attested: false })).toBe('en_retard')
    expect(attendanceState({ month: '2027-02', today: '2027-02-28', attested: false })).toBe('a_saisir')
    expect(attendanceState({ month: '2027-02', today: '2027-03-01', attested: false })).toBe('en_retard')
    expect(attendanceState({ month: '2026-12', today: '2026-12-31', attested: false })).toBe('a_saisir')
    expect(attendanceState({ month: '2026-12', today: '2027-01-01', attested: false })).toBe('en_retard')
  })

  it('currentAttendanceMonth: this month from the 25th, the previous one before', () => {
    expect(currentAttendanceMonth('2026-03-24')).toBe('2026-02')
    expect(currentAttendanceMonth('2026-03-25')).toBe('2026-03')
    expect(currentAttendanceMonth('2026-03-31')).toBe('2026-03')
    expect(currentAttendanceMonth('2026-01-10')).toBe('2025-12')
    expect(currentAttendanceMonth('2026-12-25')).toBe('2026-12')
  })

  it('monthsToCheck: the previous month, plus the current one from the 25th', () => {
    expect(monthsToCheck('2026-01-10')).toEqual(['2025-12'])
    expect(monthsToCheck('2026-01-24')).toEqual(['2025-12'])
    expect(monthsToCheck('2026-01-25')).toEqual(['2025-12', '2026-01'])
    expect(monthsToCheck('2028-03-01')).toEqual(['2028-02'])
  })

  it('previousMonth / nextMonth cross years', () => {
    expect(previousMonth('2026-01')).toBe('2025-12')
    expect(previousMonth('2026-03')).toBe('2026-02')
    expect(nextMonth('2026-12')).toBe('2027-01')
    expect(nextMonth('2028-02')).toBe('2028-03')
  })

  it('throws on a malformed month', () => {
    expect(() => attendanceWindow('2026-13')).toThrow(RangeError)
    expect(() => attendanceWindow('2026-3')).toThrow(RangeError)
    expect(() => attendanceState({ month: '2026-00', today: '2026-01-01', attested: false })).toThrow(RangeError)
    expect(() => previousMonth('2026-03-01')).toThrow(RangeError)
  })
})

describe('aifFilingState', () => {
  const start = '2026-04-01'

  it('is on time when filed 15 days or more before the start', () => {
    expect(aifFilingState({ sessionStart: start, filedOn: '2026-03-17', today: '2026-03-20' })).toEqual({
      state: 'depose',
      latestFilingDate: '2026-03-17',
      message: null
    })
    expect(aifFilingState({ sessionStart: start, filedOn: '2026-02-01', today: '2026-03-20' }).state).toBe('depose')
  })

  it('warns when filed later', () => {
    expect(aifFilingState({ sessionStart: start, filedOn: '2026-03-18', today: '2026-03-20' })).toEqual({
      state: 'tardif',
      latestFilingDate: '2026-03-17',
      message: 'Devis déposé moins de 15 jours avant l’entrée (le 18/03/2026, 14 jours avant).'
    })
    expect(aifFilingState({ sessionStart: start, filedOn: '2026-03-31', today: '2026-04-02' }).message).toContain('la veille')
    expect(aifFilingState({ sessionStart: start, filedOn: '2026-04-01', today: '2026-04-02' }).message).toContain('le jour même')
    expect(aifFilingState({ sessionStart: start, filedOn: '2026-04-03', today: '2026-04-05' }).message).toContain('après l’entrée')
  })

  it('not filed yet: to do until the last day, then a warning', () => {
    expect(aifFilingState({ sessionStart: start, filedOn: null, today: '2026-03-17' })).toEqual({
      state: 'a_deposer',
      latestFilingDate: '2026-03-17',
      message: null
    })
    const late = aifFilingState({ sessionStart: start, filedOn: null, today: '2026-03-18' })
    expect(late.state).toBe('tardif')
    expect(late.message).toBe(
      'Devis non déposé à moins de 15 jours de l’entrée (01/04/2026) : il fallait le déposer au plus tard le 17/03/2026.'
    )
  })

  it('counts back across 29 February', () => {
    expect(aifFilingState({ sessionStart: '2028-03-15', filedOn: null, today: '2028-02-01' }).latestFilingDate).toBe('2028-02-29')
    expect(aifFilingState({ sessionStart: '2027-03-15', filedOn: null, today: '2027-02-01' }).latestFilingDate).toBe('2027-02-28')
  })
})
