import { describe, expect, it } from 'vitest'
import { dayOfWeek } from '@shared/domain/dates'
import {
  easterSunday,
  holidayName,
  isPublicHoliday,
  isWorkingDay,
  nextWorkingDay,
  publicHolidays,
  workingDayOnOrAfter
} from '@shared/domain/frenchHolidays'

describe('easterSunday', () => {
  it('gives known Easter dates', () => {
    expect(easterSunday(2024)).toBe('2024-03-31')
    expect(easterSunday(2025)).toBe('2025-04-20')
    expect(easterSunday(2026)).toBe('2026-04-05')
    expect(easterSunday(2027)).toBe('2027-03-28')
    expect(easterSunday(2028)).toBe('2028-04-16')
    expect(easterSunday(2019)).toBe('2019-04-21')
    expect(easterSunday(2000)).toBe('2000-04-23')
    expect(easterSunday(2038)).toBe('2038-04-25') // latest possible date
    expect(easterSunday(2285)).toBe('2285-03-22') // earliest possible date
  })

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let y = 1900; y <= 2200; y++) {
      const e = easterSunday(y)
      expect(dayOfWeek(e), e).toBe(7)
      expect(e.slice(5) >= '03-22' && e.slice(5) <= '04-25', e).toBe(true)
    }
  })

  it('refuses years outside the Gregorian calendar', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError)
    expect(() => easterSunday(2026.5)).toThrow(RangeError)
    expect(() => publicHolidays(10000)).toThrow(RangeError)
  })
})

describe('publicHolidays', () => {
  it('lists the 11 holidays of 2026, sorted', () => {
    expect(publicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Jour de l’an' },
      { date: '2026-04-06', name: 'Lundi de Pâques' },
      { date: '2026-05-01', name: 'Fête du Travail' },
      { date: '2026-05-08', name: 'Victoire 1945' },
      { date: '2026-05-14', name: 'Ascension' },
      { date: '2026-05-25', name: 'Lundi de Pentecôte' },
      { date: '2026-07-14', name: 'Fête nationale' },
      { date: '2026-08-15', name: 'Assomption' },
      { date: '2026-11-01', name: 'Toussaint' },
      { date: '2026-11-11', name: 'Armistice 1918' },
      { date: '2026-12-25', name: 'Noël' }
    ])
  })

  it('computes the moveable feasts for several years', () => {
    const moveable = (y: number): string[] =>
      publicHolidays(y)
        .filter((h) => ['Lundi de Pâques', 'Ascension', 'Lundi de Pentecôte'].includes(h.name))
        .map((h) => h.date)
    expect(moveable(2024)).toEqual(['2024-04-01', '2024-05-09', '2024-05-20'])
    expect(moveable(2025)).toEqual(['2025-04-21', '2025-05-29', '2025-06-09'])
    expect(moveable(2026)).toEqual(['2026-04-06', '2026-05-14', '2026-05-25'])
    expect(moveable(2027)).toEqual(['2027-03-29', '2027-05-06', '2027-05-17'])
    expect(moveable(2028)).toEqual(['2028-04-17', '2028-05-25', '2028-06-05'])
  })

  it('Ascension is a Thursday and Whit Monday a Monday', () => {
    for (let y = 2000; y <= 2100; y++) {
      const list = publicHolidays(y)
      expect(dayOfWeek(list.find((h) => h.name === 'Ascension')?.date ?? '')).toBe(4)
      expect(dayOfWeek(list.find((h) => h.name === 'Lundi de Pentecôte')?.date ?? '')).toBe(1)
      expect(dayOfWeek(list.find((h) => h.name === 'Lundi de Pâques')?.date ?? '')).toBe(1)
      expect(list).toHaveLength(11)
      expect(list.every((h) => h.date.startsWith(String(y)))).toBe(true)
    }
  })

  it('keeps both holidays when Ascension falls on 1 May (2008)', () => {
    expect(holidayName('2008-05-01')).toBe('Fête du Travail et Ascension')
    expect(publicHolidays(2008)).toHaveLength(11)
  })

  it('adds Good Friday and 26 December in Alsace-Moselle', () => {
    const list = publicHolidays(2026, { alsaceMoselle: true })
    expect(list).toHaveLength(13)
    expect(list).toContainEqual({ date: '2026-04-03', name: 'Vendredi saint' })
    expect(list).toContainEqual({ date: '2026-12-26', name: 'Saint-Étienne' })
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort())
    expect(isPublicHoliday('2026-04-03')).toBe(false)
    expect(isPublicHoliday('2026-04-03', { alsaceMoselle: true })).toBe(true)
    expect(isPublicHoliday('2024-03-29', { alsaceMoselle: true })).toBe(true)
  })
})

describe('isPublicHoliday / isWorkingDay', () => {
  it('recognises holidays', () => {
    expect(isPublicHoliday('2026-05-25')).toBe(true)
    expect(holidayName('2026-05-25')).toBe('Lundi de Pentecôte')
    expect(isPublicHoliday('2026-05-26')).toBe(false)
    expect(holidayName('2026-05-26')).toBeNull()
    expect(isPublicHoliday('2028-02-29')).toBe(false)
  })

  it('working days are Monday to Friday, holidays excluded', () => {
    expect(isWorkingDay('2026-03-09')).toBe(true) // Monday
    expect(isWorkingDay('2026-03-13')).toBe(true) // Friday
    expect(isWorkingDay('2026-03-14')).toBe(false) // Saturday
    expect(isWorkingDay('2026-03-15')).toBe(false) // Sunday
    expect(isWorkingDay('2026-05-14')).toBe(false) // Ascension
    expect(isWorkingDay('2026-12-25')).toBe(false) // Friday, Christmas
    expect(isWorkingDay('2026-12-26')).toBe(false) // Saturday
    expect(isWorkingDay('2028-02-29')).toBe(true) // Tuesday
  })

  it('throws on an invalid date', () => {
    expect(() => isWorkingDay('2026-02-29')).toThrow(RangeError)
    expect(() => isPublicHoliday('25/12/2026')).toThrow(RangeError)
  })
})

describe('nextWorkingDay / workingDayOnOrAfter', () => {
  it('skips weekends and holidays', () => {
    expect(nextWorkingDay('2026-03-13')).toBe('2026-03-16') // Friday → Monday
    expect(nextWorkingDay('2026-03-09')).toBe('2026-03-10')
    expect(nextWorkingDay('2026-04-03')).toBe('2026-04-07') // Good Friday → Easter Monday skipped
    expect(nextWorkingDay('2026-05-22')).toBe('2026-05-26') // Whit Monday skipped
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28') // Christmas Friday, weekend
    expect(nextWorkingDay('2027-12-31')).toBe('2028-01-03') // New Year's Day on a Saturday
    expect(nextWorkingDay('2026-12-24', { alsaceMoselle: true })).toBe('2026-12-28')
    expect(nextWorkingDay('2027-12-24', { alsaceMoselle: true })).toBe('2027-12-27') // 25 Sat, 26 Sun: no substitute day in France
    expect(nextWorkingDay('2025-12-24', { alsaceMoselle: true })).toBe('2025-12-29') // 25 Thu, 26 Fri
    expect(nextWorkingDay('2025-12-24')).toBe('2025-12-26')
  })

  it('workingDayOnOrAfter keeps a working day', () => {
    expect(workingDayOnOrAfter('2026-03-10')).toBe('2026-03-10')
    expect(workingDayOnOrAfter('2026-03-14')).toBe('2026-03-16')
    expect(workingDayOnOrAfter('2026-05-01')).toBe('2026-05-04')
  })
})
