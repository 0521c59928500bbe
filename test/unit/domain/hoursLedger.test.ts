import { describe, expect, it } from 'vitest'
import { hoursLedger, type LedgerCalendar, type LedgerDay, type LedgerEntry, ledgerBalances, ledgerDays, summarise, sumSummaries } from '@shared/domain/hoursLedger'

/*
 * The hours ledger on a calendar of cases. Figures are counted by hand from the calendar (they are
 * the ones issue #11 quotes: 126 h in November 2026, 87,5 h in December 2026 with the closure,
 * 56 h for someone who left on 13 November).
 */

// A session planned Monday–Thursday 7 h and Friday 3,5 h.
const cal: LedgerCalendar = {
  entryDate: '2026-09-07',
  exitDate: null,
  sessionStart: '2026-09-07',
  sessionEnd: '2028-12-31',
  weekly: [7, 7, 7, 7, 3.5, 0, 0],
  interruptions: [],
  breaks: []
}
const LATE = '2099-12-31'
const nov = (c: LedgerCalendar, entries: LedgerEntry[] = [], asOf = LATE) => hoursLedger(c, entries, '2026-11-01', '2026-11-30', asOf)
const day = (l: { days: LedgerDay[] }, date: string): LedgerDay => {
  const d = l.days.find((x) => x.date === date)
  if (!d) throw new Error(`no day ${date}`)
  return d
}

