import { describe, expect, it } from 'vitest'
import {
  compareIsoToFilterDate,
  compareText,
  countLabel,
  csvFileName,
  csvSafe,
  formatCount,
  formatDateCell,
  formatEurosCell,
  formatHoursCell,
  formatTimestampFr,
  isInvalidInput,
  parseCheckedCell,
  parseDateCell,
  parseEurosCell,
  parseHoursCell,
  parseTextCell,
  quickFilterMatches,
  quickFilterParts,
  timestampDay
} from '../../../renderer/src/grid/cellValues'
import { checkFranceTravailId } from '@shared/domain/franceTravailId'

describe('date cells', () => {
  it('formats ISO days the French way and leaves blanks blank', () => {
    expect(formatDateCell('2026-11-22')).toBe('22/11/2026')
    expect(formatDateCell(null)).toBe('')
    expect(formatDateCell(undefined)).toBe('')
  })

  it('parses French input to ISO', () => {
    expect(parseDateCell('22/11/2026')).toBe('2026-11-22')
    expect(parseDateCell('1/2/1990')).toBe('1990-02-01')
    expect(parseDateCell(' 05.03.1985 ')).toBe('1985-03-05')
    expect(parseDateCell('1985-03-05')).toBe('1985-03-05')
  })

  it('treats a blank cell as no value', () => {
    expect(parseDateCell('')).toBeNull()
    expect(parseDateCell('   ')).toBeNull()
    expect(parseDateCell(null)).toBeNull()
  })

  it('turns unreadable input into a French message instead of guessing', () => {
    const r = parseDateCell('31/02/2026')
    expect(isInvalidInput(r)).toBe(true)
    if (isInvalidInput(r)) {
      expect(r.message).toBe("La date 31/02/2026 n'existe pas.")
      expect(r.raw).toBe('31/02/2026')
    }
    const garbage = parseDateCell('demain')
    expect(isInvalidInput(garbage) && garbage.message).toBe('Date attendue au format jj/mm/aaaa.')
  })

  it('compares ISO cells with the local filter date like AG Grid expects', () => {
    const filter = new Date(2026, 10, 22)
    expect(compareIsoToFilterDate(filter, '2026-11-21')).toBeLessThan(0)
    expect(compareIsoToFilterDate(filter, '2026-11-22')).toBe(0)
    expect(compareIsoToFilterDate(filter, '2026-11-23')).toBeGreaterThan(0)
    expect(compareIsoToFilterDate(filter, null)).toBe(-1)
  })
})

describe('hours cells', () => {
  it('formats with a decimal comma', () => {
    expect(formatHoursCell(7.5)).toBe('7,5')
    expect(formatHoursCell(7)).toBe('7')
    expect(formatHoursCell(null)).toBe('')
  })

  it('parses what clerks type', () => {
    expect(parseHoursCell('7,5')).toBe(7.5)
    expect(parseHoursCell('7h30')).toBe(7.5)
    expect(parseHoursCell('')).toBeNull()
    expect(isInvalidInput(parseHoursCell('25'))).toBe(true)
    expect(isInvalidInput(parseHoursCell('abc'))).toBe(true)
  })
})

describe('euro cells', () => {
  it('formats cents as French euros', () => {
    expect(formatEurosCell(123450)).toBe('1\u202F234,50\u00A0€')
    expect(formatEurosCell(null)).toBe('')
  })

  it('parses French amounts to cents', () => {
    expect(parseEurosCell('1 234,50 €')).toBe(123450)
    expect(parseEurosCell('12')).toBe(1200)
    expect(parseEurosCell('')).toBeNull()
    expect(isInvalidInput(parseEurosCell('12.500'))).toBe(true)
  })
})

describe('text cells', () => {
  it('trims and keeps empty text empty (the server says which field is required)', () => {
    expect(parseTextCell('  Lefèvre ')).toBe('Lefèvre')
    expect(parseTextCell(null)).toBe('')
  })

  it('checks a text cell with a domain check', () => {
    expect(parseCheckedCell('0676932w', checkFranceTravailId)).toBe('0676932W')
    expect(parseCheckedCell('', checkFranceTravailId)).toBeNull()
    const bad = parseCheckedCell('12AB', checkFranceTravailId)
    expect(isInvalidInput(bad) && bad.message).toContain("n'a pas la forme attendue")
  })
})

describe('timestamps', () => {
  it('shows local date and time', () => {
    const iso = new Date(2026, 10, 22, 9, 5).toISOString()
    expect(formatTimestampFr(iso)).toBe('22/11/2026 09:05')
    expect(timestampDay(iso)).toBe('2026-11-22')
    expect(formatTimestampFr('')).toBe('')
    expect(timestampDay('n/a')).toBeNull()
  })
})

describe('sorting', () => {
  it('sorts French names with accents among their letters, blanks last', () => {
    const names = ['Zola', 'Émile', 'Eva', '', 'dupont', null]
    expect([...names].sort((a, b) => compareText(a, b))).toEqual(['dupont', 'Émile', 'Eva', 'Zola', '', null])
  })

  it('keeps blanks last in descending order too', () => {
    // AG Grid reverses the comparator for descending sorts and tells it so.
    const desc = ['b', null, 'a'].sort((x, y) => -compareText(x, y, undefined, undefined, true))
    expect(desc).toEqual(['b', 'a', null])
  })
})

describe('counts', () => {
  it('groups thousands and agrees in number', () => {
    expect(formatCount(1234)).toBe('1\u202F234')
    expect(formatCount(12)).toBe('12')
    expect(countLabel(1234, 'stagiaire', 'stagiaires')).toBe('1\u202F234 stagiaires')
    expect(countLabel(1, 'stagiaire', 'stagiaires')).toBe('1 stagiaire')
    expect(countLabel(0, 'stagiaire', 'stagiaires')).toBe('0 stagiaire')
  })
})

describe('quick filter', () => {
  it('ignores accents and case, every word must match', () => {
    const parts = quickFilterParts('lefevre  elo')
    expect(parts).toEqual(['lefevre', 'elo'])
    expect(quickFilterMatches(parts, 'LEFÈVRE Élodie 0676932W')).toBe(true)
    expect(quickFilterMatches(parts, 'LEFÈVRE Marc')).toBe(false)
  })
})

describe('CSV export', () => {
  it('neutralises spreadsheet formulas but keeps numbers and phone numbers', () => {
    expect(csvSafe('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")')
    expect(csvSafe('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvSafe('-cmd')).toBe("'-cmd")
    expect(csvSafe('-12,50 €')).toBe('-12,50 €')
    expect(csvSafe('+33 6 12 34 56 78')).toBe('+33 6 12 34 56 78')
    expect(csvSafe('Lefèvre')).toBe('Lefèvre')
  })

  it('names files with the ISO day', () => {
    expect(csvFileName('stagiaires', '2026-11-22')).toBe('stagiaires-2026-11-22.csv')
  })
})

describe('French date filter input', () => {
  it('turns an ISO day into the local midnight AG Grid expects', async () => {
    const { isoToLocalDate } = await import('../../../renderer/src/grid/FrenchDateInput')
    const d = isoToLocalDate('2026-03-29')
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2026, 2, 29, 0])
    expect(compareIsoToFilterDate(d, '2026-03-29')).toBe(0)
  })
})
