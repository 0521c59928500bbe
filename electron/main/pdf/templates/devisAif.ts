import type { QuoteRow } from '@shared/api/areas/quotes'
import { formatDateFr } from '@shared/domain/dates'
import { formatEuros } from '@shared/domain/money'
import { fullName, hoursText, periodText, renderSingle, signatory, type Cell, type FieldRow, type Sheet } from '../layout'
import type { IssueInfo, TraineeIdentity, TrainingInfo } from '../types'

/*
 * The AIF quote (devis AIF, domain.md §6): what the organisation files in KAIROS for one trainee.
 * Teaching cost only; the lines the AIF never pays are printed apart. The checks' result is
 * printed too, so the quote on paper says whether it may be filed.
 */

/** What the quote PDF and the KAIROS entry sheet print: the same values, two layouts. */
export type QuoteDocumentData = IssueInfo & {
  kind: 'devis_aif' | 'fiche_kairos'
  quote: { number: string; version: number; statusLabel: string; createdOn: string; sentOn: string | null; kairosReference: string | null }
  qualiopiValidUntil: string | null
  trainee: TraineeIdentity
  training: TrainingInfo
  formacode: string | null
  objective: string | null
  funders: { code: string; label: string; amountCents: number }[]
  extraLines: { label: string; amountCents: number }[]
  findings: { level: 'refusal' | 'warning'; message: string }[]
} & Pick<QuoteRow, 'startDate' | 'endDate' | 'hoursCentre' | 'hoursCompany' | 'hoursTotal' | 'weeklyRhythm' | 'hourlyCents' | 'totalCents' | 'franceTravailCents' | 'remainingCents' | 'remainingCostReason'>
export type DevisAifData = QuoteDocumentData & { kind: 'devis_aif' }

export const DEVIS_TITLE = 'Devis AIF'

export function drawDevisAif(sheet: Sheet, d: QuoteDocumentData): void {
  sheet.begin(d.organisation, DEVIS_TITLE)
  const o = d.organisation
  // The header already names the organisation, its SIRET, NDA and Qualiopi number: the subtitle
  // adds what France Travail checks on top (the certificate's validity on the start date).
  const qualiopi = d.qualiopiValidUntil ? `Qualiopi valable jusqu’au ${formatDateFr(d.qualiopiValidUntil)}` : 'Qualiopi : validité non renseignée'
  const version = d.quote.version > 1 ? ` · version ${d.quote.version}` : ''
  sheet.title(`Devis AIF n° ${d.quote.number}`, `Aide individuelle à la formation · établi le ${formatDateFr(d.quote.createdOn)}${version} · ${qualiopi}`)
  sheet.traineeBlock(d.trainee, [], { columns: 2 })
  // The training in two columns (short values paired), so that a long title still leaves the
  // amounts and the signatures on the first page.
  const tr = d.training
  const numbers = [tr.formationNumber && `formation ${tr.formationNumber}`, tr.actionNumber && `action ${tr.actionNumber}`, tr.sessionNumber && `session ${tr.sessionNumber}`].filter(Boolean).join(' · ')
  const training: FieldRow[] = [
    ['Intitulé', tr.title, 'wide'],
    ['N° Intercarif', numbers || 'non renseigné', 'wide'],
    ['Certification', tr.certification ?? '—'],
    ['Formacode', d.formacode ?? '—'],
    ['Objectif', d.objective ?? '—'],
    ['Session', periodText(tr.startDate, tr.endDate), 'wide'],
    ['Lieu', tr.place ?? 'non renseigné', 'wide']
  ]
  sheet.fields('Formation', training, { columns: 2 })
  sheet.fields(
    'Parcours du stagiaire',
    [
      ['Dates', periodText(d.startDate, d.endDate), 'wide'],
      ['Durée totale', `${hoursText(d.hoursTotal)} (${hoursText(d.hoursCentre)} en centre, ${hoursText(d.hoursCompany)} en entreprise)`, 'wide'],
      ['Rythme', d.weeklyRhythm ?? '—', 'wide']
    ],
    { columns: 2 }
  )

  // The amounts, as a table that adds up: teaching cost = other funders + France Travail + remaining.
  const w = sheet.width
  const rows: Cell[][] = [
    [
      { text: 'Coût pédagogique', weight: 'bold' },
      d.hourlyCents !== null ? `${formatEuros(d.hourlyCents)} × ${hoursText(d.hoursTotal)}` : hoursText(d.hoursTotal),
      { text: formatEuros(d.totalCents), weight: 'bold' }
    ],
    ...d.funders.map((f): Cell[] => [`Financement : ${f.label}`, '', `− ${formatEuros(f.amountCents)}`]),
    [{ text: 'Montant demandé à France Travail (AIF)', weight: 'bold' }, '', { text: formatEuros(d.franceTravailCents), weight: 'bold' }],
    ['Reste à charge du stagiaire', d.remainingCostReason ?? '', formatEuros(d.remainingCents)]
  ]
  // Lines the AIF never pays close the table, apart and greyed: they are not part of the request.
  for (const l of d.extraLines) rows.push([{ text: `Hors AIF (non finançable) : ${l.label}`, colSpan: 2, fill: '#f4f4f4' }, { text: formatEuros(l.amountCents), fill: '#f4f4f4' }])
  sheet.heading('Coût et financement')
  sheet.table({ columns: [{ width: w * 0.5 }, { width: w * 0.28 }, { width: w * 0.22, align: 'right' }], header: [['Poste', 'Détail', 'Montant']], rows, fontSize: 9 })
  if (d.findings.length === 0) sheet.paragraph('Contrôles : aucune anomalie (CPF d’abord, Qualiopi, dates, montants, délai de dépôt).', { size: 8.5, gap: 4 })
  for (const f of d.findings) sheet.paragraph(`${f.level === 'refusal' ? 'Bloquant' : 'Attention'} : ${f.message}`, { size: 8.5, color: f.level === 'refusal' ? '#9b1c1c' : '#7a4b00', gap: 3 })
  const filed = d.quote.sentOn ? `Transmis dans KAIROS le ${formatDateFr(d.quote.sentOn)}${d.quote.kairosReference ? ` (devis KAIROS n° ${d.quote.kairosReference})` : ''}.` : `Statut : ${d.quote.statusLabel.toLowerCase()}.`
  sheet.paragraph(`${filed} Acceptation par le ou la stagiaire dans son espace France Travail, puis validation par son conseiller.`, { size: 8.5, color: '#5b6470', align: 'left' })
  sheet.madeAt(o.city, d.issuedOn)
  sheet.signatures([signatory(o), { role: 'Le ou la stagiaire', name: fullName(d.trainee), title: null, note: 'Lu et approuvé' }])
}

export const renderDevisAif = (d: QuoteDocumentData): Promise<Buffer> => renderSingle(DEVIS_TITLE, d, drawDevisAif)
