import { describe, expect, it } from 'vitest'
import type { SessionDetail, TrainingDetail } from '@shared/api/areas/catalogue'
import { screenForPath } from '../../../renderer/src/app/screens'
import { sessionCellPatch } from '../../../renderer/src/features/catalogue/catalogueColumns'
import {
  certificationLabel,
  formatSessionDate,
  formatSessionPeriod,
  objectiveLabel,
  placeText,
  placesLabel,
  placesRatio,
  sessionOptionLabel
} from '../../../renderer/src/features/catalogue/catalogueFormat'
import { isSessionTab, sessionPath } from '../../../renderer/src/features/catalogue/catalogueRoutes'
import {
  LHEO_LOCKED_SESSION_FIELDS,
  emptySessionForm,
  formToSessionInput,
  sessionChanges,
  sessionIssuesToErrors,
  sessionToForm,
  validateSessionForm
} from '../../../renderer/src/features/catalogue/sessionForm'
import {
  emptyTrainingForm,
  formToTrainingInput,
  trainingChanges,
  trainingIssuesToErrors,
  trainingToForm,
  validateTrainingForm
} from '../../../renderer/src/features/catalogue/trainingForm'
import { bytesToBase64, checkLheoFile, fileSizeText, hasChanges, importResultSentence, percentText } from '../../../renderer/src/features/lheo/lheoUpload'
import { parseIntegerCell, parseTimeOfDay } from '../../../renderer/src/grid/cellValues'

const session: SessionDetail = {
  id: 7,
  trainingId: 3,
  trainingTitle: 'Titre professionnel plaquiste',
  intercarifFormationId: '07_10',
  intercarifActionId: '07_114782',
  intercarifSessionId: '114782',
  label: null,
  startDate: '2017-12-04',
  endDate: '2018-06-01',
  startPrecision: 'day',
  endPrecision: 'day',
  placeName: 'AFPA de Veigné',
  placeCity: 'Veigné',
  capacity: 12,
  placesTaken: 9,
  entryMode: 'fixed',
  recruitmentState: 'open',
  funders: ['Conseil régional'],
  nextEventDate: null,
  missingFromSource: false,
  source: 'lheo',
  hoursCentre: 560,
  hoursCompany: null,
  weeklyHours: [7, 7, 7, 7, 3.5, 0, 0],
  trainerName: null,
  referentName: null,
  registrationStartDate: null,
  registrationEndDate: '2017-11-30',
  enrolmentsByStatus: {},
  registrations: 0,
  events: 0,
  warnings: []
}

describe('catalogue formatting', () => {
  it('shows session dates with the precision the CARIF-OREF gave', () => {
    expect(formatSessionDate('2027-03-15', 'day')).toBe('15/03/2027')
    expect(formatSessionDate('2027-03-01', 'month')).toBe('mars 2027')
    expect(formatSessionDate('2027-01-01', 'year')).toBe('2027')
    expect(formatSessionDate(null, 'unknown')).toBe('à définir')
    expect(formatSessionDate(null, 'open')).toBe('ouverte')
    expect(formatSessionPeriod(session)).toBe('du 04/12/2017 au 01/06/2018')
    expect(formatSessionPeriod({ startDate: null, endDate: null, startPrecision: 'unknown', endPrecision: 'unknown' })).toBe('dates à définir')
    expect(formatSessionPeriod({ startDate: '2027-03-01', endDate: null, startPrecision: 'month', endPrecision: 'open' })).toBe('à partir de mars 2027 (fin ouverte)')
    expect(formatSessionPeriod({ startDate: '2027-04-01', endDate: '2027-06-01', startPrecision: 'month', endPrecision: 'month' })).toBe('d’avril 2027 à juin 2027')
  })

  it('writes certification, objective, places and place the way clerks read them', () => {
    expect(certificationLabel({ certificationKind: 'RNCP', certificationCode: '12345', certificationLevel: 4 })).toBe('RNCP 12345 · niv. 4')
    expect(certificationLabel({ certificationKind: 'RS', certificationCode: '5678', certificationLevel: null })).toBe('RS 5678')
    expect(certificationLabel({ certificationKind: null, certificationCode: null, certificationLevel: null })).toBe('')
    expect(objectiveLabel(6)).toBe('Certification')
    expect(objectiveLabel(null)).toBe('')
    expect(placesLabel(9, 12)).toBe('9 / 12')
    expect(placesLabel(3, null)).toBe('3')
    expect(placesRatio(15, 12)).toBe(1)
    expect(placesRatio(0, null)).toBeNull()
    expect(placeText('AFPA de Veigné', 'Veigné')).toBe('AFPA de Veigné')
    expect(placeText('Centre Passerelle', 'Tours')).toBe('Centre Passerelle — Tours')
    expect(sessionOptionLabel(session)).toBe('Titre professionnel plaquiste · n° 114782 · début 04/12/2017')
  })

  it('routes a session page under « Formations & sessions »', () => {
    expect(sessionPath(7)).toBe('/sessions/7')
    expect(sessionPath(7, 'recrutement')).toBe('/sessions/7/recrutement')
    expect(isSessionTab('devis')).toBe(true)
    expect(isSessionTab('autre')).toBe(false)
    expect(screenForPath('/sessions/7/recrutement')?.id).toBe('trainings')
    expect(screenForPath('/recrutement')?.id).toBe('recruitment')
    expect(screenForPath('/')?.id).toBe('dashboard')
  })

  it('turns a grid edit into a session patch', () => {
    expect(sessionCellPatch('capacity', 14)).toEqual({ capacity: 14 })
    expect(sessionCellPatch('capacity', null)).toEqual({ capacity: null })
    expect(sessionCellPatch('recruitmentState', 'suspended')).toEqual({ recruitmentState: 'suspended' })
    expect(sessionCellPatch('recruitmentState', 'n’importe')).toBeNull()
    expect(sessionCellPatch('startDate', '2027-01-01')).toBeNull()
  })
})

