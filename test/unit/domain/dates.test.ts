import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  addDays,
  ageInYears,
  checkBirthDate,
  compareIso,
  dayOfWeek,
  daysInMonth,
  diffDays,
  formatDateFr,
  formatDateLongFr,
  isIsoDate,
  isLeapYear,
  monthOf,
  parseFrenchDate,
  todayIso
} from '@shared/domain/dates'

describe('isLeapYear', () => {
  it('follows the Gregorian rules, century years included', () => {
    expect(isLeapYear(2024)).toBe(true)
    expect(isLeapYear(2025)).toBe(false)
    expect(isLeapYear(1900)).toBe(false)
    expect(isLeapYear(2000)).toBe(true)
    expect(isLeapYear(2100)).toBe(false)
    expect(isLeapYear(2400)).toBe(true)
  })
})

describe('isIsoDate', () => {
  it('accepts real calendar dates', () => {
    expect(isIsoDate('2026-11-22')).toBe(true)
    expect(isIsoDate('2026-01-31')).toBe(true)
    expect(isIsoDate('2026-04-30')).toBe(true)
    expect(isIsoDate('2026-12-31')).toBe(true)
  })

  it('handles 29 February on leap, non-leap and century years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2026-02-28')).toBe(true)
    expect(isIsoDate('1900-02-29')).toBe(false)
    expect(isIsoDate('2000-02-29')).toBe(true)
    expect(isIsoDate('2100-02-29')).toBe(false)
  })

  it('rejects impossible days and months', () => {
    expect(isIsoDate('2026-04-31')).toBe(false)
    expect(isIsoDate('2026-06-31')).toBe(false)
    expect(isIsoDate('2026-09-31')).toBe(false)
    expect(isIsoDate('2026-11-31')).toBe(false)
    expect(isIsoDate('2026-01-32')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('2026-00-10')).toBe(false)
    expect(isIsoDate('2026-01-00')).toBe(false)
    expect(isIsoDate('0000-01-01')).toBe(false)
  })

  it('requires the exact yyyy-mm-dd shape', () => {
    expect(isIsoDate('2026-1-5')).toBe(false)
    expect(isIsoDate('26-01-05')).toBe(false)
    expect(isIsoDate('2026-01-05T00:00:00Z')).toBe(false)
    expect(isIsoDate(' 2026-01-05')).toBe(false)
    expect(isIsoDate('22/11/2026')).toBe(false)
    expect(isIsoDate('')).toBe(false)
  })
})

