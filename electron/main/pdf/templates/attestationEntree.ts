import { formatDateLongFr } from '@shared/domain/dates'
import { DOCUMENT_KINDS } from '@shared/domain/documents'
import { agree, fullName, hoursText, periodText, renderSingle, signatory, undersigned, type Sheet } from '../layout'
import type { AttestationEntreeData } from '../types'

const TITLE = DOCUMENT_KINDS.attestation_entree

export function drawAttestationEntree(sheet: Sheet, d: AttestationEntreeData): void {
  sheet.begin(d.organisation, TITLE)
  sheet.title(TITLE, 'Attestation d’entrée en stage (AES)')
  sheet.paragraph(
    `${undersigned(d.organisation)} atteste que ${fullName(d.trainee)}${d.trainee.ftId ? `, identifiant France Travail ${d.trainee.ftId},` : ''} est ${agree(d.trainee, 'entré', 'entrée')} en formation le ${formatDateLongFr(d.entryDate)} dans l'action décrite ci-dessous.`
  )
  sheet.traineeBlock(d.trainee)
  sheet.trainingBlock(d.training, [
    ['Date d’entrée effective', formatDateLongFr(d.entryDate)],
    ['Parcours prévu', periodText(d.entryDate, d.plannedEnd ?? d.training.endDate)],
    ['Durée prévue', hoursText(d.plannedHours ?? d.training.totalHours)],
    ['Financement', d.funding ?? 'non renseigné']
  ])
  sheet.paragraph('Attestation établie pour servir et valoir ce que de droit (déclaration d’entrée auprès de France Travail dans les trois jours).')
  sheet.madeAt(d.organisation.city, d.issuedOn)
  sheet.signatures([{ role: 'Le ou la stagiaire', name: fullName(d.trainee), title: null, note: 'Signature' }, signatory(d.organisation)])
}

export const renderAttestationEntree = (d: AttestationEntreeData): Promise<Buffer> => renderSingle(TITLE, d, drawAttestationEntree)
