import { formatDateLongFr } from '@shared/domain/dates'
import { certificationResultText, DOCUMENT_KINDS } from '@shared/domain/documents'
import { formatEuros } from '@shared/domain/money'
import { unbreakable } from '@shared/domain/frenchFormat'
import { fullName, hoursText, periodText, renderSingle, signatory, type FieldRow, type Sheet } from '../layout'
import type { BilanFinData } from '../types'
import { checkLine } from './etatPresence'

const TITLE = DOCUMENT_KINDS.bilan_fin

export function drawBilanFin(sheet: Sheet, d: BilanFinData): void {
  sheet.begin(d.organisation, TITLE)
  sheet.title(TITLE)
  // Short values side by side: with ordinary-length texts the bilan and its signatures fit on
  // one page; long texts break across pages inside their block.
  sheet.traineeBlock(d.trainee, d.adviserName ? [['Conseiller ou conseillère', d.adviserName]] : [], { columns: 2 })
  sheet.trainingBlock(d.training, [], { certification: d.certifying })
  const hours: FieldRow[] = [
    ['Parcours réalisé', periodText(d.entryDate, d.exitDate), 'wide'],
    ['Date de sortie', d.exitDate ? formatDateLongFr(d.exitDate) : '—'],
    ['Motif de sortie', d.exitReason ?? '—'],
    ['Heures prévues', hoursText(d.hoursPlanned)],
    ['Heures réalisées', `${hoursText(d.hoursCompleted)}${d.companyHours > 0 ? `, dont ${hoursText(d.companyHours)} en entreprise` : ''}`]
  ]
  if (d.hoursOverrideReason) hours.push(['Correction des heures', d.hoursOverrideReason, 'wide'])
  if (d.costCents !== null) hours.push(['Coût pédagogique', formatEuros(d.costCents)])
  if (d.totals && !d.hoursOverrideReason) hours.push(['Contrôle des heures', checkLine(d.totals).replace(/^Contrôle : /, ''), 'wide'])
  sheet.fields('Parcours', hours, { columns: 2 })
  sheet.fields('Résultats', [
    ['Certification', certificationResultText(d.certificationResult, d.certifying, d.trainee.civility)],
    ['Compétences acquises', d.skillsAcquired ?? '—'],
    ['Suite de parcours', d.nextStep ?? '—'],
    ['Observations', d.comments ?? '—']
  ])
  // The bilan goes to the adviser too: their address is given where it is sent, when known.
  const to = d.adviserEmail ? ` (${unbreakable(d.adviserEmail)})` : ''
  sheet.paragraph(`Bilan transmis au ou à la stagiaire, à son conseiller ou sa conseillère France Travail${to} et au service comptable.`, { size: 8.5, color: '#5b6470', align: 'left' })
  sheet.madeAt(d.organisation.city, d.issuedOn)
  sheet.signatures([{ role: 'Le ou la stagiaire', name: fullName(d.trainee), title: null, note: 'Signature' }, signatory(d.organisation)])
}

export const renderBilanFin = (d: BilanFinData): Promise<Buffer> => renderSingle(TITLE, d, drawBilanFin)