describe('parseFrenchDate', () => {
  it.each([
    ['22/11/2026', '2026-11-22'],
    ['22/11/26', '2026-11-22'],
    ['2026-11-22', '2026-11-22'],
    ['22.11.2026', '2026-11-22'],
    ['22-11-2026', '2026-11-22'],
    ['1/2/2026', '2026-02-01'],
    ['01/02/2026', '2026-02-01'],
    ['5/6/07', '2007-06-05'],
    ['2026-2-3', '2026-02-03'],
    ['  22/11/2026 ', '2026-11-22'],
    ['22 / 11 / 2026', '2026-11-22'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['31/12/1999', '1999-12-31']
  ])('%s → %s', (input, iso) => {
    expect(parseFrenchDate(input)).toEqual({ ok: true, value: iso })
  })

  it.each([
    ['31/02/2026', 'La date 31/02/2026 n\'existe pas.'],
    ['29/02/2026', 'La date 29/02/2026 n\'existe pas.'],
    ['29/2/1900', 'La date 29/02/1900 n\'existe pas.'],
    ['31/4/26', 'La date 31/04/2026 n\'existe pas.'],
    ['2026-02-30', 'La date 30/02/2026 n\'existe pas.'],
    ['12/13/2026', 'La date 12/13/2026 n\'existe pas.'],
    ['00/01/2026', 'La date 00/01/2026 n\'existe pas.']
  ])('%s does not exist', (input, message) => {
    expect(parseFrenchDate(input)).toEqual({ ok: false, message })
  })

  it.each(['', 'demain', '22/11', '22/11/2026/1', '22/11-2026', '22112026', '22/11/026', '123/11/2026', '2026/11/22', '22 11 2026'])(
    'rejects %j as garbage',
    (input) => {
      expect(parseFrenchDate(input)).toEqual({ ok: false, message: 'Date attendue au format jj/mm/aaaa.' })
    }
  )
})

describe('formatDateFr / formatDateLongFr', () => {
  it('formats as jj/mm/aaaa', () => {
    expect(formatDateFr('2026-11-22')).toBe('22/11/2026')
    expect(formatDateFr('2026-01-05')).toBe('05/01/2026')
  })

  it('returns an empty string for missing values', () => {
    expect(formatDateFr(null)).toBe('')
    expect(formatDateFr(undefined)).toBe('')
    expect(formatDateFr('')).toBe('')
    expect(formatDateLongFr(null)).toBe('')
    expect(formatDateLongFr(undefined)).toBe('')
  })

  it('shows a non-ISO value unchanged rather than hiding it', () => {
    expect(formatDateFr('n/c')).toBe('n/c')
    expect(formatDateLongFr('2026-02-30')).toBe('2026-02-30')
  })

  it('writes the long form with French month names and "1er"', () => {
    expect(formatDateLongFr('2026-11-22')).toBe('22 novembre 2026')
    expect(formatDateLongFr('2026-11-01')).toBe('1er novembre 2026')
    expect(formatDateLongFr('2026-02-02')).toBe('2 février 2026')
    expect(formatDateLongFr('2026-08-15')).toBe('15 août 2026')
    expect(formatDateLongFr('2026-12-31')).toBe('31 décembre 2026')
    expect(formatDateLongFr('2027-01-01')).toBe('1er janvier 2027')
  })
})

describe('addDays / diffDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
    expect(addDays('2026-11-22', 0)).toBe('2026-11-22')
    expect(addDays('2026-11-22', 365)).toBe('2027-11-22')
  })

  it('knows February on leap, non-leap and century years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01')
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
  })

  it('is not disturbed by daylight-saving changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26')
    expect(diffDays('2026-03-28', '2026-03-30')).toBe(2)
    expect(diffDays('2026-10-24', '2026-10-26')).toBe(2)
  })

  it('diffDays is b - a', () => {
    expect(diffDays('2026-11-22', '2026-11-29')).toBe(7)
    expect(diffDays('2026-11-29', '2026-11-22')).toBe(-7)
    expect(diffDays('2026-01-01', '2027-01-01')).toBe(365)
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366)
    expect(diffDays('1900-01-01', '2000-01-01')).toBe(36524)
    expect(diffDays('2000-01-01', '2100-01-01')).toBe(36525)
    expect(diffDays('1970-01-01', '1970-01-01')).toBe(0)
  })

  it('walks day by day from 1899 to 2101 in step with the calendar', () => {
    let iso = '1899-12-25'
    let expected = { y: 1899, m: 12, d: 25 }
    for (let i = 0; i < 73_700; i++) {
      const next = addDays(iso, 1)
      const dim = daysInMonth(`${expected.y}-${String(expected.m).padStart(2, '0')}`)
      expected =
        expected.d < dim
          ? { ...expected, d: expected.d + 1 }
          : expected.m < 12
            ? { y: expected.y, m: expected.m + 1, d: 1 }
            : { y: expected.y + 1, m: 1, d: 1 }
      const want = `${expected.y}-${String(expected.m).padStart(2, '0')}-${String(expected.d).padStart(2, '0')}`
      if (next !== want) expect(next).toBe(want)
      if (diffDays(iso, next) !== 1) expect(diffDays(iso, next)).toBe(1)
      iso = next
    }
    expect(iso > '2101-01-01').toBe(true)
  })

  it('agrees with Date.UTC over a large range', () => {
    for (const iso of ['0001-01-01', '1582-10-15', '1899-12-31', '1970-01-01', '2000-02-29', '2038-01-19', '9999-12-31']) {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
      const utc = new Date(Date.UTC(2000, m - 1, d))
      utc.setUTCFullYear(y)
      expect(diffDays('1970-01-01', iso)).toBe(Math.round(utc.getTime() / 86_400_000))
    }
  })

  it('throws on invalid ISO dates or non-integer day counts (programming errors)', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError)
    expect(() => addDays('22/11/2026', 1)).toThrow(RangeError)
    expect(() => addDays('2026-11-22', 1.5)).toThrow(RangeError)
    expect(() => diffDays('2026-11-22', 'x')).toThrow(RangeError)
  })
})

describe('todayIso', () => {
  it('uses the local calendar date, even late in the evening or just after midnight', () => {
    expect(todayIso(new Date(2026, 10, 22, 23, 59, 59))).toBe('2026-11-22')
    expect(todayIso(new Date(2026, 10, 22, 0, 0, 1))).toBe('2026-11-22')
    expect(todayIso(new Date(2026, 0, 1, 0, 30))).toBe('2026-01-01')
    expect(todayIso(new Date(2024, 1, 29, 12))).toBe('2024-02-29')
  })

  describe('without an argument', () => {
    afterEach(() => vi.useRealTimers())
    it('reads the clock it is given (pinned here)', () => {
      vi.useFakeTimers({ now: new Date(2027, 2, 26, 23, 30) })
      expect(todayIso()).toBe('2027-03-26') // clock pinned above
    })
  })
})

describe('dayOfWeek', () => {
  it('numbers days from Monday (1) to Sunday (7)', () => {
    expect(dayOfWeek('2026-11-23')).toBe(1) // Monday
    expect(dayOfWeek('2026-11-22')).toBe(7) // Sunday
    expect(dayOfWeek('2026-11-28')).toBe(6) // Saturday
    expect(dayOfWeek('1970-01-01')).toBe(4) // Thursday
    expect(dayOfWeek('1969-12-31')).toBe(3) // Wednesday, before the epoch
    expect(dayOfWeek('2000-02-29')).toBe(2) // Tuesday
    expect(dayOfWeek('1900-01-01')).toBe(1) // Monday
  })

  it('matches Date.getUTCDay for every day of several years', () => {
    let iso = '1999-01-01'
    for (let i = 0; i < 366 * 3; i++) {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
      const js = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
      expect(dayOfWeek(iso)).toBe(js === 0 ? 7 : js)
      iso = addDays(iso, 1)
    }
  })
})

