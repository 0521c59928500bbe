import { describe, expect, it } from 'vitest'
import type { RecruitmentEventRow } from '@shared/api/areas/recruitment'
import { checkPerson, emptyPerson, isBlankPerson, issuesToPersonErrors, personToTraineeInput } from '../../../renderer/src/features/recruitment/bookingForm'
import { emptyEventForm, eventChanges, eventToForm, formToEventPayload, plannedDates, repeatCount, validateEventForm } from '../../../renderer/src/features/recruitment/eventForm'
import { eventCellPatch } from '../../../renderer/src/features/recruitment/recruitmentColumns'
import {
  adviserText,
  bookedText,
  dateWithWeekday,
  eventState,
  eventStateText,
  eventTitle,
  eventWhenText,
  outcomeText,
  peopleText,
  placesLeftText,
  prescriberText,
  seriesText,
  timeRangeText
} from '../../../renderer/src/features/recruitment/recruitmentFormat'

const event: RecruitmentEventRow = {
  id: 4,
  sessionId: 2,
  sessionLabel: 'APH Tours',
  trainingTitle: 'Agent de propreté',
  kind: 'info_session',
  date: '2027-01-12',
  endDate: null,
  startTime: '09:30',
  endTime: '11:30',
  place: 'Centre Passerelle — Tours',
  capacity: 12,
  booked: 5,
  present: 0,
  absent: 0,
  retained: 0,
  comment: null,
  seriesId: null,
  cancelled: false,
  cancelReason: null
}

describe('recruitment formatting', () => {
  it('names slots with their weekday, times and state', () => {
    expect(dateWithWeekday('2027-01-12')).toBe('mar. 12/01/2027')
    expect(timeRangeText('09:30', '11:30')).toBe('09:30 – 11:30')
    expect(timeRangeText('09:30', null)).toBe('à partir de 09:30')
    expect(eventTitle(event)).toBe('Information collective du mar. 12/01/2027 (09:30 – 11:30)')
    expect(eventWhenText({ ...event, endDate: '2027-01-29', startTime: null, endTime: null })).toBe('du mar. 12/01/2027 au ven. 29/01/2027')
    expect(bookedText(5, 12)).toBe('5 / 12')
    expect(placesLeftText(12, 11)).toBe('1 place libre')
    expect(placesLeftText(12, 12)).toBe('complet')
    expect(placesLeftText(null, 40)).toBe('sans limite de places')
    expect(eventState(event, '2027-01-12')).toBe('today')
    expect(eventState(event, '2027-01-13')).toBe('past')
    expect(eventStateText({ ...event, cancelled: true, cancelReason: 'Salle indisponible' }, '2026-11-22')).toBe('Annulé — Salle indisponible')
    expect(eventStateText(event, '2026-11-22')).toBe('À venir')
  })

  it('keeps France Travail codes beside results', () => {
    expect(outcomeText({ presence: 'present', result: 'retenu', resultCode: 'ICR' })).toBe('Retenu (ICR)')
    expect(outcomeText({ presence: 'present', result: 'non_retenu', resultCode: 'ICN' })).toBe('Non retenu (ICN)')
    expect(outcomeText({ presence: 'absent', result: null, resultCode: 'ICA' })).toBe('Absent (ICA)')
    expect(outcomeText({ presence: 'present', result: 'en_attente', resultCode: null })).toBe('En attente')
    expect(outcomeText({ presence: 'unknown', result: null, resultCode: null })).toBe('')
  })

  it('says who sent the candidate without naming the prescriber twice', () => {
    expect(prescriberText({ prescriber: 'france_travail', prescriberAgency: 'France Travail Lanester' })).toBe('France Travail Lanester')
    expect(prescriberText({ prescriber: 'mission_locale', prescriberAgency: 'MISSION LOCALE du Pays de Lorient' })).toBe('MISSION LOCALE du Pays de Lorient')
    expect(prescriberText({ prescriber: 'other', prescriberAgency: ' Association Emploi 56 ' })).toBe('Autre · Association Emploi 56')
    expect(prescriberText({ prescriber: 'cap_emploi', prescriberAgency: null })).toBe('Cap emploi')
    expect(prescriberText({ prescriber: 'self', prescriberAgency: '' })).toBe('Candidature spontanée')
    expect(prescriberText({ prescriber: null, prescriberAgency: 'France Travail Auray' })).toBe('France Travail Auray')
    expect(prescriberText({ prescriber: null, prescriberAgency: null })).toBe('')
    expect(adviserText({ adviserName: 'Sophie Le Bihan', adviserEmail: 's.lebihan@ml-lorient.fr' })).toBe('Sophie Le Bihan <s.lebihan@ml-lorient.fr>')
    expect(adviserText({ adviserName: 'Sophie Le Bihan', adviserEmail: null })).toBe('Sophie Le Bihan')
    expect(adviserText({ adviserName: null, adviserEmail: 's.lebihan@ml-lorient.fr' })).toBe('s.lebihan@ml-lorient.fr')
    expect(adviserText({ adviserName: ' ', adviserEmail: null })).toBe('')
  })

  it('lists people and series dates in French', () => {
    const p = (lastName: string) => ({ lastName, firstName: 'A' })
    expect(peopleText([p('MARTIN')])).toBe('MARTIN A')
    expect(peopleText([p('MARTIN'), p('DUBOIS')])).toBe('MARTIN A et DUBOIS A')
    expect(peopleText([p('A'), p('B'), p('C'), p('D'), p('E')])).toBe('A A, B A, C A et 2 autres')
    expect(seriesText(['2027-01-12'])).toBe('mar. 12/01/2027')
    expect(seriesText(['2027-01-12', '2027-01-19'])).toBe('mar. 12/01/2027 et 19/01/2027')
    expect(seriesText(['2027-01-12', '2027-01-19', '2027-01-26'])).toBe('mar. 12/01/2027, 19/01 et 26/01/2027')
  })

  it('turns a grid edit into an event patch', () => {
    expect(eventCellPatch('capacity', 10)).toEqual({ capacity: 10 })
    expect(eventCellPatch('place', '  ')).toEqual({ place: null })
    expect(eventCellPatch('comment', ' Salle 2 ')).toEqual({ comment: 'Salle 2' })
    expect(eventCellPatch('date', '2027-01-01')).toBeNull()
  })
})

