import { describe, expect, it } from 'vitest'
import {
  capitaliseFirstName,
  checkEmail,
  checkFrenchPhone,
  checkPostalCode,
  foldForSearch,
  normaliseName,
  upperName
} from '@shared/domain/text'
import { checkAdviserEmail } from '@shared/domain/trainee'

describe('normaliseName', () => {
  it('trims and collapses every kind of space', () => {
    expect(normaliseName('  Jean   Dupont ')).toBe('Jean Dupont')
    expect(normaliseName('Jean\u00A0\u202F\tDupont\n')).toBe('Jean Dupont')
    expect(normaliseName('')).toBe('')
  })

  it('composes accents typed as combining marks', () => {
    const decomposed = 'Dupre\u0301'
    expect(decomposed).not.toBe('Dupré')
    expect(normaliseName(decomposed)).toBe('Dupré')
  })
})

describe('upperName', () => {
  it('upper-cases keeping accents', () => {
    expect(upperName('Dupré')).toBe('DUPRÉ')
    expect(upperName('  de la  Fontaine ')).toBe('DE LA FONTAINE')
    expect(upperName("d'Estaing-Lefèvre")).toBe("D'ESTAING-LEFÈVRE")
    expect(upperName('Œuvray Ñúñez ç')).toBe('ŒUVRAY ÑÚÑEZ Ç')
    expect(upperName('Dupre\u0301')).toBe('DUPRÉ')
  })
})

describe('capitaliseFirstName', () => {
  it.each([
    ['jean-éric', 'Jean-Éric'],
    ['marie claire', 'Marie Claire'],
    ['MARIE-CLAIRE', 'Marie-Claire'],
    ['  élodie  ', 'Élodie'],
    ['jean--pierre', 'Jean--Pierre'],
    ["n'golo", "N'Golo"],
    ['n’golo', 'N’Golo'],
    ['ÇA', 'Ça'],
    ['e\u0301lise', 'Élise'],
    ['', '']
  ])('%j → %j', (input, output) => {
    expect(capitaliseFirstName(input)).toBe(output)
  })
})

describe('checkEmail', () => {
  it.each([
    ['jean.dupont@exemple.fr', 'jean.dupont@exemple.fr'],
    ['  Jean.Dupont@Exemple.FR ', 'Jean.Dupont@exemple.fr'],
    ['a+tag@sub.domaine-test.co.uk', 'a+tag@sub.domaine-test.co.uk'],
    ["o'brien@exemple.com", "o'brien@exemple.com"],
    ['x_y-z@a1.io', 'x_y-z@a1.io']
  ])('accepts %j', (input, value) => {
    expect(checkEmail(input)).toEqual({ ok: true, value })
  })

  it.each([
    'jean dupont@exemple.fr',
    'jean.dupont@exemple',
    'jean.dupont@exemple,fr',
    'jean.dupont.exemple.fr',
    '@exemple.fr',
    'jean@',
    'jean@@exemple.fr',
    'jean@ex@emple.fr',
    '.jean@exemple.fr',
    'jean.@exemple.fr',
    'jean..dupont@exemple.fr',
    'jérôme@exemple.fr',
    'jean@-exemple.fr',
    'jean@exemple-.fr',
    'jean@exemple..fr',
    'jean@exemple.f',
    'jean@exemple.123'
  ])('rejects %j', (input) => {
    expect(checkEmail(input)).toEqual({
      ok: false,
      message: `Adresse e-mail invalide : « ${input} ». Exemple : prenom.nom@exemple.fr`
    })
  })

  it('names whose address it is when it is not the person’s own', () => {
    expect(checkEmail('s.lebihan@francetravail', 'du conseiller')).toEqual({
      ok: false,
      message: 'Adresse e-mail du conseiller invalide : « s.lebihan@francetravail ». Exemple : prenom.nom@exemple.fr'
    })
    expect(checkEmail(' S.LeBihan@FranceTravail.fr ', 'du conseiller')).toEqual({ ok: true, value: 'S.LeBihan@francetravail.fr' })
    expect(checkAdviserEmail('a@b')).toEqual(checkEmail('a@b', 'du conseiller'))
  })

  it('rejects empty and over-long addresses', () => {
    expect(checkEmail('  ')).toEqual({
      ok: false,
      message: 'Adresse e-mail invalide : aucune valeur saisie. Exemple : prenom.nom@exemple.fr'
    })
    expect(checkEmail(`${'a'.repeat(65)}@exemple.fr`).ok).toBe(false)
    const label = 'b'.repeat(60)
    expect(checkEmail(`a@${label}.${label}.${label}.${label}.fr`).ok).toBe(true) // 248 characters
    expect(checkEmail(`a@${label}.${label}.${label}.${label}.${label}.fr`).ok).toBe(false)
    expect(checkEmail(`a@${'b'.repeat(64)}.fr`).ok).toBe(false) // label over 63
  })
})

