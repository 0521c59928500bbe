import { describe, expect, it } from 'vitest'
import * as domain from '../../../shared/domain/index'

describe('shared/domain index', () => {
  it('re-exports every helper', () => {
    const names = [
      'stripSpaces',
      'luhnValid',
      'checkSiret',
      'checkSiren',
      'formatSiret',
      'formatSiren',
      'checkNda',
      'formatNda',
      'checkFranceTravailId',
      'isLeapYear',
      'isIsoDate',
      'parseFrenchDate',
      'formatDateFr',
      'formatDateLongFr',
      'addDays',
      'diffDays',
      'todayIso',
      'dayOfWeek',
      'monthOf',
      'daysInMonth',
      'compareIso',
      'ageInYears',
      'checkBirthDate',
      'parseHours',
      'formatHours',
      'formatEuros',
      'parseEuros',
      'normaliseName',
      'upperName',
      'capitaliseFirstName',
      'checkEmail',
      'checkFrenchPhone',
      'checkPostalCode',
      'foldForSearch'
    ]
    for (const name of names) expect(typeof (domain as Record<string, unknown>)[name], name).toBe('function')
    expect(Object.keys(domain).sort()).toEqual([...names].sort())
  })
})
