import { describe, expect, it } from 'vitest'
import {
  agreeFr,
  civilityOf,
  participleFr,
  plural,
  pluralWord,
  possessiveFr,
  amountFr,
  compareFr,
  deFr,
  formatNumberFr,
  hoursFr,
  hoursInWords,
  periodFr,
  plainText,
  queFr,
  quoteFr,
  sortByNameFr,
  unbreakable
} from '@shared/domain/frenchFormat'

const NNBSP = '\u202f'
const NBSP = '\u00a0'

describe('French formatter for documents', () => {
  it('hours: narrow no-break space between thousands, decimal comma, no trailing zero', () => {
    expect(hoursFr(4246.75)).toBe(`4${NNBSP}246,75${NNBSP}h`)
    expect(hoursFr(1234567.5)).toBe(`1${NNBSP}234${NNBSP}567,5${NNBSP}h`)
    expect(hoursFr(7)).toBe(`7${NNBSP}h`)
    expect(hoursFr(0.1 + 0.2)).toBe(`0,3${NNBSP}h`)
    expect(hoursFr(1.005)).toBe(`1,01${NNBSP}h`)
    expect(hoursFr(null)).toBe('—')
    expect(formatNumberFr(999)).toBe('999')
    expect(formatNumberFr(-0.001)).toBe('0')
  })

  it('heure / heures: singular below 2', () => {
    expect(hoursInWords(0)).toBe(`0${NBSP}heure`)
    expect(hoursInWords(1)).toBe(`1${NBSP}heure`)
    expect(hoursInWords(1.5)).toBe(`1,5${NBSP}heure`)
    expect(hoursInWords(2)).toBe(`2${NBSP}heures`)
    expect(hoursInWords(1200)).toBe(`1${NNBSP}200${NBSP}heures`)
  })

  it('amounts, dates and periods', () => {
    expect(amountFr(123450)).toBe(`1${NNBSP}234,50${NBSP}€`)
    expect(amountFr(null)).toBe('—')
    expect(periodFr('2026-12-01', '2027-06-25')).toBe('du 1er décembre 2026 au 25 juin 2027')
    expect(periodFr('2026-12-01', null)).toBe('à partir du 1er décembre 2026')
    expect(periodFr(null, null)).toBe('—')
  })

  it('guillemets hold their text with no-break spaces', () => {
    expect(quoteFr(' Sortie ')).toBe(`«${NBSP}Sortie${NBSP}»`)
  })

  it('elision before a vowel', () => {
    expect(deFr('Atelier Formation')).toBe('d’Atelier Formation')
    expect(deFr('Émeraude Compétences')).toBe('d’Émeraude Compétences')
    expect(deFr('Lorient')).toBe('de Lorient')
    expect(queFr('Élodie')).toBe('qu’Élodie')
    expect(queFr('Marie')).toBe('que Marie')
  })

  it('agreement by civility; the inclusive form only when civility is unknown', () => {
    expect(agreeFr('M', 'présenté', 'présentée')).toBe('présenté')
    expect(agreeFr('Mme', 'présenté', 'présentée')).toBe('présentée')
    expect(agreeFr(null, 'présenté', 'présentée')).toBe('présenté(e)')
    expect(agreeFr(null, 'le stagiaire', 'la stagiaire')).toBe('le stagiaire / la stagiaire')
  })

  it('plurals: singular below 2, « aucune » for none when the gender is given, thousands spaced', () => {
    expect(plural(1, 'session', 'sessions')).toBe('1 session')
    expect(plural(3, 'session', 'sessions')).toBe('3 sessions')
    expect(plural(0, 'session', 'sessions')).toBe('0 session')
    expect(plural(0, 'session', 'sessions', 'f')).toBe('aucune session')
    expect(plural(0, 'stagiaire', 'stagiaires', 'm')).toBe('aucun stagiaire')
    expect(plainText(plural(1234, 'stagiaire', 'stagiaires'))).toBe('1 234 stagiaires')
    expect(pluralWord(1.5, 'heure', 'heures')).toBe('heure')
  })

  it('possessives: « Voir sa session », « Voir ses 3 sessions », « son inscription »', () => {
    expect(possessiveFr(1, 'session', 'sessions', 'f')).toBe('sa session')
    expect(possessiveFr(3, 'session', 'sessions', 'f')).toBe('ses 3 sessions')
    expect(possessiveFr(1, 'inscription', 'inscriptions', 'f')).toBe('son inscription')
    expect(possessiveFr(1, 'stage', 'stages', 'm')).toBe('son stage')
    expect(possessiveFr(0, 'session', 'sessions', 'f')).toBe('aucune session')
  })

  it('elision of a month: « Assiduité d’octobre 2026 », « de novembre 2026 »', () => {
    expect(`Assiduité ${deFr('octobre 2026')}`).toBe('Assiduité d’octobre 2026')
    expect(`Assiduité ${deFr('août 2026')}`).toBe('Assiduité d’août 2026')
    expect(`Assiduité ${deFr('novembre 2026')}`).toBe('Assiduité de novembre 2026')
  })

  it('participles agree with the stored civility; unknown keeps the inclusive form', () => {
    expect(participleFr('présenté', 'Mme')).toBe('présentée')
    expect(participleFr('ajouté', 'M')).toBe('ajouté')
    expect(participleFr('né', null)).toBe('né(e)')
    expect(civilityOf('Mlle')).toBeNull()
  })

  it('hyphens of names and e-mail addresses do not break; plainText reverses it', () => {
    const email = unbreakable('marie.le-goff@france-travail.fr')
    expect(email).not.toContain('-')
    expect(plainText(email)).toBe('marie.le-goff@france-travail.fr')
    expect(plainText(`4${NNBSP}246,75${NNBSP}h`)).toBe('4 246,75 h')
  })

  it('French collation: Ç with C, É with E, accents do not push a name to the end', () => {
    const names = ['YILMAZ', 'ÇELIK', 'DUPONT', 'ÉVRARD', 'CARON', 'EVANS']
    expect([...names].sort(compareFr)).toEqual(['CARON', 'ÇELIK', 'DUPONT', 'EVANS', 'ÉVRARD', 'YILMAZ'])
    const people = [
      { lastName: 'Yilmaz', firstName: 'Ali' },
      { lastName: 'Çelik', firstName: 'Deniz' },
      { lastName: 'Celik', firstName: 'Ayşe' }
    ]
    expect(sortByNameFr(people, (p) => p).map((p) => `${p.lastName} ${p.firstName}`)).toEqual(['Celik Ayşe', 'Çelik Deniz', 'Yilmaz Ali'])
  })
})
