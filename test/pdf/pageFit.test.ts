import { describe, expect, it } from 'vitest'
import { renderDocument } from '../../electron/main/pdf/render'
import type { DocumentData } from '../../electron/main/pdf/types'
import { addDays } from '@shared/domain/dates'
import { formatHours } from '@shared/domain/hours'
import * as f from './fixtures'
import { pdfPages, renderWithPoppler } from './pdfText'

// The common case fits on one A4 page with its signatures; long content breaks across pages
// with the table header repeated, and « Fait à … » stays with the signatures.

/** pdfjs may give back the narrow no-break space as a plain space: compare on normalised text. */
const norm = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ').replace(/[ \t]+/g, ' ')

async function pagesOf(data: DocumentData): Promise<{ raw: string[]; pages: string[] }> {
  const bytes = await renderDocument(data)
  const raw = await pdfPages(bytes)
  expect(renderWithPoppler(bytes)).toBe(raw.length)
  return { raw, pages: raw.map((p) => norm(p.replace(/\n/g, ' '))) }
}

function expectSignedOn(page: string | undefined, ...roles: string[]): void {
  expect(page).toContain('Fait à Lorient, le ')
  for (const role of roles) expect(page).toContain(role)
}

const count = (text: string, needle: string) => text.split(needle).length - 1

describe('État de présence mensuel (per trainee): one page for a full month', () => {
  it.each([
    ['22 working days (December 2026 without Christmas)', f.fullMonth()],
    ['23 days, the most weekdays a month has', f.fullMonth({ withChristmas: true })]
  ])('%s', async (_label, data) => {
    const { raw, pages } = await pagesOf(data)
    expect(pages).toHaveLength(1)
    const page = pages[0] ?? ''
    for (const day of data.days) expect(page).toContain(day.date.split('-').reverse().join('/'))
    expect(page).toContain('Mois de décembre 2026')
    expect(page).toContain('Date Jour Prévues Réalisées Absence, entreprise, observation')
    expect(page).toContain('MAL – Maladie, arrêt de travail')
    expect(page).toContain('RDV – Rendez-vous France Travail / employeur (3,5 h)')
    const { attended, planned } = data.totals
    expect(page).toContain(`Total du mois ${formatHours(planned)} h ${formatHours(attended)} h entreprise : 0 h – absences justifiées : 10,5 h, non justifiées : 0 h`)
    // Narrow no-break spaces (pdfjs gives some back as plain spaces; the renders were checked by eye).
    expect(raw[0]).toMatch(/Stagiaire[\u202f ]:/)
    expect(raw[0]).toMatch(/justifiées[\u202f ]: 10,5[\u202f ]h/)
    expectSignedOn(page, 'Le ou la stagiaire', 'Pour l’organisme de formation', 'Morgane Le Bihan, Directrice')
    expect(page).toContain('Fait à Lorient, le 31 décembre 2026')
    expect(page).toContain('Page 1 / 1')
  })

  it('a long month (every day, long notes, a long name and title) breaks across pages with its header repeated', async () => {
    const dates = Array.from({ length: 31 }, (_, i) => addDays('2026-12-01', i))
    const data = {
      ...f.fullMonth(),
      trainee: f.longTrainee,
      training: f.longTraining,
      days: dates.map((date, i) => (i % 2 === 0 ? { date, planned: 7, hours: 3.5, note: 'RDV – Rendez-vous France Travail / employeur (3,5 h) : entretien de suivi du projet professionnel avec la conseillère, puis visite d’une entreprise d’accueil à Lanester', off: false } : { date, planned: 7, hours: 7, note: null, off: false }))
    }
    const { pages } = await pagesOf(data)
    expect(pages.length).toBeGreaterThanOrEqual(2)
    const all = pages.join('\n')
    for (const date of dates) expect(count(all, date.split('-').reverse().join('/'))).toBe(1)
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(`Page ${i + 1} / ${pages.length}`)
      if (i > 0) expect(page).toContain('État de présence mensuel (suite)')
    }
    // Every page holding rows of the table starts them under the repeated header.
    const withRows = pages.filter((p) => /\d\d\/12\/2026/.test(p))
    expect(withRows.length).toBeGreaterThanOrEqual(2)
    for (const page of withRows) expect(page).toContain('Date Jour Prévues Réalisées Absence, entreprise, observation')
    const last = pages[pages.length - 1] ?? ''
    expect(last).toContain('Total du mois')
    expectSignedOn(last, 'Le ou la stagiaire', 'Pour l’organisme de formation')
  })
})

describe('État de présence mensuel (per session)', () => {
  it('14 trainees: the day grid on the first page, the per-trainee totals, the check line and the signature after it', async () => {
    const { pages } = await pagesOf(f.presenceSession)
    expect(pages).toHaveLength(2)
    expect(pages[0]).toContain('DUPONT Marie – 1000000A')
    expect(pages[0]).toContain('Session n° 103725 – SAMS Lorient – novembre 2026 – Lieu : Centre de formation Lorient Sud')
    expect(pages[0]).toContain('Sortie le 25/11/2026')
    const all = pages.join('\n')
    expect(all).toMatch(/Contrôle : 1 069,5 h prévues = 985,5 h réalisées \+ 28 h en entreprise \+ 56 h d’absences justifiées \+ 0 h d’absences non justifiées/)
    expectSignedOn(pages[1] ?? '', 'Pour l’organisme de formation')
  })

  it('40 trainees break across pages with the day header repeated', async () => {
    const trainees = f.people(40)
    const rows = trainees.map((trainee, i) => ({ ...f.presenceSession.rows[i % 14], trainee }) as (typeof f.presenceSession.rows)[number])
    const { pages } = await pagesOf({ ...f.presenceSession, rows })
    expect(pages.length).toBeGreaterThanOrEqual(2)
    for (const [i, page] of pages.entries()) expect(page).toContain(`Page ${i + 1} / ${pages.length}`)
    // The day grid on two pages at least, its header repeated; each person once in the grid, once in the totals.
    const withGrid = pages.filter((p) => /Stagiaire D 01 L 02 .* L 30 Réal\./.test(p))
    expect(withGrid.length).toBeGreaterThanOrEqual(2)
    const all = pages.join('\n')
    for (const t of trainees) expect(count(all, ` – ${t.ftId}`)).toBe(2)
  })
})

