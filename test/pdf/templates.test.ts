import { describe, expect, it } from 'vitest'
import { renderDocument, renderMerged } from '../../electron/main/pdf/render'
import { renderCertificatInscription } from '../../electron/main/pdf/templates/certificatInscription'
import { renderEmargement } from '../../electron/main/pdf/templates/emargement'
import type { DocumentData } from '../../electron/main/pdf/types'
import * as f from './fixtures'
import { pdfPages, renderWithPoppler } from './pdfText'

const NNBSP = '\u202f'
/** pdfjs may give back the narrow no-break space as a plain space: compare on normalised text. */
const norm = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ').replace(/[ \t]+/g, ' ')
const flat = (pages: string[]) => norm(pages.join('\n').replace(/\n/g, ' '))

async function textOf(data: DocumentData) {
  const bytes = await renderDocument(data)
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  const pages = await pdfPages(bytes)
  expect(renderWithPoppler(bytes)).toBe(pages.length)
  return { bytes, pages, text: flat(pages) }
}

function expectCommon(text: string) {
  expect(text).toContain('Atelier Formation Bretagne Sud')
  expect(text).toContain('SIRET 843 271 593 00025')
  expect(text).toContain('NDA 53 56 09123 56')
  expect(text).toContain('Qualiopi')
  expect(text).toContain('Fait à Lorient, le 22 novembre 2026')
  expect(text).toMatch(/Page 1 \/ \d/)
}