describe('session form', () => {
  it('checks French dates, order and hours', () => {
    const v = { ...emptySessionForm(3), startDate: '32/01/2027', endDate: '01/01/2027', capacity: 'douze', hoursCentre: '7,5' }
    const errors = validateSessionForm(v)
    expect(errors.startDate).toMatch(/n'existe pas/)
    expect(errors.capacity).toBe('La capacité est un nombre de places entre 0 et 1 000.')
    expect(errors.hoursCentre).toBeUndefined()
    expect(validateSessionForm({ ...v, startDate: '02/01/2027' }).endDate).toBe('La date de fin précède la date de début.')
    expect(validateSessionForm({ ...emptySessionForm(null) }).trainingId).toBe('Choisissez la formation.')
  })

  it('builds the contract input (ISO dates, decimal hours, the week or null)', () => {
    const v = { ...emptySessionForm(3), startDate: '07/01/2027', endDate: '11/06/2027', capacity: '12', hoursCompany: '49,5', placeName: ' Lycée ' }
    const week = ['7', '7', '', '7', '3h30', '', ''] as const
    expect(formToSessionInput({ ...v, weeklyHours: [...week] })).toMatchObject({
      trainingId: 3,
      startDate: '2027-01-07',
      endDate: '2027-06-11',
      capacity: 12,
      hoursCompany: 49.5,
      placeName: 'Lycée',
      weeklyHours: [7, 7, 0, 7, 3.5, 0, 0],
      entryMode: 'fixed',
      recruitmentState: 'open'
    })
    expect(formToSessionInput(v).weeklyHours).toBeNull()
  })

  it('never sends the CARIF-OREF fields of an imported session, only what changed', () => {
    const form = sessionToForm(session)
    expect(form.startDate).toBe('04/12/2017')
    expect(form.weeklyHours[4]).toBe('3,5')
    // Validation skips the locked fields (a partial CARIF date would not parse).
    expect(validateSessionForm({ ...form, startDate: '03/2027' }, LHEO_LOCKED_SESSION_FIELDS)).toEqual({})
    expect(sessionChanges(session, { ...form, startDate: '05/12/2017', capacity: '14', recruitmentState: 'suspended' }, LHEO_LOCKED_SESSION_FIELDS)).toEqual({
      capacity: 14,
      recruitmentState: 'suspended'
    })
    expect(sessionChanges(session, form, LHEO_LOCKED_SESSION_FIELDS)).toEqual({})
    expect(sessionToForm({ ...session, startDate: '2027-03-01', startPrecision: 'month' }).startDate).toBe('mars 2027')
  })

  it('puts server issues beside their field', () => {
    expect(sessionIssuesToErrors([{ path: 'changes.capacity', message: 'Trop grand' }, { path: 'weeklyHours.2', message: 'Heures' }])).toEqual({
      capacity: 'Trop grand',
      weeklyHours: 'Heures'
    })
  })
})

describe('training form', () => {
  const detail: TrainingDetail = {
    id: 3,
    intercarifFormationId: null,
    title: 'Agent de restauration',
    formacode: '42752',
    objectiveCode: 6,
    certificationKind: 'RNCP',
    certificationCode: '37274',
    certificationLevel: 3,
    actionNature: null,
    totalHours: 399.5,
    sessionCount: 0,
    nextStart: null,
    nextStartPrecision: null,
    source: 'local',
    missingFromSource: false,
    updatedAt: '2026-11-22T09:30:00.000Z',
    formacodeVersion: null,
    objectives: null,
    expectedResults: null,
    content: null,
    responsibleOrgName: null,
    lheoImportedAt: null,
    actions: []
  }

  it('requires a title and checks the formacode and hours', () => {
    expect(validateTrainingForm(emptyTrainingForm())).toEqual({ title: 'L’intitulé est obligatoire.' })
    const errors = validateTrainingForm({ ...emptyTrainingForm(), title: 'X', formacode: '123', totalHours: 'beaucoup' })
    expect(errors.formacode).toBe('Le formacode comporte 5 chiffres (ex. 22403).')
    expect(errors.totalHours).toMatch(/Nombre d'heures invalide/)
  })

  it('converts to the contract and sends only what changed', () => {
    const form = trainingToForm(detail)
    expect(form.totalHours).toBe('399,5')
    expect(formToTrainingInput({ ...form, certificationCode: 'RNCP 37274' })).toMatchObject({ certificationCode: '37274', totalHours: 399.5, objectiveCode: 6 })
    expect(trainingChanges(detail, { ...form, totalHours: '400' })).toEqual({ totalHours: 400 })
    expect(trainingChanges(detail, form)).toEqual({})
    expect(trainingIssuesToErrors([{ path: 'changes.title', message: 'Obligatoire' }])).toEqual({ title: 'Obligatoire' })
  })
})

describe('LHEO upload helpers', () => {
  it('encodes bytes to base64 chunk by chunk, like one big btoa', () => {
    const bytes = new Uint8Array(200_003).map((_, i) => (i * 7919) % 256)
    const expected = Buffer.from(bytes).toString('base64')
    expect(bytesToBase64(bytes)).toBe(expected)
    expect(bytesToBase64(new Uint8Array([0xc3, 0xa9]))).toBe('w6k=')
    expect(bytesToBase64(new Uint8Array())).toBe('')
  })

  it('refuses what is not an LHEO upload before sending it', () => {
    expect(checkLheoFile({ name: 'offre.XML', size: 10 })).toBeNull()
    expect(checkLheoFile({ name: 'offre.pdf', size: 10 })).toMatch(/n’est pas un fichier XML/)
    expect(checkLheoFile({ name: 'vide.xml', size: 0 })).toBe('Le fichier « vide.xml » est vide.')
    expect(checkLheoFile({ name: 'gros.xml', size: 300 * 1024 * 1024 })).toMatch(/dépasse 200 Mo/)
    expect(fileSizeText(29_237)).toBe('29 ko')
    expect(fileSizeText(12.5 * 1024 * 1024)).toBe('12,5 Mo')
    expect(percentText(0.426)).toBe('43 %')
  })

  it('sums an import up in one French sentence', () => {
    const zero = { created: 0, updated: 0, unchanged: 0 }
    const summary = { formations: { ...zero, created: 1 }, actions: { ...zero, created: 2 }, sessions: { ...zero, created: 2 }, missingSessions: 0, warnings: [] }
    expect(importResultSentence(summary)).toBe('Import terminé — créé : 1 formation, 2 actions, 2 sessions.')
    const none = { formations: zero, actions: zero, sessions: { ...zero, unchanged: 2 }, missingSessions: 0, warnings: [] }
    expect(hasChanges(none)).toBe(false)
    expect(importResultSentence(none)).toBe('Catalogue inchangé : le fichier ne contient rien de nouveau.')
    expect(importResultSentence({ ...none, missingSessions: 1 })).toBe('Import terminé — 1 session absente du fichier signalée.')
  })
})

describe('grid parsers', () => {
  it('reads times typed the French way', () => {
    expect(parseTimeOfDay('9h30')).toBe('09:30')
    expect(parseTimeOfDay('9 h 30')).toBe('09:30')
    expect(parseTimeOfDay('14:00')).toBe('14:00')
    expect(parseTimeOfDay('930')).toBe('09:30')
    expect(parseTimeOfDay('9h')).toBe('09:00')
    expect(parseTimeOfDay('')).toBeNull()
    expect(parseTimeOfDay('25h00')).toMatchObject({ invalidInput: true, message: 'L’heure « 25h00 » n’existe pas.' })
    expect(parseTimeOfDay('midi')).toMatchObject({ invalidInput: true })
  })

  it('reads whole numbers within bounds', () => {
    expect(parseIntegerCell(' 12 ', 'La capacité', 0, 1000)).toBe(12)
    expect(parseIntegerCell('', 'La capacité', 0, 1000)).toBeNull()
    expect(parseIntegerCell('dix', 'La capacité', 0, 1000)).toMatchObject({ message: 'La capacité : nombre entier attendu (« dix »).' })
    expect(parseIntegerCell('2000', 'La capacité', 0, 1000)).toMatchObject({ message: 'La capacité : entre 0 et 1\u202F000.' })
  })
})