describe('planned hours', () => {
  it('November 2026: 11 November is a public holiday, Fridays are 3,5 h (126 h, not 133 h)', () => {
    const l = nov(cal)
    expect(l.days).toHaveLength(30)
    expect(day(l, '2026-11-11')).toMatchObject({ holiday: 'Armistice 1918', planned: 0 })
    expect(day(l, '2026-11-06').planned).toBe(3.5)
    expect(day(l, '2026-11-07')).toMatchObject({ weekend: true, planned: 0 })
    expect(l.summary.scheduledHours).toBe(126)
    expect(l.summary.plannedHours).toBe(126)
    expect(l.summary.unrecordedHours).toBe(126)
    expect(ledgerBalances(l.summary)).toBe(true)
  })

  it('December 2026 with the session closed from 21/12 to 01/01/2027: 87,5 h', () => {
    const c = { ...cal, breaks: [{ start: '2026-12-21', end: '2027-01-01' }] }
    const l = hoursLedger(c, [], '2026-12-01', '2026-12-31', LATE)
    expect(l.summary.plannedHours).toBe(87.5)
    expect(day(l, '2026-12-22')).toMatchObject({ presence: 'session_break', planned: 0 })
    expect(day(l, '2026-12-25')).toMatchObject({ presence: 'session_break', holiday: 'Noël', planned: 0 })
    const jan = hoursLedger(c, [], '2027-01-01', '2027-01-08', LATE)
    // 1 January: closure and holiday; back on Monday 4th: 4 × 7 + 3,5.
    expect(jan.summary.plannedHours).toBe(31.5)
  })

  it('Alsace-Moselle: Good Friday and 26 December are holidays only there', () => {
    // Easter 2027 is 28 March: Good Friday 26 March. 26 December 2028 is a Tuesday.
    const march = (alsaceMoselle: boolean) => hoursLedger(cal, [], '2027-03-22', '2027-03-26', LATE, { alsaceMoselle })
    expect(march(false).summary.plannedHours).toBe(31.5)
    expect(march(true).summary.plannedHours).toBe(28)
    expect(day(march(true), '2027-03-26').holiday).toBe('Vendredi saint')
    const boxing = (alsaceMoselle: boolean) => day(hoursLedger(cal, [], '2028-12-26', '2028-12-26', LATE, { alsaceMoselle }), '2028-12-26')
    expect(boxing(false).planned).toBe(7)
    expect(boxing(true)).toMatchObject({ planned: 0, holiday: 'Saint-Étienne' })
  })

  it('leap February 2028: 29 days, 133 h', () => {
    const l = hoursLedger(cal, [], '2028-02-01', '2028-02-29', LATE)
    expect(l.days).toHaveLength(29)
    expect(day(l, '2028-02-29')).toMatchObject({ weekday: 2, planned: 7 })
    expect(l.summary.plannedHours).toBe(133)
    // A period running over the month end reads March too.
    expect(hoursLedger(cal, [], '2028-02-28', '2028-03-01', LATE).days.map((d) => d.date)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01'])
  })

  it('entry and exit in the middle of the month (56 h each, 11 November not counted)', () => {
    const entered = nov({ ...cal, entryDate: '2026-11-18' })
    expect(day(entered, '2026-11-17')).toMatchObject({ presence: 'before_entry', planned: 0 })
    expect(entered.summary.plannedHours).toBe(56)
    const left = nov({ ...cal, exitDate: '2026-11-13' })
    expect(day(left, '2026-11-13').planned).toBe(3.5)
    expect(day(left, '2026-11-16')).toMatchObject({ presence: 'after_exit', planned: 0 })
    expect(left.summary.plannedHours).toBe(56)
  })

  it('an interruption across a month end removes its days from both months', () => {
    const c = { ...cal, interruptions: [{ start: '2026-11-25', end: '2026-12-04' }] }
    const l = hoursLedger(c, [], '2026-11-01', '2026-12-11', LATE)
    for (const d of ['2026-11-25', '2026-11-30', '2026-12-01', '2026-12-04']) expect(day(l, d)).toMatchObject({ presence: 'interruption', planned: 0 })
    expect(day(l, '2026-12-07').planned).toBe(7)
    // November: 126 − (25, 26: 14 h; 27: 3,5 h; 30: 7 h); December 7–11: 31,5 h.
    expect(nov(c).summary.plannedHours).toBe(101.5)
    expect(l.summary.plannedHours).toBe(101.5 + 31.5)
    // An ongoing interruption (no end) runs to the end of the period.
    expect(nov({ ...cal, interruptions: [{ start: '2026-11-25', end: null }] }).summary.plannedHours).toBe(101.5)
  })

  it('outside the session dates nothing is planned', () => {
    const l = nov({ ...cal, entryDate: '2026-11-02', sessionStart: '2026-11-02', sessionEnd: '2026-11-06' })
    expect(l.summary.plannedHours).toBe(31.5)
  })

  it('the default planning is 7 h Monday to Friday', () => {
    expect(nov({ ...cal, weekly: null }).summary.plannedHours).toBe(140)
  })
})

describe('as of a date', () => {
  it('a future day is never done: only in scheduledHours, whatever is stored', () => {
    const c = { ...cal, breaks: [{ start: '2026-12-21', end: '2027-01-01' }] }
    const entries: LedgerEntry[] = [
      { date: '2026-12-01', hours: 7, code: null },
      { date: '2026-12-10', hours: 7, code: null }, // typed ahead: not counted
      { date: '2026-12-11', hours: null, code: 'ENT' }
    ]
    const l = hoursLedger(c, entries, '2026-12-01', '2026-12-31', '2026-12-02')
    expect(day(l, '2026-12-02').future).toBe(false)
    expect(day(l, '2026-12-03').future).toBe(true)
    expect(day(l, '2026-12-10')).toMatchObject({ future: true, value: null, planned: 7 })
    expect(l.summary).toMatchObject({
      plannedHours: 14,
      scheduledHours: 87.5,
      attendedHours: 7,
      companyHours: 0,
      unrecordedHours: 7,
      firstDoneDate: '2026-12-01',
      lastDoneDate: '2026-12-01'
    })
    expect(ledgerBalances(l.summary)).toBe(true)
  })

  it('before the period starts nothing is planned to date', () => {
    const l = nov(cal, [], '2026-10-31')
    expect(l.summary.plannedHours).toBe(0)
    expect(l.summary.scheduledHours).toBe(126)
    expect(l.days.every((d) => d.future)).toBe(true)
  })
})

describe('what was entered', () => {
  const week = (entries: LedgerEntry[]) => hoursLedger(cal, entries, '2026-11-02', '2026-11-08', LATE)

  it('a partial absence « 3,5 RDV » counts 3,5 h attended and 3,5 h justified', () => {
    const l = week([{ date: '2026-11-02', hours: 3.5, code: 'RDV' }])
    expect(l.summary).toMatchObject({ attendedHours: 3.5, absenceHours: { RDV: 3.5 }, absenceDays: { RDV: 1 }, justifiedAbsenceHours: 3.5, unjustifiedAbsenceHours: 0 })
    expect(day(l, '2026-11-02').value).toEqual({ hours: 3.5, code: 'RDV' })
    expect(ledgerBalances(l.summary)).toBe(true)
  })

  it('ENT is a period in a company: counted apart, never as an absence', () => {
    const l = week([
      { date: '2026-11-02', hours: null, code: 'ENT' },
      { date: '2026-11-06', hours: null, code: 'ENT' },
      { date: '2026-11-03', hours: null, code: 'ANJ' },
      { date: '2026-11-04', hours: null, code: 'MAL' }
    ])
    expect(l.summary).toMatchObject({
      plannedHours: 31.5,
      companyHours: 10.5,
      companyDays: 2,
      realisedHours: 10.5,
      attendedHours: 0,
      absenceHours: { ANJ: 7, MAL: 7 },
      justifiedAbsenceHours: 7,
      unjustifiedAbsenceHours: 7,
      unrecordedHours: 7,
      firstDoneDate: '2026-11-02',
      lastDoneDate: '2026-11-06'
    })
    expect(l.summary.absenceHours).not.toHaveProperty('ENT')
    expect(ledgerBalances(l.summary)).toBe(true)
  })

  it('forced hours are extra hours, hours below the planning without a code are short; the balance holds', () => {
    const l = week([
      { date: '2026-11-02', hours: 9, code: null },
      { date: '2026-11-07', hours: 4, code: null },
      { date: '2026-11-03', hours: 7, code: null },
      { date: '2026-11-04', hours: 5, code: null }
    ])
    // Wednesday: 5 h of 7 with no code, 2 h short.
    expect(l.summary).toMatchObject({ plannedHours: 31.5, attendedHours: 25, extraHours: 6, unrecordedHours: 10.5, shortHours: 2 })
    expect(ledgerBalances(l.summary)).toBe(true)
  })

  it('hundredths do not drift', () => {
    const entries = Array.from({ length: 5 }, (_, i): LedgerEntry => ({ date: `2026-11-0${i + 2}`, hours: 0.1, code: null }))
    expect(week(entries).summary.attendedHours).toBe(0.5)
  })

  it('a code left on a day with nothing planned counts no absence', () => {
    const l = week([{ date: '2026-11-07', hours: null, code: 'AJ' }])
    expect(l.summary.absenceDays).toEqual({})
    expect(l.summary.justifiedAbsenceHours).toBe(0)
    expect(ledgerBalances(l.summary)).toBe(true)
  })

  it('ledgerBalances catches a summary that does not add up', () => {
    const l = week([{ date: '2026-11-02', hours: 7, code: null }])
    expect(ledgerBalances(l.summary)).toBe(true)
    expect(ledgerBalances({ ...l.summary, attendedHours: 6 })).toBe(false)
  })
})

describe('sums and pieces', () => {
  it('sumSummaries adds two trainees, absences by code included', () => {
    const a = nov(cal, [{ date: '2026-11-02', hours: null, code: 'AJ' }], '2026-11-30')
    const b = nov({ ...cal, entryDate: '2026-11-18' }, [{ date: '2026-11-18', hours: 3.5, code: 'AJ' }, { date: '2026-11-19', hours: null, code: 'ENT' }], '2026-11-30')
    const total = sumSummaries([a.summary, b.summary], '2026-11-01', '2026-11-30', '2026-11-30')
    expect(total).toMatchObject({ plannedHours: 182, attendedHours: 3.5, companyHours: 7, companyDays: 1, absenceHours: { AJ: 10.5 }, absenceDays: { AJ: 2 }, firstDoneDate: '2026-11-18' })
    expect(ledgerBalances(total)).toBe(true)
  })

  it('summarise of ledgerDays is hoursLedger; an empty period has no days', () => {
    const days = ledgerDays(cal, [], '2026-11-01', '2026-11-30', LATE)
    expect(summarise(days, '2026-11-01', '2026-11-30', LATE)).toEqual(nov(cal).summary)
    expect(ledgerDays(cal, [], '2026-11-30', '2026-11-01', LATE)).toEqual([])
  })
})
