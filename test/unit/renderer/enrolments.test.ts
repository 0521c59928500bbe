import { describe, expect, it } from 'vitest'
import type { EnrolmentEvent, EnrolmentFilter, EnrolmentRow } from '@shared/api/areas/enrolments'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import {
  bulkAvailability,
  declarationCell,
  declarationSortKey,
  eventDeclaration,
  eventTitle,
  interruptionLengthHint,
  interruptionPeriod,
  peopleList,
  proposedDate,
  refusalLines
} from '../../../renderer/src/features/enrolments/enrolmentFormat'
import {
  ALL_STATUSES,
  applyDeadlineChoice,
  deadlineChoice,
  EMPTY_QUERY,
  enrolmentSearch,
  enrolmentsPath,
  parseEnrolmentQuery,
  toEnrolmentFilter,
  toggleStatus
} from '../../../renderer/src/features/enrolments/enrolmentQuery'
import { readDate } from '../../../renderer/src/features/enrolments/DateField'

const row = (over: Partial<EnrolmentRow> = {}): EnrolmentRow => ({
  id: 1,
  sessionId: 3,
  sessionLabel: 'SA Lorient',
  trainingTitle: 'Secrétaire assistant',
  intercarifSessionId: null,
  sessionStartDate: '2026-11-16',
  sessionEndDate: '2027-03-31',
  traineeId: 7,
  lastName: 'LEFÈVRE',
  firstName: 'Élodie',
  ftId: '0676932W',
  status: 'inscrit',
  statusSince: '2026-11-02',
  funding: 'region',
  plannedStartDate: '2026-11-16',
  plannedEndDate: '2027-03-31',
  plannedHours: 560,
  entryDate: null,
  exitDate: null,
  pendingDeclaration: null,
  interrupted: false,
  ...over
})

describe('enrolments URL query', () => {
  const roundTrip = (filter: EnrolmentFilter, defaults: EnrolmentStatus[] | null = null): EnrolmentFilter =>
    toEnrolmentFilter(parseEnrolmentQuery(new URLSearchParams(enrolmentSearch(filter, defaults)), defaults))

  it('keeps exactly the filter of a dashboard counter through the URL', () => {
    const filters: EnrolmentFilter[] = [
      { declaration: 'en_retard', today: '2026-11-22' },
      { statuses: ['inscrit'], entry: 'a_faire', sessionId: 12, today: '2026-11-22' },
      { sessionId: 4, traineeId: 9, today: '2026-11-22' },
      { statuses: ['a_valider'], today: '2026-11-22' },
      { search: 'Lefèvre', declaration: 'any_pending' },
      {}
    ]
    for (const f of filters) expect(roundTrip(f)).toEqual(f)
    expect(enrolmentsPath({ declaration: 'en_retard', today: '2026-11-22' })).toBe('/inscriptions?declaration=en_retard&today=2026-11-22')
    expect(enrolmentsPath({})).toBe('/inscriptions')
    expect(enrolmentSearch({ statuses: ['entre', 'inscrit'] })).toBe('statuses=inscrit%2Centre')
  })

  it('ignores malformed values instead of refusing the page', () => {
    const q = parseEnrolmentQuery(new URLSearchParams('statuses=inscrit,zzz&sessionId=abc&traineeId=-3&declaration=bientot&entry=en_retard&today=2026-02-31'))
    expect(q).toEqual({ ...EMPTY_QUERY, statuses: ['inscrit'], entry: 'en_retard' })
    expect(parseEnrolmentQuery(new URLSearchParams('statuses=zzz')).statuses).toBeNull()
  })

  it('applies a default set of statuses, and writes « every status » explicitly when it differs', () => {
    const defaults: EnrolmentStatus[] = ['inscrit', 'entre']
    expect(parseEnrolmentQuery(new URLSearchParams(''), defaults).statuses).toEqual(['inscrit', 'entre'])
    expect(parseEnrolmentQuery(new URLSearchParams(`statuses=${ALL_STATUSES}`), defaults).statuses).toBeNull()
    expect(enrolmentSearch({}, defaults)).toBe(`statuses=${ALL_STATUSES}`)
    expect(enrolmentSearch({ statuses: ['entre', 'inscrit'] }, defaults)).toBe('')
    expect(roundTrip({ statuses: ['entre'] }, defaults)).toEqual({ statuses: ['entre'] })
    expect(roundTrip({}, defaults)).toEqual({})
  })

  it('lets a session page fix the session whatever the URL says', () => {
    const q = parseEnrolmentQuery(new URLSearchParams('sessionId=4&statuses=entre'))
    expect(toEnrolmentFilter(q, 9)).toEqual({ statuses: ['entre'], sessionId: 9 })
  })

  it('toggles status chips in workflow order, none meaning all', () => {
    expect(toggleStatus(null, 'entre')).toEqual(['entre'])
    expect(toggleStatus(['entre'], 'inscrit')).toEqual(['inscrit', 'entre'])
    expect(toggleStatus(['entre'], 'entre')).toBeNull()
  })

  it('maps the deadline select to one of the two deadline filters', () => {
    const q = applyDeadlineChoice({ ...EMPTY_QUERY, entry: 'a_faire' }, 'declaration:en_retard')
    expect(q).toMatchObject({ declaration: 'en_retard', entry: null })
    expect(deadlineChoice(q)).toBe('declaration:en_retard')
    expect(deadlineChoice(applyDeadlineChoice(q, ''))).toBe('')
    expect(applyDeadlineChoice(q, 'entry:zzz')).toMatchObject({ declaration: null, entry: null })
  })
})

