import { describe, expect, it } from 'vitest'
import { checkRetentionYears, enrolmentEnd, isDue, lastActivity, retentionCutoff } from '@shared/domain/retention'

const TODAY = '2026-11-22'
const base = { exitDate: null, statusSince: '2020-01-10', sessionEnd: '2020-06-30', plannedEnd: null }

describe('retention', () => {
  it('ends a closed enrolment at its exit (or status) date', () => {
    expect(enrolmentEnd({ ...base, status: 'sorti', exitDate: '2020-06-30', statusSince: '2020-07-01' }, TODAY)).toBe('2020-07-01')
    expect(enrolmentEnd({ ...base, status: 'annule' }, TODAY)).toBe('2020-01-10')
  })
  it('never ends an enrolment in training, nor one waiting for a session not over', () => {
    expect(enrolmentEnd({ ...base, status: 'entre' }, TODAY)).toBeNull()
    expect(enrolmentEnd({ ...base, status: 'inscrit', sessionEnd: '2027-01-31' }, TODAY)).toBeNull()
    expect(enrolmentEnd({ ...base, status: 'positionne', sessionEnd: null }, TODAY)).toBeNull()
  })
  it('ends a pre-entry enrolment with its session', () => {
    expect(enrolmentEnd({ ...base, status: 'retenu' }, TODAY)).toBe('2020-06-30')
    expect(enrolmentEnd({ ...base, status: 'inscrit', plannedEnd: '2020-07-15' }, TODAY)).toBe('2020-07-15')
  })
  it('takes the latest of enrolments, bookings, quotes and creation; nothing while one runs', () => {
    expect(lastActivity({ enrolmentEnds: ['2019-05-01', '2020-07-01'], otherDates: ['2020-09-01', null], createdOn: '2019-01-01' })).toBe('2020-09-01')
    expect(lastActivity({ enrolmentEnds: [], otherDates: [], createdOn: '2018-03-04' })).toBe('2018-03-04')
    expect(lastActivity({ enrolmentEnds: ['2019-05-01', null], otherDates: [], createdOn: '2019-01-01' })).toBeNull()
  })
  it('computes the cutoff N years back (29 February falls on the 28th) and compares strictly', () => {
    expect(retentionCutoff(TODAY, 6)).toBe('2020-11-22')
    expect(retentionCutoff('2028-02-29', 3)).toBe('2025-02-28')
    expect(retentionCutoff('2028-02-29', 4)).toBe('2024-02-29')
    expect(isDue('2020-11-21', '2020-11-22')).toBe(true)
    expect(isDue('2020-11-22', '2020-11-22')).toBe(false)
    expect(isDue(null, '2020-11-22')).toBe(false)
  })
  it('accepts whole years from 1 to 10', () => {
    expect(checkRetentionYears(6)).toBeNull()
    expect(checkRetentionYears(0)).toMatch(/de 1 à 10/)
    expect(checkRetentionYears(2.5)).toMatch(/entier/)
    expect(checkRetentionYears(11)).not.toBeNull()
  })
})