describe('document templates (text extracted with pdfjs, rendered with poppler)', () => {
  it('certificat d’inscription: identity, FT id, dates, hours, amounts, accents', async () => {
    const { text, pages } = await textOf(f.certificat)
    expectCommon(text)
    expect(text).toContain('CERTIFICAT D’INSCRIPTION')
    expect(text).toContain('Madame Béatrice LEFÈVRE-ÉLOÏSE')
    expect(text).toContain('0676932W')
    expect(text).toContain('14/03/1988')
    expect(text).toContain('du 16 novembre 2026 au 31 mars 2027')
    expect(text).toContain('563,5 h')
    expect(text).toContain('4 250,50 €')
    expect(text).toContain('œuvre collective')
    expect(text).toContain('20_1262663')
    expect(text).toContain('20_1330305')
    expect(text).toContain('103725')
    expect(text).toContain('inscrite')
    expect(pages).toHaveLength(1)
    // the narrow no-break space really is in the PDF before « : »
    expect(pages.join('')).toMatch(new RegExp(`Stagiaire[${NNBSP} ]:`))
  })

  it('attestation d’entrée', async () => {
    const { text } = await textOf(f.entree)
    expectCommon(text)
    expect(text).toContain('ATTESTATION D’ENTRÉE EN FORMATION')
    expect(text).toContain('est entrée en formation le 16 novembre 2026')
    expect(text).toContain('AIF France Travail')
  })

  it('état de présence per trainee: days in tables as 22/11/2026, hours with a comma', async () => {
    const { text } = await textOf(f.presenceTrainee)
    expectCommon(text)
    expect(text).toContain('ÉTAT DE PRÉSENCE MENSUEL')
    expect(text).toContain('Mois de novembre 2026')
    expect(text).toContain('16/11/2026')
    expect(text).toContain('7,5')
    expect(text).toContain('MAL – Maladie, arrêt de travail')
    expect(text).toContain('56,5 h')
  })

  it('état de présence per session: trainees × days', async () => {
    const { text } = await textOf(f.presenceSession)
    expect(text).toContain('CŒURDEVEY Gaëlle')
    expect(text).toContain('BRÉHÉLIN Jérôme')
    expect(text).toContain('70,5')
    expect(text).toContain('Fait à Lorient, le 22 novembre 2026')
  })

  it('feuille d’émargement: half-day cells, trainer row', async () => {
    const { text } = await textOf(f.emargement)
    expect(text).toContain('FEUILLE D’ÉMARGEMENT')
    expect(text).toContain('Semaine du 16 novembre 2026 au 20 novembre 2026')
    expect(text).toContain('Lundi 16/11')
    expect(text).toContain('9h00–12h30')
    expect(text).toContain('Après- midi'.replace('- ', '-').slice(0, 5))
    expect(text).toContain('Signature du formateur')
    expect(text).toContain('Gwénaëlle Tanguy')
  })

  it('bilan de fin de formation', async () => {
    const { text } = await textOf(f.bilan)
    expectCommon(text)
    expect(text).toContain('BILAN DE FIN DE FORMATION')
    expect(text).toContain('549,5 h')
    expect(text).toContain('Certification obtenue partiellement')
    expect(text).toContain('Yann Le Floc’h')
    expect(text).toContain('yann.lefloch@francetravail.example')
    expect(text).toContain('4 250,50 €')
    expect(text).toContain('autonomie en stage !')
  })

  it('attestation de fin de formation (L6353-1): objectives, nature, duration, results', async () => {
    const { text } = await textOf(f.attestationFin)
    expectCommon(text)
    expect(text).toContain('Article L6353-1')
    expect(text).toContain('Assurer l’accueil physique')
    expect(text).toContain('Action de formation')
    expect(text).toContain('549,5 h sur 563,5 h')
    expect(text).toContain('Certification obtenue (totalement)')
  })

  it('certificat de réalisation: the official model’s content', async () => {
    const { text } = await textOf(f.realisation)
    expectCommon(text)
    expect(text).toContain('CERTIFICAT DE RÉALISATION')
    expect(text).toContain('représentant(e) légal(e) du dispensateur')
    expect(text).toContain('bilan de compétences')
    expect(text).toContain('(VAE)')
    expect(text).toContain('apprentissage')
    // Still in training on the day of the certificate: the hours up to that day, said so.
    expect(text).toContain('du 16/11/2026 au 22/11/2026 pour une durée de 549,5 heures, dont 140 h en entreprise (heures réalisées à la date du 22/11/2026, la formation se poursuivant)')
    expect(text).toContain('Source des heures : heures établies d’après les feuilles d’émargement')
    expect(text).toContain('auprès du préfet de région de Bretagne')
    const { text: left } = await textOf({ ...f.realisation, issuedOn: '2027-04-02', employer: 'Clinique du Ter', hoursSource: 'heures corrigées à la main lors du bilan de fin de formation (motif : stage saisi après clôture)' })
    expect(left).toContain('du 16/11/2026 au 31/03/2027 pour une durée de 549,5 heures, dont 140 h en entreprise (heures réalisées).')
    expect(left).toContain('Salariée de l’entreprise : Clinique du Ter')
    expect(left).toContain('corrigées à la main lors du bilan de fin de formation (motif : stage saisi après clôture)')
    expect(text).toContain('pendant une durée de 3 ans')
  })

  it('a 60-character surname and a 250-character title wrap without being cut', async () => {
    expect(f.longTrainee.lastName.length).toBe(60)
    expect(f.longTraining.title.length).toBe(250)
    const { text, pages } = await textOf({ ...f.certificat, trainee: f.longTrainee, training: f.longTraining })
    expect(text).toContain('Châteaubriand'.toLocaleUpperCase('fr-FR'))
    expect(text).toContain('DUPONT-AIGNANS')
    expect(text.replace(/ /g, '')).toContain(norm(f.longTraining.title.trim()).replace(/ /g, '').replace(/'/g, '’'))
    expect(pages.length).toBeLessThanOrEqual(2)
  })

  it('a 40-trainee sign-in sheet breaks across pages and repeats its header', async () => {
    const bytes = await renderEmargement({ ...f.emargement, rows: f.people(40).map((trainee) => ({ trainee, note: null, cells: [] })) })
    const pages = (await pdfPages(bytes)).map(norm)
    expect(pages.length).toBeGreaterThanOrEqual(2)
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('Lundi 16/11')
      expect(page).toContain('20/11')
      expect(page).toContain(`Page ${i + 1} / ${pages.length}`)
    }
    const all = pages.join('\n')
    for (const p of f.people(40)) expect(all).toContain(p.ftId ?? '')
    expect(renderWithPoppler(bytes)).toBe(pages.length)
  })

  it('merges several documents into one pdfkit document, each numbered on its own', async () => {
    const bytes = await renderMerged([f.certificat, { ...f.certificat, trainee: f.longTrainee }, f.presenceSession])
    expect(bytes).not.toBeNull()
    const pages = (await pdfPages(bytes as Buffer)).map(norm)
    expect(pages.length).toBe(4)
    expect(pages[0]).toContain('Page 1 / 1')
    expect(pages[1]).toContain('Page 1 / 1')
    expect(pages[2]).toContain('Page 1 / 2')
    expect(pages[3]).toContain('Page 2 / 2')
  })

  it('each template is a pure (data) => Promise<Buffer>', async () => {
    const a = await renderCertificatInscription(f.certificat)
    expect(a.length).toBeGreaterThan(1000)
  })
})
