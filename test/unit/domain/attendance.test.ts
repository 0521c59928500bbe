import { describe, expect, it } from 'vitest'
import {
  attestationRefusal,
  type CellValue,
  cellFromStored,
  checkCell,
  dayTotals,
  formatCell,
  monthDays,
  monthLabelFr,
  ofMonthFr,
  parseCellInput,
  rowCalendar,
  type RowCalendarInput,
  rowTotals,
  sameCell,
  sumTotals
} from '@shared/domain/attendance'

const base: RowCalendarInput = {
  entryDate: '2026-10-01',
  exitDate: null,
  sessionStart: '2026-10-01',
  sessionEnd: '2027-03-31',
  weekly: [7, 7, 7, 7, 3.5, 0, 0],
  interruptions: [],
  breaks: [],
  attested: false
}

describe('parseCellInput', () => {
  it.each([
    ['7,5', 7.5],
    ['7.5', 7.5],
    ['7h30', 7.5],
    [' 7 ', 7],
    ['0', 0],
    ['24', 24],
    ['3,25', 3.25],
    ['7\u00a0h\u00a030', 7.5]
  ])('%j → %d hours', (input, hours) => {
    expect(parseCellInput(input)).toEqual({ ok: true, value: hours })
  })

  it.each([
    ['aj', 'AJ'],
    ['AJ', 'AJ'],
    ['Anj', 'ANJ'],
    [' mal ', 'MAL'],
    ['rdv', 'RDV'],
    ['ent', 'ENT']
  ])('reads the code %j in any case', (input, code) => {
    expect(parseCellInput(input)).toEqual({ ok: true, value: code })
  })

  it('reads hours and a code as a partial absence', () => {
    expect(parseCellInput('3,5 RDV')).toEqual({ ok: true, value: { hours: 3.5, code: 'RDV' } })
    expect(parseCellInput('3h30 rdv')).toEqual({ ok: true, value: { hours: 3.5, code: 'RDV' } })
    expect(parseCellInput('4+aj')).toEqual({ ok: true, value: { hours: 4, code: 'AJ' } })
  })

  it('treats a blank cell as a clear', () => {
    expect(parseCellInput('')).toEqual({ ok: true, value: null })
    expect(parseCellInput('   ')).toEqual({ ok: true, value: null })
  })

  it('refuses with French reasons', () => {
    expect(parseCellInput('25')).toEqual({ ok: false, message: '25 h : une journée compte au plus 24 heures' })
    expect(parseCellInput('xy')).toEqual({ ok: false, message: 'Code inconnu « XY » : codes possibles AJ, ANJ, MAL, AT, RDV, FAM, ENT' })
    expect(parseCellInput('3,5 zz')).toEqual({ ok: false, message: 'Code inconnu « ZZ » : codes possibles AJ, ANJ, MAL, AT, RDV, FAM, ENT' })
    const garbage = parseCellInput('7,5,5')
    expect(garbage.ok).toBe(false)
    expect(parseCellInput('-2').ok).toBe(false)
    expect(parseCellInput('7h75').ok).toBe(false)
  })

  it('formats back what it reads', () => {
    for (const text of ['7,5', 'AJ', '3,5 RDV', '']) {
      const parsed = parseCellInput(text)
      expect(parsed.ok && formatCell(parsed.value)).toBe(text)
    }
  })

  it('compares cells by value', () => {
    expect(sameCell({ hours: 3.5, code: 'RDV' }, { hours: 3.5, code: 'RDV' })).toBe(true)
    expect(sameCell({ hours: 3.5, code: 'RDV' }, 'RDV')).toBe(false)
    expect(sameCell(7, 7)).toBe(true)
    expect(sameCell(null, 0)).toBe(false)
  })
})

describe('months', () => {
  it('knows month ends and leap years', () => {
    expect(monthDays('2026-11')).toHaveLength(30)
    expect(monthDays('2026-12')).toHaveLength(31)
    expect(monthDays('2026-02')).toHaveLength(28)
    expect(monthDays('2028-02')).toHaveLength(29)
    expect(monthDays('2100-02')).toHaveLength(28)
    expect(monthDays('2000-02')).toHaveLength(29)
    expect(monthDays('2028-02').at(-1)).toMatchObject({ date: '2028-02-29', weekday: 2, weekend: false })
  })

  it('gives weekdays, weekends and public holidays', () => {
    const days = monthDays('2026-11')
    expect(days[0]).toEqual({ date: '2026-11-01', day: 1, weekday: 7, weekend: true, holiday: 'Toussaint' })
    expect(days[1]).toMatchObject({ date: '2026-11-02', weekday: 1, weekend: false, holiday: null })
    expect(days[10]).toMatchObject({ date: '2026-11-11', weekday: 3, holiday: 'Armistice 1918' })
    // Alsace-Moselle: 26 December.
    expect(monthDays('2026-12', { alsaceMoselle: true })[25]?.holiday).toBe('Saint-Étienne')
    expect(monthDays('2026-12')[25]?.holiday).toBeNull()
  })

  it('names months in French', () => {
    expect(monthLabelFr('2026-11')).toBe('novembre 2026')
    expect(monthLabelFr('2027-08')).toBe('août 2027')
    expect(ofMonthFr('2026-10')).toBe('d’octobre 2026')
    expect(ofMonthFr('2027-08')).toBe('d’août 2027')
    expect(ofMonthFr('2026-11')).toBe('de novembre 2026')
    expect(() => monthLabelFr('2026-13')).toThrow(RangeError)
  })
})

