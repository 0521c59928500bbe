import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { bareParse, decodeExtras, type LheoFormation, type LheoWarning } from '../../electron/main/import/lheo'
import {
  CENTRE,
  NORMANDIE,
  NS_22,
  ONISEP,
  lineOf,
  readAll,
  readBytes,
  readText,
  xpathCount,
  xpathNumber
} from './lheoHelpers'

const VALID_SAMPLES = [CENTRE, NORMANDIE, ONISEP]

/** The reader hands extras over as JSON text (see ExtrasJson). */
const extrasOf = decodeExtras

describe('real LHEO 2.2 samples', () => {
  it.each(VALID_SAMPLES)('%s reads with the counts xmllint finds', async (file) => {
    const { formations, summary } = await readAll(file)
    const expected = { formations: xpathCount(file, 'formation'), actions: xpathCount(file, 'action'), sessions: xpathCount(file, 'session') }
    expect({ formations: summary.formations, actions: summary.actions, sessions: summary.sessions }).toEqual(expected)
    expect(formations).toHaveLength(expected.formations)
    expect(formations.flatMap((f) => f.actions)).toHaveLength(expected.actions)
    expect(formations.flatMap((f) => f.actions.flatMap((a) => a.sessions))).toHaveLength(expected.sessions)
    expect(summary.version).toBe('2.2')
    expect(summary.namespace).toBe(NS_22)
    expect(summary.encoding).toBe('UTF-8')
    expect(summary.bytesRead).toBe(readFileSync(file).byteLength)
    // Plain data: survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(formations))).toEqual(formations)
  })

  it('gives the same result whatever the chunk boundaries', async () => {
    for (const file of VALID_SAMPLES) {
      const whole = await readAll(file)
      const bytes = readFileSync(file)
      for (const size of [1, 7, 1000]) {
        const pieces = await readBytes(bytes, size)
        expect(pieces.formations).toEqual(whole.formations)
        expect(pieces.summary.warnings).toEqual(whole.summary.warnings)
      }
    }
  })

  it('bareParse counts the elements xmllint counts', async () => {
    for (const file of VALID_SAMPLES) {
      const r = await bareParse(file)
      expect(r.elements).toBe(xpathNumber(file, 'count(//*)'))
      expect(r.bytes).toBe(readFileSync(file).byteLength)
    }
  })
})