describe('checkFrenchPhone', () => {
  it.each([
    ['0612345678', '06 12 34 56 78'],
    ['06 12 34 56 78', '06 12 34 56 78'],
    ['06.12.34.56.78', '06 12 34 56 78'],
    ['06-12-34-56-78', '06 12 34 56 78'],
    ['06\u00A012\u202F34 56 78', '06 12 34 56 78'],
    ['01 23 45 67 89', '01 23 45 67 89'],
    ['09 87 65 43 21', '09 87 65 43 21'],
    ['+33612345678', '06 12 34 56 78'],
    ['+33 6 12 34 56 78', '06 12 34 56 78'],
    ['+33 (0)6 12 34 56 78', '06 12 34 56 78'],
    ['0033 6 12 34 56 78', '06 12 34 56 78'],
    ['(0)6 12 34 56 78', '06 12 34 56 78']
  ])('%j → %j', (input, value) => {
    expect(checkFrenchPhone(input)).toEqual({ ok: true, value })
  })

  it.each(['061234567', '06123456789', '0012', '00 12 34 56 78', '6 12 34 56 78', '06 12 34 56 7a', '+33 6 12 34 56', '+33 6 12 34 56 789'])(
    'rejects %j',
    (input) => {
      expect(checkFrenchPhone(input)).toEqual({
        ok: false,
        message: `Numéro de téléphone invalide : « ${input} ». Attendu : 10 chiffres commençant par 0 (ex. 06 12 34 56 78) ou +33 suivi de 9 chiffres.`
      })
    }
  )

  it('explains that foreign numbers are not accepted', () => {
    const message = 'Seuls les numéros de téléphone français sont acceptés (0… ou +33…).'
    expect(checkFrenchPhone('+32 470 12 34 56')).toEqual({ ok: false, message })
    expect(checkFrenchPhone('0041 79 123 45 67')).toEqual({ ok: false, message })
  })

  it('explains an empty value', () => {
    expect(checkFrenchPhone(' ')).toEqual({
      ok: false,
      message:
        'Numéro de téléphone invalide : aucune valeur saisie. Attendu : 10 chiffres commençant par 0 (ex. 06 12 34 56 78) ou +33 suivi de 9 chiffres.'
    })
  })
})

describe('checkPostalCode', () => {
  it('accepts 5 digits, spaces removed', () => {
    expect(checkPostalCode('75001')).toEqual({ ok: true, value: '75001' })
    expect(checkPostalCode(' 75 001 ')).toEqual({ ok: true, value: '75001' })
    expect(checkPostalCode('01000')).toEqual({ ok: true, value: '01000' })
    expect(checkPostalCode('20000')).toEqual({ ok: true, value: '20000' }) // Ajaccio
    expect(checkPostalCode('97400')).toEqual({ ok: true, value: '97400' })
    expect(checkPostalCode('98000')).toEqual({ ok: true, value: '98000' })
  })

  it.each(['7500', '750011', '2A000', 'abcde', '', '75-001'])('rejects %j', (input) => {
    expect(checkPostalCode(input)).toEqual({ ok: false, message: 'Le code postal doit comporter 5 chiffres.' })
  })

  it('rejects codes starting with 00', () => {
    expect(checkPostalCode('00123')).toEqual({ ok: false, message: "Le code postal 00123 n'existe pas." })
  })
})

describe('foldForSearch', () => {
  it('lower-cases and removes accents', () => {
    expect(foldForSearch('Hélène')).toBe('helene')
    expect(foldForSearch('DUPRÉ')).toBe('dupre')
    expect(foldForSearch('Ça')).toBe('ca')
    expect(foldForSearch('Noël Ÿvonne Ñúñez')).toBe('noel yvonne nunez')
  })

  it('treats precomposed and decomposed accents alike', () => {
    expect(foldForSearch('Dupre\u0301')).toBe(foldForSearch('Dupré'))
  })

  it('spells out ligatures and unifies apostrophes', () => {
    expect(foldForSearch('Cœur Lætitia Œdipe')).toBe('coeur laetitia oedipe')
    expect(foldForSearch('D’Artagnan')).toBe("d'artagnan")
  })

  it('keeps spaces, hyphens and digits', () => {
    expect(foldForSearch(' Jean-Éric 2 ')).toBe(' jean-eric 2 ')
  })

  it('lets an accent-free query find an accented name', () => {
    expect(foldForSearch('Mme Hélène Lefèvre').includes(foldForSearch('lefevre'))).toBe(true)
    expect(foldForSearch('Lefevre').includes(foldForSearch('Lefèvre'))).toBe(true)
  })
})
