import { describe, expect, it } from 'vitest'
import { formatEuros, parseEuros } from '@shared/domain/money'

const NNBSP = '\u202F'
const NBSP = '\u00A0'

describe('formatEuros', () => {
  it('uses U+202F between thousands and U+00A0 before €', () => {
    expect(formatEuros(123450)).toBe(`1${NNBSP}234,50${NBSP}€`)
    expect(formatEuros(-123450)).toBe(`-1${NNBSP}234,50${NBSP}€`)
    expect(formatEuros(123456789)).toBe(`1${NNBSP}234${NNBSP}567,89${NBSP}€`)
  })

  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [50, '0,50'],
    [-50, '-0,50'],
    [99999, '999,99'],
    [100000, `1${NNBSP}000,00`],
    [1000000000, `10${NNBSP}000${NNBSP}000,00`]
  ])('%d cents → %j €', (cents, text) => {
    expect(formatEuros(cents)).toBe(`${text}${NBSP}€`)
  })

  it('returns an empty string for null and non-finite values', () => {
    expect(formatEuros(null)).toBe('')
    expect(formatEuros(Number.NaN)).toBe('')
    expect(formatEuros(Number.POSITIVE_INFINITY)).toBe('')
  })

  it('prints -0 as 0 (Intl would print "-0,00 €")', () => {
    expect(formatEuros(-0)).toBe(`0,00${NBSP}€`)
  })

  it('keeps every digit of very large amounts', () => {
    expect(formatEuros(Number.MAX_SAFE_INTEGER)).toBe(
      `90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409,91${NBSP}€`
    )
  })

  it('matches Intl.NumberFormat fr-FR EUR of this Node version', () => {
    const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
    const samples = [0, 1, 9, 10, 99, 100, 999, 1000, 12345, 99999, 100000, 123450, 999999, 1000000, 98765432, 123456789012]
    for (const cents of samples) {
      expect(formatEuros(cents)).toBe(intl.format(cents / 100))
      expect(formatEuros(-cents || 0)).toBe(cents === 0 ? intl.format(0) : intl.format(-cents / 100))
    }
    for (let cents = 0; cents < 3_000_000; cents += 997) expect(formatEuros(cents)).toBe(intl.format(cents / 100))
  })
})

describe('parseEuros', () => {
  it.each([
    ['1234,5', 123450],
    ['1 234,50 €', 123450],
    [`1${NNBSP}234,50${NBSP}€`, 123450],
    ['1234.50', 123450],
    ['1.234,50', 123450],
    ['1,234.50', 123450],
    ['1.234.567,89', 123456789],
    ['1 234 567,89', 123456789],
    ['1.234.567', 123456700],
    ['1,234,567', 123456700],
    ['0,1', 10],
    ['0,01', 1],
    [',5', 50],
    ['12,', 1200],
    ['12', 1200],
    ['0', 0],
    ['12,3400', 1234],
    ['€ 5', 500],
    ['5€', 500],
    ['5 EUR', 500],
    ['10 euros', 1000],
    ['-12 €', -1200],
    ['\u221212,50', -1250],
    ['-0', 0],
    ['19,99', 1999],
    ['0,29', 29],
    ['1,10', 110]
  ])('%j → %d cents', (input, cents) => {
    expect(parseEuros(input)).toEqual({ ok: true, value: cents })
  })

  it('never loses a cent to binary floats', () => {
    for (let cents = 0; cents < 100_000; cents += 1) {
      const text = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`
      const r = parseEuros(text)
      if (!r.ok || r.value !== cents) expect(r).toEqual({ ok: true, value: cents })
    }
  })

  it('round-trips with formatEuros', () => {
    for (const cents of [0, 1, 99, 123450, -123450, 123456789, 900719925474099]) {
      expect(parseEuros(formatEuros(cents))).toEqual({ ok: true, value: cents })
    }
  })

  it('refuses a single separator followed by exactly three digits as ambiguous', () => {
    for (const input of ['12.500', '12,500', '1.234', '1,234']) {
      expect(parseEuros(input)).toEqual({
        ok: false,
        message: `Montant ambigu : « ${input} ». Écrivez-le sans séparateur de milliers, par exemple 1234 ou 1234,50.`
      })
    }
  })

  it('refuses more than 2 significant decimals', () => {
    expect(parseEuros('0,125')).toEqual({ ok: false, message: 'Montant invalide : « 0,125 » (2 décimales au maximum).' })
    expect(parseEuros('12,3456').ok).toBe(false)
  })

  it.each(['abc', '12a', '1.23,45', '12,5,6', '1,234,56', '1.234.56,7', '12,34.567,8', '-', '.', '--12', '1 234,50 $'])(
    'refuses %j',
    (input) => {
      expect(parseEuros(input)).toEqual({ ok: false, message: `Montant invalide : « ${input} ». Exemple : 1 234,50.` })
    }
  )

  it('explains an empty value', () => {
    expect(parseEuros('  ')).toEqual({ ok: false, message: 'Montant invalide : aucune valeur saisie.' })
    expect(parseEuros(' € ')).toEqual({ ok: false, message: 'Montant invalide : aucune valeur saisie.' })
  })

  it('refuses amounts beyond exact integer range', () => {
    expect(parseEuros('99999999999999999')).toEqual({
      ok: false,
      message: 'Montant trop élevé : « 99999999999999999 ».'
    })
  })
})
