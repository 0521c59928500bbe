import { describe, expect, it } from 'vitest'
import { checkFranceTravailId } from '@shared/domain/franceTravailId'

function message(input: string): string {
  const r = checkFranceTravailId(input)
  if (r.ok) throw new Error(`${input} should have been rejected`)
  return r.message
}

describe('checkFranceTravailId', () => {
  it('accepts the usual 8-character form, upper-cased', () => {
    expect(checkFranceTravailId('0676932W')).toEqual({ ok: true, value: '0676932W' })
    expect(checkFranceTravailId(' 0676932w ')).toEqual({ ok: true, value: '0676932W' })
    expect(checkFranceTravailId('12345678')).toEqual({ ok: true, value: '12345678' })
  })

  it('removes inner spaces, including non-breaking ones', () => {
    expect(checkFranceTravailId('067 69 32 W')).toEqual({ ok: true, value: '0676932W' })
    expect(checkFranceTravailId('0676\u00A0932\u202FW')).toEqual({ ok: true, value: '0676932W' })
  })

  it('accepts the longer KAIROS forms (10 to 12 characters)', () => {
    expect(checkFranceTravailId('41N412817672')).toEqual({ ok: true, value: '41N412817672' })
    expect(checkFranceTravailId('41n 412 817 672')).toEqual({ ok: true, value: '41N412817672' })
    expect(checkFranceTravailId('123A456789')).toEqual({ ok: true, value: '123A456789' }) // 10
    expect(checkFranceTravailId('12A3456789')).toEqual({ ok: true, value: '12A3456789' }) // 10
    expect(checkFranceTravailId('123A45678901')).toEqual({ ok: true, value: '123A45678901' }) // 12
  })

  it('rejects other shapes with an explanation and examples', () => {
    for (const bad of ['0676932', '0676932WW', 'A676932W', '067693WW', '41N41281', '41N4128176721', '4N412817672', '1234A567890', '41NN12817672']) {
      const m = message(bad)
      expect(m).toContain("n'a pas la forme attendue")
      expect(m).toContain('0676932W')
      expect(m).toContain('41N412817672')
    }
  })

  it('names the offending value in upper case', () => {
    expect(message('abc')).toBe(
      "L'identifiant France Travail ABC n'a pas la forme attendue : 7 chiffres suivis d'une lettre ou d'un chiffre (ex. 0676932W), ou la forme longue des exports KAIROS (ex. 41N412817672)."
    )
  })

  it('rejects punctuation and accents separately', () => {
    expect(message('0676932-W')).toMatch(/^L'identifiant France Travail ne doit contenir que des chiffres et des lettres/)
    expect(message('067693É')).toMatch(/ne doit contenir que des chiffres et des lettres/)
  })

  it('rejects an empty value', () => {
    expect(message('   ')).toMatch(/^L'identifiant France Travail est vide/)
  })
})