describe('KAIROS declaration wording', () => {
  const today = '2026-11-22'
  it('says what is due, how late, or that everything is declared', () => {
    const late = row({ status: 'entre', pendingDeclaration: { eventId: 3, kind: 'entry', effectiveDate: '2026-11-10', dueDate: '2026-11-13', state: 'en_retard' } })
    expect(declarationCell(late, today)).toEqual({
      state: 'en_retard',
      text: 'En retard de 9 jours',
      title: 'Entrée du 10/11/2026 : à déclarer dans KAIROS au plus tard le 13/11/2026.'
    })
    const soon = row({ status: 'entre', pendingDeclaration: { eventId: 3, kind: 'exit', effectiveDate: '2026-11-21', dueDate: '2026-11-24', state: 'a_faire' } })
    expect(declarationCell(soon, today)).toMatchObject({ state: 'a_faire', text: 'À faire avant le 24/11/2026' })
    expect(declarationCell(row({ status: 'entre' }), today)).toMatchObject({ state: 'declare', text: 'Déclaré' })
    expect(declarationCell(row({ status: 'inscrit' }), today)).toMatchObject({ state: 'none', text: '' })
    expect(declarationCell(row({ status: 'entre', pendingDeclaration: { eventId: 3, kind: 'entry', effectiveDate: '2026-11-18', dueDate: '2026-11-21', state: 'en_retard' } }), today).text).toBe('En retard de 1 jour')
  })

  it('sorts the most urgent first', () => {
    const keys = [
      row({ status: 'inscrit' }),
      row({ status: 'entre' }),
      row({ pendingDeclaration: { eventId: 1, kind: 'entry', effectiveDate: '2026-11-21', dueDate: '2026-11-24', state: 'a_faire' } }),
      row({ pendingDeclaration: { eventId: 2, kind: 'entry', effectiveDate: '2026-11-01', dueDate: '2026-11-04', state: 'en_retard' } })
    ].map(declarationSortKey)
    expect([...keys].sort()).toEqual([keys[3], keys[2], keys[1], keys[0]])
  })

  it('words an event of the history', () => {
    const base: EnrolmentEvent = {
      id: 1,
      kind: 'entry',
      fromStatus: 'inscrit',
      toStatus: 'entre',
      effectiveDate: '2026-11-16',
      reasonCode: null,
      reasonLabel: null,
      comment: null,
      recordedAt: '2026-11-16T09:00:00.000Z',
      recordedBy: 'Claire Martin',
      requiresDeclaration: true,
      kairosDeclaredOn: null,
      kairosDeclaredBy: null,
      dueDate: '2026-11-19',
      declarationState: 'en_retard'
    }
    expect(eventTitle(base)).toBe('Entrée en formation')
    expect(eventTitle({ ...base, kind: 'status', fromStatus: 'a_valider', toStatus: 'inscrit' })).toBe('À valider → Inscrit')
    expect(eventTitle({ ...base, kind: 'status', fromStatus: null, toStatus: 'positionne' })).toBe('Inscription saisie : Positionné')
    expect(eventDeclaration(base, '2026-11-22')).toEqual({ state: 'en_retard', text: 'En retard de 3 jours (échéance le 19/11/2026)' })
    expect(eventDeclaration({ ...base, declarationState: 'a_faire' }, '2026-11-17')).toEqual({ state: 'a_faire', text: 'À déclarer avant le 19/11/2026' })
    expect(eventDeclaration({ ...base, kairosDeclaredOn: '2026-11-20', kairosDeclaredBy: 'Claire Martin', declarationState: 'declare' }, '2026-11-22')).toEqual({
      state: 'declare',
      text: 'Déclaré dans KAIROS le 20/11/2026 (hors délai)',
      title: 'Échéance le 19/11/2026, coché par Claire Martin',
      late: true
    })
    expect(eventDeclaration({ ...base, requiresDeclaration: false }, '2026-11-22')).toBeNull()
  })

  it('describes interruptions and the 15-day rule while typing', () => {
    expect(interruptionPeriod({ startDate: '2026-10-02', endDate: null, days: null })).toBe('En cours depuis le 02/10/2026')
    expect(interruptionPeriod({ startDate: '2026-10-02', endDate: '2026-10-30', days: 29 })).toBe('Du 02/10/2026 au 30/10/2026 (29 jours)')
    expect(interruptionLengthHint('2026-10-01', '2026-10-15')).toEqual({
      kind: 'warning',
      message: '15 jours : une interruption ne se déclare que si elle dépasse 15 jours ; les absences plus courtes se saisissent dans l’assiduité.'
    })
    expect(interruptionLengthHint('2026-10-01', '2026-10-16')).toEqual({ kind: 'ok', message: '16 jours, premier et dernier jours compris.' })
    expect(interruptionLengthHint('2026-10-01', null)).toBeNull()
    expect(interruptionLengthHint('2026-10-10', '2026-10-01')).toBeNull()
  })
})