describe('rowCalendar: planned hours and editable days', () => {
  const days = monthDays('2026-11')
  const at = (date: string) => Number(date.slice(8, 10)) - 1

  it('plans from the weekly planning, 0 on weekends and holidays', () => {
    const { planned, locked } = rowCalendar(days, base)
    expect(planned[at('2026-11-02')]).toBe(7) // Monday
    expect(planned[at('2026-11-06')]).toBe(3.5) // Friday
    expect(planned[at('2026-11-07')]).toBe(0) // Saturday
    expect(planned[at('2026-11-11')]).toBe(0) // Armistice, a Wednesday
    expect(locked.every((l) => l === null)).toBe(true)
    // Mondays to Thursdays at 7 h (5 + 4 + 4 + 4, minus Wednesday 11 November), 4 Fridays at 3,5 h.
    expect(planned.reduce((a, b) => a + b, 0)).toBe(7 * 16 + 3.5 * 4)
  })

  it('uses 7 h Monday to Friday when no planning is known', () => {
    const { planned } = rowCalendar(days, { ...base, weekly: null })
    expect(planned[at('2026-11-06')]).toBe(7)
    expect(planned[at('2026-11-08')]).toBe(0)
  })

  it('locks days before entry, after exit, in an interruption or a session break', () => {
    const { planned, locked } = rowCalendar(days, {
      ...base,
      entryDate: '2026-11-04',
      exitDate: '2026-11-26',
      interruptions: [{ start: '2026-11-09', end: '2026-11-10' }],
      breaks: [{ start: '2026-11-16', end: '2026-11-17' }]
    })
    expect(locked[at('2026-11-03')]).toBe('before_entry')
    expect(locked[at('2026-11-04')]).toBeNull() // entry day is a training day
    expect(locked[at('2026-11-09')]).toBe('interruption')
    expect(locked[at('2026-11-10')]).toBe('interruption')
    expect(locked[at('2026-11-16')]).toBe('session_break')
    expect(locked[at('2026-11-26')]).toBeNull() // exit day too
    expect(locked[at('2026-11-27')]).toBe('after_exit')
    expect(planned[at('2026-11-03')]).toBe(0)
    expect(planned[at('2026-11-16')]).toBe(0)
    expect(planned[at('2026-11-27')]).toBe(0)
  })

  it('locks a whole attested month, keeping the more precise reasons', () => {
    const { locked, planned } = rowCalendar(days, { ...base, entryDate: '2026-11-04', attested: true })
    expect(locked[at('2026-11-03')]).toBe('before_entry')
    expect(locked[at('2026-11-05')]).toBe('attested')
    expect(planned[at('2026-11-05')]).toBe(7)
  })

  it('treats an open interruption as running to the end', () => {
    const { locked } = rowCalendar(days, { ...base, interruptions: [{ start: '2026-11-20', end: null }] })
    expect(locked[at('2026-11-19')]).toBeNull()
    expect(locked[at('2026-11-30')]).toBe('interruption')
  })

  it('plans nothing outside the session dates, without locking', () => {
    const { planned, locked } = rowCalendar(days, { ...base, sessionEnd: '2026-11-20' })
    expect(planned[at('2026-11-23')]).toBe(0)
    expect(locked[at('2026-11-23')]).toBeNull()
  })
})

