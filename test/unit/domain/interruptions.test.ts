import { describe, expect, it } from 'vitest'
import { checkInterruption, interruptionLength, type InterruptionInput } from '@shared/domain/interruptions'

describe('checkInterruption', () => {
  const enrolment = { entryDate: '2026-03-02', exitDate: null, plannedEnd: '2026-09-30' }
  const input = (over: Partial<InterruptionInput>): InterruptionInput => ({ start: '2026-04-01', end: '2026-04-30', enrolment, others: [], ...over })

  it('accepts an interruption of more than 15 days and returns its length', () => {
    expect(checkInterruption(input({}))).toEqual({ ok: true, value: 30 })
    expect(checkInterruption(input({ start: '2026-04-01', end: '2026-04-16' }))).toEqual({ ok: true, value: 16 })
  })

  it('refuses 15 days or less, counting first and last days', () => {
    expect(interruptionLength('2026-04-01', '2026-04-15')).toBe(15)
    expect(checkInterruption(input({ start: '2026-04-01', end: '2026-04-15' }))).toEqual({
      ok: false,
      message: 'Une interruption n’est déclarée que si elle dépasse 15 jours (ici 15 jours). Les absences plus courtes se saisissent dans l’assiduité.'
    })
    expect(checkInterruption(input({ start: '2026-04-10', end: '2026-04-21' }))).toEqual({
      ok: false,
      message: 'Une interruption n’est déclarée que si elle dépasse 15 jours (ici 12 jours). Les absences plus courtes se saisissent dans l’assiduité.'
    })
    expect(checkInterruption(input({ start: '2026-04-10', end: '2026-04-10' }))).toMatchObject({ ok: false, message: expect.stringContaining('(ici 1 jour)') })
  })

  it('counts across 29 February', () => {
    // 15 Feb → 1 Mar 2028: 16 days thanks to the 29th; in 2027 only 15.
    const e = { entryDate: '2028-01-03', exitDate: null, plannedEnd: '2028-06-30' }
    expect(checkInterruption({ start: '2028-02-15', end: '2028-03-01', enrolment: e, others: [] })).toEqual({ ok: true, value: 16 })
    const e27 = { entryDate: '2027-01-04', exitDate: null, plannedEnd: '2027-06-30' }
    expect(checkInterruption({ start: '2027-02-15', end: '2027-03-01', enrolment: e27, others: [] }).ok).toBe(false)
  })

  it('refuses an end before the start and invalid dates', () => {
    expect(checkInterruption(input({ start: '2026-04-30', end: '2026-04-01' }))).toEqual({
      ok: false,
      message: 'La fin de l’interruption (01/04/2026) précède son début (30/04/2026).'
    })
    expect(checkInterruption(input({ start: '2026-02-30' }))).toEqual({ ok: false, message: 'La date de début de l’interruption est invalide.' })
    expect(checkInterruption(input({ end: '30/04/2026' }))).toEqual({ ok: false, message: 'La date de fin de l’interruption est invalide.' })
  })

  it('accepts an ongoing interruption (no end) and checks its length once closed', () => {
    expect(checkInterruption(input({ end: null }))).toEqual({ ok: true, value: null })
  })

  it('must lie within the enrolment', () => {
    expect(checkInterruption(input({ enrolment: { ...enrolment, entryDate: null } }))).toEqual({
      ok: false,
      message: 'La personne n’est pas entrée en formation : une interruption ne se déclare qu’après l’entrée.'
    })
    expect(checkInterruption(input({ start: '2026-03-02', end: '2026-03-31' }))).toEqual({
      ok: false,
      message: 'L’interruption doit commencer après la date d’entrée (02/03/2026).'
    })
    expect(checkInterruption(input({ start: '2026-03-03', end: '2026-03-31' })).ok).toBe(true)
    expect(checkInterruption(input({ start: '2026-09-01', end: '2026-10-15' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('au plus tard à la fin prévue de la formation (30/09/2026)')
    })
    expect(checkInterruption(input({ start: '2026-09-15', end: '2026-09-30' })).ok).toBe(true)
    expect(checkInterruption(input({ start: '2026-10-01', end: null })).ok).toBe(false)
    expect(checkInterruption(input({ enrolment: { ...enrolment, plannedEnd: null }, start: '2027-01-01', end: null })).ok).toBe(true)
  })

  it('after an exit: ends by the exit date and cannot stay open', () => {
    const exited = { ...enrolment, exitDate: '2026-05-15' }
    expect(checkInterruption(input({ enrolment: exited, start: '2026-04-01', end: '2026-05-15' })).ok).toBe(true)
    expect(checkInterruption(input({ enrolment: exited, start: '2026-04-01', end: '2026-05-16' }))).toEqual({
      ok: false,
      message: 'L’interruption doit se terminer au plus tard à la date de sortie (15/05/2026).'
    })
    expect(checkInterruption(input({ enrolment: exited, end: null }))).toEqual({
      ok: false,
      message: 'La personne est sortie le 15/05/2026 : indiquez la date de fin de l’interruption.'
    })
  })

  it('refuses overlaps with other interruptions', () => {
    const others = [{ start: '2026-05-01', end: '2026-05-31' }]
    expect(checkInterruption(input({ others })).ok).toBe(true) // adjacent: 1–30 April then May
    expect(checkInterruption(input({ start: '2026-04-15', end: '2026-05-01', others }))).toEqual({
      ok: false,
      message: 'Cette interruption chevauche celle du 01/05/2026 au 31/05/2026.'
    })
    expect(checkInterruption(input({ start: '2026-05-31', end: '2026-06-30', others })).ok).toBe(false)
    expect(checkInterruption(input({ start: '2026-05-05', end: '2026-05-25', others })).ok).toBe(false) // inside
    expect(checkInterruption(input({ start: '2026-04-01', end: '2026-06-30', others })).ok).toBe(false) // around
    expect(checkInterruption(input({ start: '2026-06-01', end: null, others })).ok).toBe(true)
    expect(checkInterruption(input({ start: '2026-04-15', end: null, others })).ok).toBe(false) // open one runs on
  })

  it('an ongoing other interruption blocks anything after its start', () => {
    const others = [{ start: '2026-06-01', end: null }]
    expect(checkInterruption(input({ others })).ok).toBe(true)
    expect(checkInterruption(input({ start: '2026-07-01', end: '2026-07-31', others }))).toEqual({
      ok: false,
      message: 'Cette interruption chevauche celle en cours depuis le 01/06/2026.'
    })
  })
})
