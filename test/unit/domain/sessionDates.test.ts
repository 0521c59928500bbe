import { describe, expect, it } from 'vitest'
import { entryBeforeEnrolmentWarning, movedPlan, rangeFr, sessionDatesRefusal } from '@shared/domain/sessionDates'
import { enrolmentDatesQuestion } from '../../../renderer/src/features/catalogue/sessionForm'

const OLD = { start: '2027-01-04', end: '2027-06-25' }

describe('movedPlan', () => {
  it('moves the planned dates that followed the session, leaves an individual plan alone', () => {
    expect(movedPlan(OLD, OLD, { start: '2026-11-02', end: '2027-06-25' })).toEqual({ start: '2026-11-02', end: '2027-06-25' })
    expect(movedPlan(OLD, OLD, { start: '2027-01-11', end: '2027-07-02' })).toEqual({ start: '2027-01-11', end: '2027-07-02' })
    // Own start (entered late), session's end: only the end follows.
    expect(movedPlan({ start: '2027-02-01', end: '2027-06-25' }, OLD, { start: '2027-01-11', end: '2027-07-02' })).toEqual({ start: '2027-02-01', end: '2027-07-02' })
    expect(movedPlan({ start: '2027-02-01', end: '2027-05-28' }, OLD, { start: '2026-11-02', end: '2027-07-02' })).toBeNull()
    expect(movedPlan(OLD, OLD, OLD)).toBeNull()
    expect(movedPlan({ start: null, end: null }, OLD, { start: '2026-11-02', end: null })).toBeNull()
  })

  it('never leaves an end before a moved start', () => {
    expect(movedPlan({ start: '2027-01-04', end: '2027-02-26' }, OLD, { start: '2027-03-01', end: '2027-09-30' })).toEqual({ start: '2027-03-01', end: '2027-09-30' })
  })
})

describe('sessionDatesRefusal', () => {
  it('names the people and what would fall outside', () => {
    expect(sessionDatesRefusal([], OLD)).toBeNull()
    const m = sessionDatesRefusal(
      [
        { who: 'MARTIN Paul', kind: 'entry', date: '2026-11-02' },
        { who: 'ÇELIK Ayşe', kind: 'attendance', date: '2026-11-05' },
        { who: 'ABEL Anne', kind: 'interruption', date: '2027-07-01' }
      ],
      { start: '2026-11-10', end: '2027-06-25' }
    )
    expect(m).toBe(
      'Dates refusées : la session du 10/11/2026 au 25/06/2027 laisserait en dehors ce qui est déjà enregistré pour ABEL Anne (interruption le 01/07/2027), ' +
        'ÇELIK Ayşe (présence saisie le 05/11/2026), MARTIN Paul (entrée le 02/11/2026). Corrigez d’abord ces saisies, ou choisissez des dates qui les incluent ; rien n’a été modifié.'
    )
  })

  it('shows five people and counts the others', () => {
    const facts = Array.from({ length: 8 }, (_, i) => ({ who: `P${i}`, kind: 'exit' as const, date: '2027-07-01' }))
    expect(sessionDatesRefusal(facts, OLD)).toContain('P4 (sortie le 01/07/2027) et 3 autres personnes.')
  })
})

describe('entry before the « inscrit » date', () => {
  const rows = [
    { name: 'DUPONT Marie', status: 'inscrit' as const, statusSince: '2026-12-02' },
    { name: 'ABEL Anne', status: 'inscrit' as const, statusSince: '2026-10-15' }
  ]
  it('warns for the people entered before their enrolment, only for an entry', () => {
    expect(entryBeforeEnrolmentWarning(rows, 'entre', '2026-11-02')).toBe(
      'Entrée le 02/11/2026, avant la date d’inscription de DUPONT Marie (inscription du 02/12/2026). Vérifiez la date : une entrée précède rarement la validation de l’inscription.'
    )
    expect(entryBeforeEnrolmentWarning(rows, 'entre', '2026-12-02')).toBeNull()
    expect(entryBeforeEnrolmentWarning(rows, 'annule', '2026-11-02')).toBeNull()
    expect(entryBeforeEnrolmentWarning(rows, 'entre', null)).toBeNull()
  })
})

describe('the question after a change of dates', () => {
  it('says how many, from which dates to which, and names them', () => {
    expect(rangeFr(OLD)).toBe('du 04/01/2027 au 25/06/2027')
    const q = enrolmentDatesQuestion({ count: 8, names: ['A', 'B', 'C', 'D', 'E', 'F'], previous: OLD, next: { start: '2026-11-02', end: '2027-06-25' } })
    expect(q.text).toBe('8 inscriptions ont un parcours prévu du 04/01/2027 au 25/06/2027, les anciennes dates de la session. Les déplacer aux nouvelles dates, du 02/11/2026 au 25/06/2027 ?')
    expect(q.names).toBe('A, B, C, D, E, F et 2 autres')
    expect(enrolmentDatesQuestion({ count: 1, names: ['A'], previous: OLD, next: OLD }).text).toMatch(/^Une inscription a un parcours prévu .* Le déplacer/)
  })
})
