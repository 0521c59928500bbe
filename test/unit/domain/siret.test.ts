import { describe, expect, it } from 'vitest'
import { checkSiren, checkSiret, formatSiren, formatSiret, luhnValid } from '@shared/domain/siret'

const LENGTH_MESSAGE = 'Le SIRET doit comporter 14 chiffres.'

describe('luhnValid', () => {
  it('accepts valid numbers of any length', () => {
    expect(luhnValid('0')).toBe(true)
    expect(luhnValid('18')).toBe(true)
    expect(luhnValid('79927398713')).toBe(true) // textbook example
    expect(luhnValid('732829320')).toBe(true)
    expect(luhnValid('73282932000074')).toBe(true)
  })

  it('rejects wrong keys', () => {
    expect(luhnValid('79927398710')).toBe(false)
    expect(luhnValid('732829321')).toBe(false)
    expect(luhnValid('73282932000075')).toBe(false)
  })

  it('detects a swap of two adjacent digits', () => {
    expect(luhnValid('73282932000047')).toBe(false)
  })

  it('rejects anything that is not only digits', () => {
    expect(luhnValid('')).toBe(false)
    expect(luhnValid('7328 2932')).toBe(false)
    expect(luhnValid('12a4')).toBe(false)
    expect(luhnValid('-18')).toBe(false)
  })
})

describe('checkSiret', () => {
  it('accepts real SIRETs and returns 14 digits', () => {
    expect(checkSiret('73282932000074')).toEqual({ ok: true, value: '73282932000074' })
    expect(checkSiret('44306184100047')).toEqual({ ok: true, value: '44306184100047' })
    expect(checkSiret('55203253400646')).toEqual({ ok: true, value: '55203253400646' })
  })

  it('strips ordinary, non-breaking and narrow non-breaking spaces', () => {
    expect(checkSiret(' 732 829 320 00074 ')).toEqual({ ok: true, value: '73282932000074' })
    expect(checkSiret('732\u00A0829\u00A0320\u00A000074')).toEqual({ ok: true, value: '73282932000074' })
    expect(checkSiret('732\u202F829\u202F320\u202F00074')).toEqual({ ok: true, value: '73282932000074' })
  })

  it('requires exactly 14 digits', () => {
    expect(checkSiret('')).toEqual({ ok: false, message: LENGTH_MESSAGE })
    expect(checkSiret('7328293200007')).toEqual({ ok: false, message: LENGTH_MESSAGE })
    expect(checkSiret('732829320000740')).toEqual({ ok: false, message: LENGTH_MESSAGE })
    expect(checkSiret('732829320OOO74')).toEqual({ ok: false, message: LENGTH_MESSAGE })
    expect(checkSiret('732.829.320.00074')).toEqual({ ok: false, message: LENGTH_MESSAGE })
  })

  it('rejects a wrong control key with the formatted number in the message', () => {
    expect(checkSiret('73282932000075')).toEqual({
      ok: false,
      message: "Le SIRET 732 829 320 00075 n'est pas valide (clé de contrôle incorrecte)."
    })
  })

  describe('La Poste (SIREN 356 000 000)', () => {
    it('accepts post offices whose digit sum is a multiple of 5 although Luhn fails', () => {
      // 3+5+6 + 4+9+8+3+7 = 45
      expect(luhnValid('35600000049837')).toBe(false)
      expect(checkSiret('35600000049837')).toEqual({ ok: true, value: '35600000049837' })
      // 3+5+6 + 1+2+3+4+1 = 25
      expect(luhnValid('35600000012341')).toBe(false)
      expect(checkSiret('356 000 000 12341')).toEqual({ ok: true, value: '35600000012341' })
    })

    it('accepts the head office 356 000 000 00048, which follows Luhn (digit sum 26)', () => {
      expect(luhnValid('35600000000048')).toBe(true)
      expect(checkSiret('35600000000048')).toEqual({ ok: true, value: '35600000000048' })
    })

    it('rejects numbers that satisfy neither rule', () => {
      // digit sum 46, Luhn fails
      expect(checkSiret('35600000049838')).toEqual({
        ok: false,
        message: "Le SIRET 356 000 000 49838 n'est pas valide (clé de contrôle incorrecte)."
      })
      // digit sum 27, Luhn fails
      expect(checkSiret('35600000000049').ok).toBe(false)
    })

    it('does not extend the digit-sum rule to other SIRENs', () => {
      // 3+5+6+0+0+0+0+0+1 + 4+9+8+3+6 = 45, but the SIREN is not La Poste's
      expect(luhnValid('35600000149836')).toBe(false)
      expect(checkSiret('35600000149836').ok).toBe(false)
    })
  })
})

describe('checkSiren', () => {
  it('accepts valid SIRENs, spaces included', () => {
    expect(checkSiren('732829320')).toEqual({ ok: true, value: '732829320' })
    expect(checkSiren('732\u00A0829\u202F320')).toEqual({ ok: true, value: '732829320' })
    expect(checkSiren('356000000')).toEqual({ ok: true, value: '356000000' })
  })

  it('requires 9 digits', () => {
    const message = 'Le SIREN doit comporter 9 chiffres.'
    expect(checkSiren('')).toEqual({ ok: false, message })
    expect(checkSiren('73282932')).toEqual({ ok: false, message })
    expect(checkSiren('73282932000074')).toEqual({ ok: false, message })
    expect(checkSiren('73282932A')).toEqual({ ok: false, message })
  })

  it('rejects a wrong control key', () => {
    expect(checkSiren('732829321')).toEqual({
      ok: false,
      message: "Le SIREN 732 829 321 n'est pas valide (clé de contrôle incorrecte)."
    })
  })
})

describe('formatSiret / formatSiren', () => {
  it('groups digits as printed on Kbis extracts', () => {
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074')
    expect(formatSiret('732\u00A0829320 00074')).toBe('732 829 320 00074')
    expect(formatSiren('732829320')).toBe('732 829 320')
  })

  it('returns anything else trimmed but unchanged', () => {
    expect(formatSiret(' 1234 ')).toBe('1234')
    expect(formatSiret('')).toBe('')
    expect(formatSiren('abc')).toBe('abc')
  })
})
