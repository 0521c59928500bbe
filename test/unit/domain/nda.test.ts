import { describe, expect, it } from 'vitest'
import { checkNda, formatNda } from '@shared/domain/nda'

const LENGTH = "Le numéro de déclaration d'activité (NDA) doit comporter 11 caractères."
const CHARS = "Le numéro de déclaration d'activité (NDA) ne doit contenir que des chiffres (ou 2A/2B pour la Corse)."

describe('checkNda', () => {
  it('accepts 11 digits and removes every kind of space', () => {
    expect(checkNda('11755555575')).toEqual({ ok: true, value: '11755555575' })
    expect(checkNda(' 11 75 55555 75 ')).toEqual({ ok: true, value: '11755555575' })
    expect(checkNda('11\u00A075\u202F55555\u00A075')).toEqual({ ok: true, value: '11755555575' })
  })

  it('accepts Corsican numbers with 2A/2B, upper-cased', () => {
    expect(checkNda('2A123456789')).toEqual({ ok: true, value: '2A123456789' })
    expect(checkNda('2b 12 34567 89')).toEqual({ ok: true, value: '2B123456789' })
    expect(checkNda('94 2A 00123 2A')).toEqual({ ok: true, value: '942A001232A' })
  })

  it('requires 11 characters', () => {
    expect(checkNda('')).toEqual({ ok: false, message: LENGTH })
    expect(checkNda('1175555557')).toEqual({ ok: false, message: LENGTH })
    expect(checkNda('117555555750')).toEqual({ ok: false, message: LENGTH })
  })

  it('rejects letters other than the Corsican 2A/2B', () => {
    expect(checkNda('1175555557X')).toEqual({ ok: false, message: CHARS })
    expect(checkNda('2C123456789')).toEqual({ ok: false, message: CHARS })
    expect(checkNda('3A123456789')).toEqual({ ok: false, message: CHARS })
    expect(checkNda('11-75-555-5')).toEqual({ ok: false, message: CHARS })
  })
})

describe('formatNda', () => {
  it('groups as on the DREETS receipt', () => {
    expect(formatNda('11755555575')).toBe('11 75 55555 75')
    expect(formatNda('942a001232a')).toBe('94 2A 00123 2A')
  })

  it('returns invalid input trimmed', () => {
    expect(formatNda(' 123 ')).toBe('123')
  })
})
