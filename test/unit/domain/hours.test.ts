import { describe, expect, it } from 'vitest'
import { formatHours, parseHours } from '@shared/domain/hours'

describe('parseHours', () => {
  it.each([
    ['7,5', 7.5],
    ['7.5', 7.5],
    ['7', 7],
    ['7h30', 7.5],
    ['7H30', 7.5],
    ['7:30', 7.5],
    ['7 h 30', 7.5],
    ['7\u00A0h\u202F30', 7.5],
    ['7h', 7],
    ['7 h', 7],
    ['0,25', 0.25],
    [',5', 0.5],
    ['0', 0],
    ['00:00', 0],
    ['24', 24],
    ['24:00', 24],
    ['7h20', 7.33],
    ['7h40', 7.67],
    ['0h01', 0.02],
    ['7h05', 7.08],
    ['  3,75 ', 3.75],
    ['7,35', 7.35]
  ])('%j → %d', (input, hours) => {
    expect(parseHours(input)).toEqual({ ok: true, value: hours })
  })

  it('rounds to 2 decimals, half up, from the digits typed', () => {
    expect(parseHours('7,554')).toEqual({ ok: true, value: 7.55 })
    expect(parseHours('7,555')).toEqual({ ok: true, value: 7.56 })
    expect(parseHours('1,005')).toEqual({ ok: true, value: 1.01 })
    expect(parseHours('0,333333')).toEqual({ ok: true, value: 0.33 })
    expect(parseHours('23,999')).toEqual({ ok: true, value: 24 })
  })

  it('refuses negative durations', () => {
    expect(parseHours('-1')).toEqual({
      ok: false,
      message: "Nombre d'heures invalide : -1 (une durée ne peut pas être négative)."
    })
    expect(parseHours('-0,5').ok).toBe(false)
    expect(parseHours('\u22122').ok).toBe(false)
    expect(parseHours('- 2')).toEqual({
      ok: false,
      message: "Nombre d'heures invalide : - 2 (une durée ne peut pas être négative)."
    })
  })

  it('refuses more than 24 hours by default', () => {
    expect(parseHours('25')).toEqual({ ok: false, message: "Nombre d'heures invalide : 25 (24 h au maximum)." })
    expect(parseHours('24,01').ok).toBe(false)
    expect(parseHours('24h01').ok).toBe(false)
    expect(parseHours('24,004')).toEqual({ ok: true, value: 24 }) // rounds to 24
    expect(parseHours('24,005').ok).toBe(false)
  })

  it('accepts another maximum', () => {
    expect(parseHours('35', { max: 35 })).toEqual({ ok: true, value: 35 })
    expect(parseHours('35,5', { max: 35 })).toEqual({
      ok: false,
      message: "Nombre d'heures invalide : 35,5 (35 h au maximum)."
    })
    expect(parseHours('8', { max: 7.5 })).toEqual({ ok: false, message: "Nombre d'heures invalide : 8 (7,5 h au maximum)." })
    expect(parseHours('1200', { max: 2000 })).toEqual({ ok: true, value: 1200 })
  })

  it('refuses minutes of 60 and more', () => {
    expect(parseHours('7h60')).toEqual({
      ok: false,
      message: "Nombre d'heures invalide : « 7h60 » (les minutes vont de 00 à 59)."
    })
    expect(parseHours('7:75').ok).toBe(false)
  })

  it.each(['abc', '7h5', '7:', '7,', '.', '7,5,5', '7.5h', '7h30m', '1e2', '7 30', '7 h 3 0', '1 0', 'h30', '+7'])('refuses %j', (input) => {
    expect(parseHours(input)).toEqual({
      ok: false,
      message: `Nombre d'heures invalide : « ${input} ». Exemples acceptés : 7, 7,5 ou 7h30.`
    })
  })

  it('explains an empty value', () => {
    expect(parseHours('  ')).toEqual({ ok: false, message: "Nombre d'heures invalide : aucune valeur saisie." })
  })
})

describe('formatHours', () => {
  it.each([
    [7.5, '7,5'],
    [7, '7'],
    [0, '0'],
    [-0, '0'],
    [0.25, '0,25'],
    [7.25, '7,25'],
    [7.1, '7,1'],
    [7.333333, '7,33'],
    [7.335, '7,34'],
    [1.005, '1,01'],
    [0.004, '0'],
    [1e-7, '0'],
    [-1.5, '-1,5'],
    [24, '24'],
    [1234.5, '1234,5'],
    [7.999, '8']
  ])('%d → %j', (n, text) => {
    expect(formatHours(n)).toBe(text)
  })

  it('returns an empty string for null and non-finite numbers', () => {
    expect(formatHours(null)).toBe('')
    expect(formatHours(Number.NaN)).toBe('')
    expect(formatHours(Number.POSITIVE_INFINITY)).toBe('')
  })

  it('round-trips with parseHours', () => {
    for (let h = 0; h <= 2400; h += 7) {
      const value = h / 100
      expect(parseHours(formatHours(value))).toEqual({ ok: true, value })
    }
  })
})