describe('event form', () => {
  it('checks the date, times, capacity and the number of weeks', () => {
    const v = { ...emptyEventForm(2), date: '', startTime: '11h30', endTime: '9h30', capacity: '0', repeat: true, weeks: '1' }
    const errors = validateEventForm(v)
    expect(errors.date).toBe('La date est obligatoire.')
    expect(errors.endTime).toBe('L’heure de fin doit être après l’heure de début.')
    expect(errors.capacity).toBe('La capacité est un nombre de places entre 1 et 500.')
    expect(errors.weeks).toBe('Entre 2 et 52 semaines.')
    expect(validateEventForm({ ...emptyEventForm(null), date: '12/01/2027' }).sessionId).toBe('Choisissez la session.')
  })

  it('builds a weekly series of six Tuesdays', () => {
    const v = { ...emptyEventForm(2), date: '12/01/2027', startTime: '9h30', endTime: '11h30', place: ' ', repeat: true, weeks: '6' }
    expect(repeatCount(v)).toBe(6)
    expect(plannedDates(v)).toEqual(['2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02', '2027-02-09', '2027-02-16'])
    expect(formToEventPayload(v)).toEqual({
      kind: 'info_session',
      date: '2027-01-12',
      endDate: null,
      startTime: '09:30',
      endTime: '11:30',
      place: null,
      capacity: 12,
      comment: null
    })
    expect(repeatCount({ ...v, repeat: false })).toBe(1)
  })

  it('only sends the end date of an application window, and only what changed', () => {
    expect(formToEventPayload({ ...emptyEventForm(2), date: '12/01/2027', endDate: '29/01/2027' }).endDate).toBeNull()
    expect(formToEventPayload({ ...emptyEventForm(2), kind: 'application_window', date: '12/01/2027', endDate: '29/01/2027' }).endDate).toBe('2027-01-29')
    const form = eventToForm(event)
    expect(eventChanges(event, form)).toEqual({})
    expect(eventChanges(event, { ...form, capacity: '15', endTime: '12h' })).toEqual({ capacity: 15, endTime: '12:00' })
  })
})

describe('booking form', () => {
  it('ignores blank lines and checks the others', () => {
    expect(isBlankPerson(emptyPerson(1))).toBe(true)
    expect(checkPerson(emptyPerson(1))).toEqual({})
    const errors = checkPerson({ ...emptyPerson(1), lastName: 'Martin', ftId: '12AB', email: 'pas-un-mail' })
    expect(errors.firstName).toBe('Le prénom est obligatoire.')
    expect(errors.ftId).toMatch(/n'a pas la forme attendue/)
    expect(errors.email).toBeTruthy()
    expect(personToTraineeInput({ key: 1, lastName: ' Martin ', firstName: 'Léa', ftId: '', phone: '0611223344', email: '' })).toEqual({
      lastName: 'Martin',
      firstName: 'Léa',
      ftId: null,
      phone: '0611223344',
      email: null
    })
  })

  it('maps server issues of new trainees back to their line', () => {
    const filled = [
      { ...emptyPerson(3), lastName: 'A', firstName: 'B' },
      { ...emptyPerson(5), lastName: 'C', firstName: 'D' }
    ]
    expect(issuesToPersonErrors([{ path: 'newTrainees.1.ftId', message: 'Déjà utilisé' }, { path: 'eventId', message: 'x' }], filled)).toEqual({ 5: { ftId: 'Déjà utilisé' } })
  })
})
