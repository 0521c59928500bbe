import { describe, expect, it } from 'vitest'
import { hasFieldErrors, issuesToFieldErrors } from '../../../renderer/src/forms/fieldErrors'

const FIELDS = ['lastName', 'title', 'schedule', 'hours'] as const

describe('issues to field errors', () => {
  it('puts each message beside its field, the first one winning', () => {
    expect(
      issuesToFieldErrors(
        [
          { path: 'lastName', message: 'Le nom est obligatoire.' },
          { path: 'lastName', message: 'Second message.' }
        ],
        FIELDS
      )
    ).toEqual({ lastName: 'Le nom est obligatoire.' })
  })

  it('drops an update’s changes. prefix and nested parts', () => {
    expect(
      issuesToFieldErrors(
        [
          { path: 'changes.title', message: 'Intitulé trop long.' },
          { path: 'schedule.0.start', message: 'Heure invalide.' }
        ],
        FIELDS
      )
    ).toEqual({ title: 'Intitulé trop long.', schedule: 'Heure invalide.' })
  })

  it('renames contract fields and ignores issues about no field of the form', () => {
    expect(
      issuesToFieldErrors(
        [
          { path: 'hoursCompleted', message: 'Heures invalides.' },
          { path: 'id', message: 'Inconnu.' },
          { path: '', message: 'Refusé.' }
        ],
        FIELDS,
        { hoursCompleted: 'hours' }
      )
    ).toEqual({ hours: 'Heures invalides.' })
    expect(issuesToFieldErrors(undefined, FIELDS)).toEqual({})
  })

  it('tells whether a check found something', () => {
    expect(hasFieldErrors({})).toBe(false)
    expect(hasFieldErrors({ title: undefined })).toBe(false)
    expect(hasFieldErrors({ title: 'Obligatoire.' })).toBe(true)
  })
})