describe('checkCell', () => {
  const monday = '2026-11-02'
  const saturday = '2026-11-07'

  it('stores hours up to the planning', () => {
    expect(checkCell({ date: monday, value: 7, planned: 7, locked: null })).toEqual({ ok: true, value: { hours: 7, code: null, absenceHours: null, forced: false } })
    expect(checkCell({ date: monday, value: 0, planned: 7, locked: null }).ok).toBe(true)
  })

  it('refuses hours above the planning unless forced', () => {
    expect(checkCell({ date: monday, value: 9, planned: 7, locked: null })).toEqual({
      ok: false,
      message: '9 h : 7 h prévues au planning ; cochez « forcer » pour dépasser'
    })
    expect(checkCell({ date: monday, value: 9, planned: 7, locked: null, force: true })).toEqual({
      ok: true,
      value: { hours: 9, code: null, absenceHours: null, forced: true }
    })
  })

  it('needs « forcer » for any hours on a day planned 0 (weekend, holiday)', () => {
    const refused = checkCell({ date: saturday, value: 3, planned: 0, locked: null })
    expect(refused).toEqual({ ok: false, message: '3 h le samedi 07/11 : aucune heure prévue au planning ce jour-là ; cochez « forcer » pour en saisir' })
    expect(checkCell({ date: saturday, value: 3, planned: 0, locked: null, force: true })).toMatchObject({ ok: true, value: { hours: 3, forced: true } })
    expect(checkCell({ date: saturday, value: 0, planned: 0, locked: null }).ok).toBe(true)
  })

  it('stores a code as a full day of absence of the planned hours; refuses it on a day off', () => {
    expect(checkCell({ date: monday, value: 'MAL', planned: 7, locked: null })).toEqual({ ok: true, value: { hours: null, code: 'MAL', absenceHours: 7, forced: false } })
    expect(checkCell({ date: saturday, value: 'AJ', planned: 0, locked: null })).toEqual({
      ok: false,
      message: 'Aucune heure prévue le samedi 07/11 : il n’y a pas d’absence à y saisir'
    })
  })

  it('stores a partial absence as hours and the rest of the day', () => {
    expect(checkCell({ date: monday, value: { hours: 3.5, code: 'RDV' }, planned: 7, locked: null })).toEqual({
      ok: true,
      value: { hours: 3.5, code: 'RDV', absenceHours: 3.5, forced: false }
    })
    const full = checkCell({ date: monday, value: { hours: 7, code: 'RDV' }, planned: 7, locked: null })
    expect(full.ok).toBe(false)
  })

  it('refuses locked days with the reason, but lets a stray value be cleared', () => {
    expect(checkCell({ date: monday, value: 7, planned: 0, locked: 'before_entry' })).toEqual({
      ok: false,
      message: 'Le lundi 02/11 est avant l’entrée en formation : rien ne peut y être saisi'
    })
    expect(checkCell({ date: monday, value: null, planned: 0, locked: 'after_exit' })).toEqual({ ok: true, value: null })
    expect(checkCell({ date: monday, value: null, planned: 7, locked: 'attested' }).ok).toBe(false)
    for (const reason of ['interruption', 'session_break', 'attested'] as const) {
      const r = checkCell({ date: monday, value: 7, planned: 7, locked: reason })
      expect(r.ok).toBe(false)
    }
  })

  it('reads stored rows back as cells, demo rows included', () => {
    expect(cellFromStored(7, null)).toBe(7)
    expect(cellFromStored(null, 'AJ')).toBe('AJ')
    expect(cellFromStored(3.5, 'RDV')).toEqual({ hours: 3.5, code: 'RDV' })
  })
})

describe('totals', () => {
  it('adds hours attended, planned hours and absences by code', () => {
    const planned = [7, 7, 7, 7, 3.5, 0, 0]
    const values: CellValue[] = [7, 'MAL', { hours: 3.5, code: 'RDV' }, 'ANJ', 3.5, null, 2]
    const t = rowTotals(values, planned)
    expect(t).toEqual({
      attendedHours: 7 + 3.5 + 3.5 + 2,
      plannedHours: 31.5,
      absenceHours: { MAL: 7, ANJ: 7, RDV: 3.5 },
      absenceDays: { MAL: 1, ANJ: 1, RDV: 1 },
      justifiedAbsenceHours: 10.5,
      unjustifiedAbsenceHours: 7
    })
  })

  it('sums in hundredths, without float drift', () => {
    const t = rowTotals(new Array(10).fill(0.1), new Array(10).fill(0.1))
    expect(t.attendedHours).toBe(1)
    expect(t.plannedHours).toBe(1)
    expect(sumTotals([rowTotals([0.1], [7]), rowTotals([0.2], [7])]).attendedHours).toBe(0.3)
  })

  it('gives the totals row and the column totals', () => {
    const a = { values: [7, 'AJ', null] as const, planned: [7, 7, 0] }
    const b = { values: [3.5, 7, 'ANJ'] as const, planned: [7, 7, 7] }
    const total = sumTotals([rowTotals([...a.values], a.planned), rowTotals([...b.values], b.planned)])
    expect(total).toMatchObject({ attendedHours: 17.5, plannedHours: 35, absenceHours: { AJ: 7, ANJ: 7 }, absenceDays: { AJ: 1, ANJ: 1 }, justifiedAbsenceHours: 7, unjustifiedAbsenceHours: 7 })
    expect(dayTotals([{ values: [...a.values], planned: a.planned }, { values: [...b.values], planned: b.planned }], 3)).toEqual({
      attendedHours: [10.5, 7, 0],
      plannedHours: [14, 14, 7],
      absenceHours: [0, 7, 7]
    })
  })
})

describe('attestation rule', () => {
  it('opens on the 25th of the month', () => {
    expect(attestationRefusal('2026-11', '2026-11-24')).toMatch(/^L’assiduité de novembre 2026 s’atteste à partir du 25 \(le 25\/11\/2026\)/)
    expect(attestationRefusal('2026-11', '2026-11-25')).toBeNull()
    expect(attestationRefusal('2026-10', '2026-11-03')).toBeNull()
  })

  it('refuses a month that has not started', () => {
    expect(attestationRefusal('2026-12', '2026-11-30')).toBe('Impossible d’attester l’assiduité de décembre 2026 : ce mois n’a pas encore commencé.')
  })

  it('works in February of a leap year', () => {
    expect(attestationRefusal('2028-02', '2028-02-25')).toBeNull()
    expect(monthDays('2028-02').filter((d) => d.day >= 25)).toHaveLength(5)
  })
})