describe('bulk actions', () => {
  it('enables a transition only when every selected row allows it, and says who blocks it', () => {
    const enrolled = row({ id: 1, status: 'inscrit' })
    const inTraining = row({ id: 2, status: 'entre', lastName: 'MARTIN', firstName: 'Paul' })
    expect(bulkAvailability([enrolled], 'entre')).toEqual({ enabled: true, needs: { needsDate: true, reasonKind: null, declaredInKairos: true } })
    expect(bulkAvailability([enrolled, row({ id: 3 })], 'annule')).toEqual({ enabled: true, needs: { needsDate: true, reasonKind: 'cancellation', declaredInKairos: false } })
    expect(bulkAvailability([enrolled, inTraining], 'entre')).toEqual({ enabled: false, why: 'Impossible vers « Entré » pour MARTIN Paul (statut « Entré »).' })
    expect(bulkAvailability([inTraining], 'abandon')).toMatchObject({ enabled: true, needs: { reasonKind: 'dropout' } })
    const two = bulkAvailability([row({ status: 'sorti' }), row({ status: 'annule' })], 'entre')
    expect(two).toEqual({ enabled: false, why: 'Impossible vers « Entré » pour 2 lignes (statut « Sorti », « Inscription annulée »).' })
    expect(bulkAvailability([], 'entre').enabled).toBe(false)
  })

  it('proposes the session start for an entry, the session end once passed for an exit, else today', () => {
    const today = '2026-11-22'
    expect(proposedDate('entre', [row()], today)).toBe('2026-11-16')
    expect(proposedDate('entre', [row(), row({ sessionStartDate: '2026-11-18' })], today)).toBe('2026-11-18')
    expect(proposedDate('entre', [row({ sessionStartDate: '2026-12-01' })], today)).toBe(today)
    expect(proposedDate('sorti', [row()], today)).toBe(today)
    expect(proposedDate('sorti', [row({ sessionEndDate: '2026-11-20' })], today)).toBe('2026-11-20')
    expect(proposedDate('abandon', [row()], today)).toBe(today)
  })

  it('splits a refusal per person, and names the people of a batch', () => {
    expect(
      refusalLines({
        message: 'Changement refusé pour 2 inscriptions sur 3, rien n’a été enregistré : A — x ; B — y',
        issues: [
          { path: 'ids.0', message: 'LEFÈVRE Élodie : La date d’entrée (10/11/2026) est antérieure au début de la session (16/11/2026).' },
          { path: 'ids.2', message: 'MARTIN Paul : La date d’entrée (10/11/2026) est antérieure au début de la session (16/11/2026).' }
        ]
      })
    ).toEqual({
      head: 'Changement refusé pour 2 inscriptions sur 3, rien n’a été enregistré.',
      lines: [
        'LEFÈVRE Élodie : La date d’entrée (10/11/2026) est antérieure au début de la session (16/11/2026).',
        'MARTIN Paul : La date d’entrée (10/11/2026) est antérieure au début de la session (16/11/2026).'
      ]
    })
    expect(refusalLines({ message: 'La date de déclaration est postérieure à aujourd’hui.' })).toEqual({ head: 'La date de déclaration est postérieure à aujourd’hui.', lines: [] })
    const people = ['A', 'B', 'C', 'D', 'E'].map((n) => row({ lastName: n, firstName: 'x' }))
    expect(peopleList(people.slice(0, 1))).toBe('A x')
    expect(peopleList(people.slice(0, 2))).toBe('A x et B x')
    expect(peopleList(people)).toBe('A x, B x, C x et 2 autres')
  })

  it('reads French dates in the dialogs', () => {
    expect(readDate('16/11/2026', true)).toEqual({ text: '16/11/2026', iso: '2026-11-16', error: null })
    expect(readDate('', true)).toEqual({ text: '', iso: null, error: 'La date est obligatoire.' })
    expect(readDate('', false)).toEqual({ text: '', iso: null, error: null })
    expect(readDate('31/02/2026', false).error).toBe("La date 31/02/2026 n'existe pas.")
  })
})