describe('Bilan de fin de formation: one page with ordinary texts', () => {
  it('a typical bilan fits on one page with both signatures', async () => {
    const { raw, pages } = await pagesOf(f.bilan)
    expect(pages).toHaveLength(1)
    const page = pages[0] ?? ''
    expect(page).toContain('BILAN DE FIN DE FORMATION')
    expect(page).toContain('du 16 novembre 2026 au 31 mars 2027')
    expect(page).toContain('Date de sortie : 31 mars 2027')
    expect(page).toContain('Heures réalisées : 549,5 h')
    expect(page).toContain('Conseiller ou conseillère : Yann Le Floc’h')
    expect(page).toContain('14/03/1988')
    expect(page).toContain('autonomie en stage !')
    expect(raw[0]).toMatch(/Heures réalisées[\u202f ]: 549,5[\u202f ]h/)
    expectSignedOn(page, 'Le ou la stagiaire', 'Pour l’organisme de formation')
    expect(page).toContain('Fait à Lorient, le 22 novembre 2026')
    expect(page).toContain('Page 1 / 1')
  })

  it('still one page with a correction of hours and somewhat longer texts', async () => {
    const { pages } = await pagesOf({
      ...f.bilan,
      hoursOverrideReason: 'Heures de stage en entreprise saisies après la clôture du mois',
      skillsAcquired: `${f.bilan.skillsAcquired} Accueil physique et téléphonique, prise de rendez-vous, gestion du courrier et des tableaux de suivi ; rédaction de comptes rendus.`,
      comments: `${f.bilan.comments} Assiduité exemplaire ; une absence justifiée (rendez-vous France Travail). Stage de quatre semaines au centre hospitalier de Lorient.`
    })
    // 35-mm signature and stamp boxes: a longer bilan may take a second page, with « Fait à » kept beside them.
    expect(pages.length).toBeLessThanOrEqual(2)
    expect(pages[0]).toContain('Correction des heures : Heures de stage en entreprise')
    expectSignedOn(pages[pages.length - 1] ?? '', 'Le ou la stagiaire', 'Pour l’organisme de formation')
  })

  it('long texts break across pages; « Fait à » stays with the signatures', async () => {
    const long = (what: string) => Array.from({ length: 9 }, (_, i) => `${what} ${i + 1} : compétences travaillées en situation professionnelle, évaluées en centre et en entreprise, avec un retour écrit de la tutrice.`).join(' ')
    const { pages } = await pagesOf({ ...f.bilan, skillsAcquired: long('Point'), comments: `${long('Remarque')} Fin des observations.` })
    expect(pages.length).toBe(2)
    const all = pages.join('\n')
    expect(all).toContain('Point 9 :')
    expect(all).toContain('Fin des observations.')
    expect(pages[1]).toContain('Bilan de fin de formation (suite)')
    expect(pages[0]).toContain('Page 1 / 2')
    expectSignedOn(pages[1], 'Le ou la stagiaire', 'Pour l’organisme de formation')
    // The long block starts on the first page instead of leaving it half empty.
    expect(pages[0]).toContain('Point 9 :')
  })

  it('texts at their maximum length (4 000 characters) flow over the pages, each with its footer', async () => {
    const sentence = 'Compétences travaillées en situation professionnelle, évaluées en centre et en entreprise. '
    const max = (n: number) => sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n)
    const data = { ...f.bilan, skillsAcquired: max(4000), nextStep: max(1000), comments: max(4000) }
    const { pages } = await pagesOf(data)
    expect(pages.length).toBeGreaterThanOrEqual(3)
    // Pages pdfkit would add on its own (text running off the page) would have no footer.
    for (const [i, page] of pages.entries()) expect(page).toContain(`Page ${i + 1} / ${pages.length}`)
    const all = pages.join(' ')
    const expected = count(`${data.skillsAcquired} ${data.nextStep} ${data.comments}`, 'Compétences travaillées')
    expect(count(all, 'Compétences travaillées')).toBe(expected)
    expect(pages[0]).toContain('Compétences acquises :')
    expectSignedOn(pages[pages.length - 1], 'Le ou la stagiaire', 'Pour l’organisme de formation')
  })
})

describe('the other documents still fit on one page', () => {
  it.each([
    ['certificat d’inscription', f.certificat],
    ['attestation d’entrée', f.entree],
    ['attestation de fin de formation', f.attestationFin],
    ['certificat de réalisation', f.realisation]
  ])('%s', async (_label, data) => {
    const { pages } = await pagesOf(data)
    expect(pages).toHaveLength(1)
    expect(pages[0]).toContain('Fait à Lorient, le 22 novembre 2026')
  })
})