describe('months', () => {
  it('monthOf returns yyyy-mm', () => {
    expect(monthOf('2026-11-22')).toBe('2026-11')
    expect(() => monthOf('2026-11')).toThrow(RangeError)
  })

  it('daysInMonth knows every month and February exceptions', () => {
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    lengths.forEach((n, i) => expect(daysInMonth(`2026-${String(i + 1).padStart(2, '0')}`)).toBe(n))
    expect(daysInMonth('2024-02')).toBe(29)
    expect(daysInMonth('1900-02')).toBe(28)
    expect(daysInMonth('2000-02')).toBe(29)
    expect(() => daysInMonth('2026-13')).toThrow(RangeError)
    expect(() => daysInMonth('2026-1')).toThrow(RangeError)
  })
})

describe('compareIso', () => {
  it('sorts chronologically', () => {
    expect(['2026-11-22', '2025-12-31', '2026-01-02'].sort(compareIso)).toEqual(['2025-12-31', '2026-01-02', '2026-11-22'])
    expect(compareIso('2026-01-01', '2026-01-01')).toBe(0)
    expect(compareIso('2026-01-01', '2026-01-02')).toBe(-1)
    expect(compareIso('2026-01-02', '2026-01-01')).toBe(1)
  })
})

describe('ageInYears', () => {
  it('counts completed years', () => {
    expect(ageInYears('2000-11-22', '2026-11-22')).toBe(26)
    expect(ageInYears('2000-11-23', '2026-11-22')).toBe(25)
    expect(ageInYears('2000-12-31', '2026-01-01')).toBe(25)
  })

  it('makes people born on 29 February one year older on 1 March in non-leap years', () => {
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18)
    expect(ageInYears('2008-02-29', '2028-02-29')).toBe(20)
  })
})

describe('checkBirthDate', () => {
  const today = '2026-11-22'

  it('accepts people aged 15 to 100 inclusive', () => {
    expect(checkBirthDate('1990-05-12', today)).toEqual({ ok: true, value: '1990-05-12' })
    expect(checkBirthDate('2011-11-22', today)).toEqual({ ok: true, value: '2011-11-22' }) // 15 today
    expect(checkBirthDate('1926-11-22', today)).toEqual({ ok: true, value: '1926-11-22' }) // 100 today
    expect(checkBirthDate('1925-11-23', today)).toEqual({ ok: true, value: '1925-11-23' }) // 100, 101 tomorrow
  })

  it('rejects a person under 15', () => {
    expect(checkBirthDate('2011-11-23', today)).toEqual({
      ok: false,
      message: 'Avec une naissance le 23/11/2011, la personne aurait 14 ans : il faut avoir au moins 15 ans.'
    })
    expect(checkBirthDate('2025-11-22', today)).toEqual({
      ok: false,
      message: 'Avec une naissance le 22/11/2025, la personne aurait 1 an : il faut avoir au moins 15 ans.'
    })
    expect(checkBirthDate('2026-06-01', today)).toEqual({
      ok: false,
      message: "Avec une naissance le 01/06/2026, la personne aurait moins d'un an : il faut avoir au moins 15 ans."
    })
  })

  it('rejects a person over 100 (usually a mistyped year)', () => {
    expect(checkBirthDate('1925-11-22', today)).toEqual({
      ok: false,
      message: "Avec une naissance le 22/11/1925, la personne aurait 101 ans : vérifiez l'année (100 ans au maximum)."
    })
  })

  it('rejects today and future dates', () => {
    const message = "La date de naissance doit être antérieure à aujourd'hui."
    expect(checkBirthDate(today, today)).toEqual({ ok: false, message })
    expect(checkBirthDate('2085-05-12', today)).toEqual({ ok: false, message })
  })

  it('rejects invalid dates', () => {
    expect(checkBirthDate('2007-02-29', today)).toEqual({ ok: false, message: 'La date de naissance est invalide.' })
    expect(checkBirthDate('12/05/1990', today)).toEqual({ ok: false, message: 'La date de naissance est invalide.' })
  })

  it('handles a 29 February birthday', () => {
    expect(checkBirthDate('2011-02-29', today).ok).toBe(false) // does not exist
    expect(checkBirthDate('2012-02-29', '2027-02-28').ok).toBe(false) // still 14
    expect(checkBirthDate('2012-02-29', '2027-03-01').ok).toBe(true) // 15
  })

  it('throws when "today" itself is not an ISO date (programming error)', () => {
    expect(() => checkBirthDate('1990-05-12', '22/11/2026')).toThrow(RangeError)
  })
})
