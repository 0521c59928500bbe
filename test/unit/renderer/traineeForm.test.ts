import { describe, expect, it } from 'vitest'
import type { Trainee } from '@shared/api/areas/trainees'
import {
  checkTraineeField,
  emptyTraineeForm,
  formToTraineeInput,
  issuesToErrors,
  traineeToForm,
  validateTraineeForm
} from '../../../renderer/src/features/trainees/traineeForm'
import { toPatchValue } from '../../../renderer/src/features/trainees/traineeColumns'

const today = '2026-11-22'

describe('trainee form', () => {
  it('requires the names only', () => {
    const errors = validateTraineeForm(emptyTraineeForm(), today)
    expect(errors).toEqual({ lastName: 'Le nom est obligatoire.', firstName: 'Le prénom est obligatoire.' })
  })

  it('converts the French birth date to ISO and blanks to null', () => {
    const values = { ...emptyTraineeForm(), civility: 'Mme', lastName: ' Lefèvre ', firstName: 'Élodie', birthDate: '05/03/1990', ftId: '0676932w', prescriber: 'france_travail' }
    expect(validateTraineeForm(values, today)).toEqual({})
    expect(formToTraineeInput(values)).toEqual({
      civility: 'Mme',
      lastName: 'Lefèvre',
      firstName: 'Élodie',
      birthDate: '1990-03-05',
      ftId: '0676932w',
      email: null,
      phone: null,
      addressLine1: null,
      postalCode: null,
      city: null,
      prescriber: 'france_travail',
      prescriberAgency: null,
      adviserName: null,
      adviserEmail: null,
      notes: null
    })
  })

  it('takes the prescriber’s agency and the adviser’s e-mail, trimmed, blanks as null', () => {
    const values = {
      ...emptyTraineeForm(),
      lastName: 'Morvan',
      firstName: 'Gwenaëlle',
      prescriber: 'mission_locale',
      prescriberAgency: '  Mission locale du Pays de Lorient ',
      adviserName: 'Mme Cadiou',
      adviserEmail: ' c.cadiou@ml-lorient.example '
    }
    expect(validateTraineeForm(values, today)).toEqual({})
    expect(formToTraineeInput(values)).toMatchObject({
      prescriber: 'mission_locale',
      prescriberAgency: 'Mission locale du Pays de Lorient',
      adviserName: 'Mme Cadiou',
      adviserEmail: 'c.cadiou@ml-lorient.example'
    })
    expect(formToTraineeInput({ ...values, prescriberAgency: ' ', adviserEmail: '' })).toMatchObject({ prescriberAgency: null, adviserEmail: null })
  })

  it('names the adviser’s e-mail when it is wrong, not the trainee’s', () => {
    expect(checkTraineeField('adviserEmail', 'c.cadiou@ml-lorient', today)).toBe(
      'Adresse e-mail du conseiller invalide : « c.cadiou@ml-lorient ». Exemple : prenom.nom@exemple.fr'
    )
    expect(checkTraineeField('adviserEmail', '', today)).toBeNull()
    expect(checkTraineeField('prescriberAgency', 'France Travail Lorient', today)).toBeNull()
    const errors = validateTraineeForm({ ...emptyTraineeForm(), lastName: 'A', firstName: 'B', email: 'a@b', adviserEmail: 'x@y' }, today)
    expect(errors).toEqual({
      email: 'Adresse e-mail invalide : « a@b ». Exemple : prenom.nom@exemple.fr',
      adviserEmail: 'Adresse e-mail du conseiller invalide : « x@y ». Exemple : prenom.nom@exemple.fr'
    })
    expect(issuesToErrors([{ path: 'adviserEmail', message: 'Refusé.' }])).toEqual({ adviserEmail: 'Refusé.' })
  })

  it('gives the domain messages for bad input', () => {
    expect(checkTraineeField('ftId', '12AB', today)).toContain("L'identifiant France Travail 12AB n'a pas la forme attendue")
    expect(checkTraineeField('birthDate', '31/02/1990', today)).toBe("La date 31/02/1990 n'existe pas.")
    expect(checkTraineeField('birthDate', '01/01/2020', today)).toContain('il faut avoir au moins 15 ans')
    expect(checkTraineeField('postalCode', '7500', today)).toBe('Le code postal doit comporter 5 chiffres.')
    expect(checkTraineeField('email', 'a@b', today)).toContain('Adresse e-mail invalide')
    expect(checkTraineeField('phone', '', today)).toBeNull()
  })

  it('round-trips a stored trainee', () => {
    const t: Trainee = {
      id: 3,
      civility: 'M',
      lastName: 'DUPRÉ',
      firstName: 'Marc',
      birthDate: '1985-12-01',
      ftId: '0676932W',
      email: null,
      phone: '06 12 34 56 78',
      addressLine1: null,
      postalCode: '75011',
      city: 'Paris',
      prescriber: 'france_travail',
      prescriberAgency: 'France Travail Lorient',
      adviserName: 'M. Le Bihan',
      adviserEmail: 'm.lebihan@francetravail.example',
      notes: null,
      enrolmentCount: 0,
      createdAt: '2026-11-22T09:00:00.000Z',
      updatedAt: '2026-11-22T09:00:00.000Z'
    }
    const form = traineeToForm(t)
    expect(form.birthDate).toBe('01/12/1985')
    expect(form.email).toBe('')
    expect(form).toMatchObject({ prescriber: 'france_travail', prescriberAgency: 'France Travail Lorient', adviserName: 'M. Le Bihan', adviserEmail: 'm.lebihan@francetravail.example' })
    expect(formToTraineeInput(form)).toMatchObject({
      birthDate: '1985-12-01',
      prescriber: 'france_travail',
      prescriberAgency: 'France Travail Lorient',
      adviserName: 'M. Le Bihan',
      adviserEmail: 'm.lebihan@francetravail.example'
    })
  })

  it('maps server issues to fields and ignores unknown paths', () => {
    expect(issuesToErrors([{ path: 'ftId', message: 'Déjà pris.' }, { path: 'x', message: 'no' }])).toEqual({ ftId: 'Déjà pris.' })
    expect(issuesToErrors(undefined)).toEqual({})
  })
})

describe('trainee grid edits', () => {
  it('sends null for an emptied select and empty text for a cleared text cell', () => {
    expect(toPatchValue('civility', '')).toBeNull()
    expect(toPatchValue('prescriber', null)).toBeNull()
    expect(toPatchValue('prescriber', 'self')).toBe('self')
    expect(toPatchValue('city', null)).toBe('')
    expect(toPatchValue('lastName', 'Lefèvre')).toBe('Lefèvre')
  })
})
