import { describe, expect, it } from 'vitest'
import { containsIdentifier, identifierMatcher, identifierPattern, redactText } from '@shared/domain/redaction'

const marie = { lastName: 'DUPONT', firstName: 'Marie-Hélène', email: 'mh.dupont@exemple.fr', phone: '06 12 34 56 78', ftId: '0676932W' }

describe('redaction of a person in free text', () => {
  const p = identifierPattern([marie])
  if (!p) throw new Error('no pattern')
  it('finds the full name in either order, any case, with spaces, commas or underscores', () => {
    for (const text of ['DUPONT Marie-Hélène', 'marie-hélène dupont', 'Dupont, Marie Hélène', '2026-01 Certificat - DUPONT_Marie-Hélène.pdf']) {
      expect(containsIdentifier(text, p), text).toBe(true)
    }
  })
  it('finds the e-mail, the France Travail id and the phone however it is written', () => {
    expect(redactText('écrire à MH.Dupont@exemple.fr', p)).toBe('écrire à Personne anonymisée')
    for (const phone of ['0612345678', '06.12.34.56.78', '+33 6 12 34 56 78', '+33612345678']) expect(containsIdentifier(`tél ${phone} !`, p), phone).toBe(true)
    expect(redactText('id 0676932W.', p)).toBe('id Personne anonymisée.')
  })
  it('leaves other people, a bare family name and longer numbers alone', () => {
    for (const text of ['DUPONT Marie-Hélèneke', 'DUPONT Jean', 'Rue Dupont', '061234567890', 'Marie DUPONTEL']) expect(containsIdentifier(text, p), text).toBe(false)
  })
  it('combines several people and has nothing to search without identifiers', () => {
    const both = identifierPattern([marie, { lastName: 'MARTIN', firstName: 'Jean' }])
    expect(both && redactText('MARTIN Jean et DUPONT Marie-Hélène', both)).toBe('Personne anonymisée et Personne anonymisée')
    expect(identifierPattern([{ lastName: ' ', firstName: '' }])).toBeNull()
  })
})

describe('the matcher (a cheap first look, then the pattern)', () => {
  const m = identifierMatcher([marie, { lastName: 'LE BIHAN', firstName: 'Yann', phone: '02 97 11 22 33' }])
  if (!m) throw new Error('no matcher')
  it('answers like the pattern', () => {
    for (const text of ['DUPONT Marie-Hélène', 'rdv Le Bihan, Yann', 'MH.DUPONT@exemple.fr', 'tél +33 2 97 11 22 33', '{"ftId":"0676932W"}']) {
      expect(m.test(text), text).toBe(true)
    }
    for (const text of ['DUPONT Jean', 'Yann LEBIHAN', '2026-11-22T09:30:00.000Z', 'Marie']) expect(m.test(text), text).toBe(false)
    expect(m.redact('Yann Le Bihan et DUPONT Jean')).toBe('Personne anonymisée et DUPONT Jean')
  })
})
