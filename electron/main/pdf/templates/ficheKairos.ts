import { formatDateFr } from '@shared/domain/dates'
import { formatHours } from '@shared/domain/hours'
import { formatEuros } from '@shared/domain/money'
import { renderSingle, type Cell, type Sheet } from '../layout'
import type { QuoteDocumentData } from './devisAif'

/*
 * « Fiche de saisie KAIROS »: the values of one AIF quote in the order the KAIROS screen
 * « Création d'un devis AIF » asks for them (bénéficiaire, organisme, formation, dates, durée,
 * coûts), numbered, so the clerk types them in one pass without looking for anything.
 */

export type FicheKairosData = QuoteDocumentData & { kind: 'fiche_kairos' }

export const FICHE_TITLE = 'Fiche de saisie KAIROS'

/** The funders as the KAIROS form names them (short: one line each). */
const SHORT: Record<string, string> = { cpf: 'CPF', region: 'Région', opco: 'OPCO', employer: 'Employeur', person: 'Stagiaire' }

const yes = (b: boolean): string => (b ? 'Oui' : 'Non')
/** Amounts as KAIROS takes them: digits and a comma, no thousands separator nor symbol. */
const plainEuros = (cents: number): string => `${Math.trunc(cents / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`

export function drawFicheKairos(sheet: Sheet, d: QuoteDocumentData): void {
  const o = d.organisation
  const tr = d.training
  sheet.begin(o, FICHE_TITLE)
  sheet.title(FICHE_TITLE, `Devis AIF n° ${d.quote.number} — ${d.trainee.lastName.toLocaleUpperCase('fr-FR')} ${d.trainee.firstName} · une fois transmis, notez la date et le n° KAIROS dans Passerelle`)
  const sections: [string, [string, string][]][] = [
    [
      'Bénéficiaire',
      [
        ['Identifiant France Travail', d.trainee.ftId ?? '—'],
        ['Nom', d.trainee.lastName.toLocaleUpperCase('fr-FR')],
        ['Prénom', d.trainee.firstName],
        ['Date de naissance', d.trainee.birthDate ? formatDateFr(d.trainee.birthDate) : '—']
      ]
    ],
    [
      'Organisme de formation',
      [
        ['Raison sociale', o.name],
        ['Siret', o.siret ?? '—'],
        ['N° de déclaration d’activité', o.nda ?? '—'],
        ['Forme juridique', o.legalForm ?? '—'],
        ['Adresse', [...o.addressLines, [o.postalCode, o.city].filter(Boolean).join(' ')].filter((s) => s.trim() !== '').join(', ') || '—'],
        ['Téléphone', o.phone ?? '—'],
        ['Référencé qualité (Qualiopi)', yes(Boolean(o.qualiopiNumber))],
        ['Nom du certificat ou label qualité', o.qualiopiNumber ? `Qualiopi n° ${o.qualiopiNumber}` : '—'],
        ['Valable jusqu’au', d.qualiopiValidUntil ? formatDateFr(d.qualiopiValidUntil) : '—']
      ]
    ],
    [
      'Formation',
      [
        ['Intitulé', tr.title],
        ['N° formation (InterCarif)', tr.formationNumber ?? '—'],
        ['N° action', tr.actionNumber ?? '—'],
        ['N° session', tr.sessionNumber ?? '—'],
        ['Formacode', d.formacode ?? '—'],
        ['Certification et niveau', tr.certification ?? '—'],
        ['Objectif', d.objective ?? '—'],
        ['Lieu de formation', tr.place ?? '—']
      ]
    ],
    [
      'Dates',
      [
        ['Date de début session', tr.startDate ? formatDateFr(tr.startDate) : '—'],
        ['Date de fin session', tr.endDate ? formatDateFr(tr.endDate) : '—'],
        ['Date de début plan formation', formatDateFr(d.startDate)],
        ['Date de fin plan formation', formatDateFr(d.endDate)]
      ]
    ],
    [
      'Durée',
      [
        ['Heures en centre', formatHours(d.hoursCentre)],
        ['Heures en entreprise', formatHours(d.hoursCompany)],
        ['Durée totale (heures)', formatHours(d.hoursTotal)],
        ['Rythme hebdomadaire', d.weeklyRhythm ?? '—']
      ]
    ],
    [
      // Lines the AIF never pays: named on the section's line, never typed into the quote.
      d.extraLines.length > 0 ? `Coûts — à ne pas saisir, non finançable par l’AIF : ${d.extraLines.map((l) => `${l.label} ${formatEuros(l.amountCents)}`).join(', ')}` : 'Coûts',
      [
        ['Coût horaire (€)', d.hourlyCents === null ? '—' : plainEuros(d.hourlyCents)],
        ['Coût pédagogique total (€)', plainEuros(d.totalCents)],
        ...d.funders.map((f): [string, string] => [`Autre financement : ${SHORT[f.code] ?? f.label} (€)`, plainEuros(f.amountCents)]),
        ['Montant demandé à France Travail (€)', plainEuros(d.franceTravailCents)],
        ['Reste à charge du stagiaire (€)', plainEuros(d.remainingCents)]
      ]
    ]
  ]
  const w = sheet.width
  let n = 0
  const rows: Cell[][] = []
  for (const [heading, fields] of sections) {
    rows.push([{ text: heading, colSpan: 3, weight: 'bold', fill: '#eef2f7', align: 'left' }])
    for (const [label, value] of fields) rows.push([String(++n), label, { text: value, weight: 'bold' }])
  }
  sheet.table({ columns: [{ width: 26, align: 'right' }, { width: (w - 26) * 0.38 }, { width: (w - 26) * 0.62 }], header: [['N°', 'Champ KAIROS', 'Valeur à saisir']], rows, fontSize: 8, padding: 1.8 })
  const blocking = d.findings.filter((f) => f.level === 'refusal')
  if (blocking.length > 0) sheet.paragraph(`Ne pas transmettre en l’état : ${blocking.map((f) => f.message).join(' ')}`, { size: 9, color: '#9b1c1c' })
}

export const renderFicheKairos = (d: QuoteDocumentData): Promise<Buffer> => renderSingle(FICHE_TITLE, d, drawFicheKairos)