describe('Centre-Val de Loire (Intercarif, AFPA Veigné, plaquiste)', () => {
  let f: LheoFormation
  let warnings: LheoWarning[]
  beforeAll(async () => {
    const r = await readAll(CENTRE)
    f = r.formations[0] as LheoFormation
    warnings = r.summary.warnings
  })

  it('reads the formation', () => {
    expect(f.intercarifId).toBe('07_10')
    expect(f.title).toBe('Titre professionnel plaquiste')
    expect(f.formacode).toBe('22403')
    expect(f.formacodeVersion).toBe('V12')
    expect(f.secondaryFormacodes).toEqual([])
    expect(f.nsfCodes).toEqual(['233'])
    expect(f.romeCodes).toEqual(['F1604'])
    expect(f.objectiveCode).toBe(6)
    expect(f.objectives).toBe("L'objectif est d'obtenir la qualification de plaquiste, pour un accès à l'emploi.")
    expect(f.expectedResults).toBeNull() // "-" placeholder
    expect(f.content).toMatch(/^Réaliser l'aménagement de locaux/)
    expect(f.certifying).toBe(true)
    expect(f.certification).toEqual({ kind: 'RNCP', code: '320', level: 3 })
    expect(f.totalHours).toBe(697)
    expect(f.accessLevelCode).toBe('1')
    expect(f.accessLevel).toBe('sans niveau spécifique')
    expect(f.url).toBe('http://www.etoile.regioncentre.fr/GIP/accueiletoile/seformer/formation/detailformation/engineName/carifengine?screen=fiche_formation&idFormation=10')
    expect(f.createdOn).toBe('2001-05-03')
    expect(f.updatedOn).toBe('2017-12-13')
    expect(f.line).toBe(lineOf(readText(CENTRE), '<formation numero="07_10"'))
  })

  it('reads the responsible organisation', () => {
    expect(f.responsibleOrg).toEqual({
      intercarifId: '07_1494',
      name: "Direction régionale Centre de l'agence nationale pour la formation des adultes",
      siret: '82422814200660',
      nda: '24930181145',
      addressLine1: "Propriété de l'Archette, Rue Basse Mouillère, CS 50613",
      postalCode: '45160',
      city: 'Olivet',
      phone: '39 36',
      email: 'catherine.lepoec@afpa.fr',
      web: 'http://www.centre.afpa.fr'
    })
  })

  it('reads both actions, their hours, funders and places', () => {
    const [a1, a2] = f.actions
    expect(a1?.intercarifId).toBe('07_114782')
    expect(a2?.intercarifId).toBe('07_123324')
    expect(a1?.hoursTotal).toBeNull()
    expect([a2?.hoursTotal, a2?.hoursCentre, a2?.hoursCompany]).toEqual([697, 585, 112])
    expect(a1?.entryMode).toBe('fixed')
    expect(a2?.entryMode).toBe('permanent')
    expect(a1?.rhythm).toBe('Continu temps plein, Modulaire')
    expect(a1?.teachingModality).toBe('formation entièrement présentielle')
    expect(a1?.admissionConditions).toBe('Entretien, Tests')
    expect(a1?.prerequisites).toBeNull()
    expect(a1?.funders.map((x) => [x.code, x.label, x.places])).toEqual([
      ['10', "Bénéficiaire de l'action", 4],
      ['5', 'Entreprise', 4]
    ])
    expect(a2?.funders.map((x) => [x.code, x.label, x.places])).toEqual([['2', 'Collectivité territoriale - Conseil régional', 5]])
    expect(extrasOf(a2?.funders[0]?.extras)[0]?.children.find((c) => c.attributes.info === 'programme-financeur')?.text).toBe('Programme régional 2017 : Parcours métiers')
    expect(a1?.places).toBe(8)
    expect(a2?.places).toBe(5)
    expect(a1?.trainerOrg).toMatchObject({ name: 'AFPA de Veigné', siret: '82422814201874', city: 'Veigné', email: 'delphine.bernot@afpa.fr' })
    expect(a1?.trainers).toBe('Delphine BERNOT')
    expect(a1?.place).toEqual({
      name: 'AFPA de Veigné',
      addressLine1: 'Le Passoir',
      addressLine2: null,
      postalCode: '37250',
      city: 'Veigné',
      inseeCode: '37266',
      regionCode: '24',
      latitude: 47.286057,
      longitude: 0.737711
    })
    expect(a1?.registrationPlace).toMatchObject({ addressLine1: 'AFPA de Veigné', addressLine2: 'Le Passoir', postalCode: '37250' })
    expect(a1?.priceTotalCents).toBeNull()
    expect(extrasOf(a1?.extras).map((e) => e.attributes.info)).toEqual(['type-action', 'dispositif', 'validation'])
  })

  it('reads the sessions, their dates and registration period', () => {
    const [s1] = f.actions[0]?.sessions ?? []
    const [s2] = f.actions[1]?.sessions ?? []
    expect(s1?.intercarifId).toBe('114782')
    expect(s1?.start).toEqual({ iso: '2017-12-04', precision: 'day', raw: '20171204' })
    expect(s1?.end).toEqual({ iso: '2018-06-01', precision: 'day', raw: '20180601' })
    expect(s1?.registrationStart).toBeNull()
    expect(s1?.recruitmentState).toBe('open')
    expect(s2?.intercarifId).toBe('123324')
    expect(s2?.start.iso).toBe('2017-10-30')
    expect(s2?.registrationStart).toEqual({ iso: null, precision: 'unknown', raw: '00000000' })
    expect(s2?.registrationEnd?.iso).toBe('2018-05-22')
    expect(s2?.place).toMatchObject({ addressLine1: 'AFPA de Veigné', city: 'Veigné', latitude: 47.287281036377 })
    const cpf = extrasOf(s1?.extras).filter((e) => e.attributes.info === 'eligibilite-cpf')
    expect(cpf.map((e) => e.attributes.numero)).toEqual(['130805', '1487', '167204', '18320'])
    expect(cpf[1]?.children.filter((c) => c.attributes.info === 'branche').map((c) => c.text)).toEqual(['23.61Z', '23.62Z'])
    expect(s1?.line).toBe(lineOf(readText(CENTRE), '<session numero="114782"'))
  })

  it('warns about the unknown registration start date, with element and line', () => {
    const line = lineOf(readText(CENTRE), '<debut>00000000</debut>')
    expect(warnings).toEqual([{ message: expect.stringContaining('00000000') as unknown as string, element: 'debut', line }])
  })

  it('keeps extras under the organisation as a path', () => {
    expect(extrasOf(f.extras)).toEqual([
      {
        name: 'organisme-formation-responsable',
        attributes: {},
        text: null,
        children: [
          {
            name: 'extras',
            attributes: { info: 'categorie-organisme' },
            text: null,
            children: [{ name: 'extra', attributes: { info: 'code-categorie-organisme' }, text: '00', children: [] }]
          }
        ]
      }
    ])
  })
})

describe('ONISEP (CRLF, escaped HTML)', () => {
  it('is a CRLF file', () => {
    expect(readFileSync(ONISEP, 'latin1')).toContain('\r\n')
  })

  it('turns escaped HTML into clean paragraphs and bullets', async () => {
    const { formations } = await readAll(ONISEP)
    const f = formations[0] as LheoFormation
    for (const text of [f.objectives, f.expectedResults, f.content]) {
      expect(text).not.toBeNull()
      expect(text).not.toMatch(/<|>|&lt;|&gt;|&amp;|\r/)
      expect(text).not.toMatch(/\n{3}| {2}/)
    }
    expect(f.objectives).toMatch(/^A la fois vendeur, manager et commercial, .*clientèle\.$/)
    expect(f.expectedResults?.split('\n\n').map((p) => p.slice(0, 20))).toEqual(['Les objectifs :', 'Ce BTS forme des man', 'Les débouchés :', 'Le titulaire du BTS '])
    const paragraphs = f.content?.split('\n\n') ?? []
    expect(paragraphs).toHaveLength(3)
    expect(paragraphs[0]).toMatch(/^En plus des enseignements généraux .* enseignements professionnels :$/)
    const bullets = paragraphs[1]?.split('\n') ?? []
    expect(bullets).toHaveLength(4)
    expect(bullets.every((b) => b.startsWith('• '))).toBe(true)
    expect(bullets[0]).toMatch(/^• Gestion de clientèles \( 5 heures/)
    expect(paragraphs[2]).toMatch(/^Sous statut scolaire/)
    expect(f.formacode).toBe('34582')
    expect(f.formacodeVersion).toBe('V11')
    expect(f.certification).toEqual({ kind: 'RNCP', code: '474', level: 5 })
    expect(f.responsibleOrg?.nda).toBeNull() // 99999999999 placeholder
    expect(f.actions[0]?.place).toMatchObject({ name: 'Lycée Kerneuzec', addressLine1: 'Kerneuzec', city: 'QUIMPERLÉ' })
    expect(f.actions[0]?.sessions[0]?.start.iso).toBe('2015-09-01')
  })
})

describe('Normandie (financeur 16)', () => {
  it('imports the financeur codes with their labels', async () => {
    const { formations, summary } = await readAll(NORMANDIE)
    const f = formations[0] as LheoFormation
    expect(f.formacode).toBe('21538') // the one tagged principal, not the first
    expect(f.secondaryFormacodes).toEqual(['21001'])
    expect(f.actions[0]?.funders.map((x) => [x.code, x.label])).toEqual([
      ['10', "Bénéficiaire de l'action"],
      ['16', 'OPCO'],
      ['17', 'Transition Pro'],
      ['5', 'Entreprise'],
      ['0', 'Autre']
    ])
    expect(f.certifying).toBe(false)
    expect(f.certification).toBeNull()
    expect(f.actions[0]?.hoursTotal).toBe(40)
    expect(summary.warnings).toEqual([])
  })
})
