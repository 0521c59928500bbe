import { ACTION_NATURES, certificationResultText, DOCUMENT_KINDS } from '@shared/domain/documents'
import { fullName, hoursText, periodText, renderSingle, signatory, undersigned, type Sheet } from '../layout'
import type { AttestationFinData } from '../types'

const TITLE = DOCUMENT_KINDS.attestation_fin

export function drawAttestationFin(sheet: Sheet, d: AttestationFinData): void {
  sheet.begin(d.organisation, TITLE)
  sheet.title(TITLE, 'Article L6353-1 du Code du travail')
  sheet.paragraph(`${undersigned(d.organisation)} atteste que ${fullName(d.trainee)}${d.trainee.ftId ? `, identifiant France Travail ${d.trainee.ftId},` : ''} a suivi l'action de formation suivante :`)
  // From the exit report, as the bilan: the certification aimed at only when there is one.
  sheet.trainingBlock(d.training, [], { certification: d.certifying })
  sheet.fields('Action suivie', [
    ['Objectifs', d.training.objectives ?? 'voir le programme de la formation'],
    ['Nature de l’action', `${ACTION_NATURES[d.nature]} (article L6313-1 du Code du travail)`],
    ['Période', periodText(d.entryDate, d.exitDate)],
    ['Durée suivie', `${hoursText(d.hoursCompleted)}${d.hoursPlanned !== null ? ` sur ${hoursText(d.hoursPlanned)} prévues` : ''}`]
  ])
  sheet.fields('Résultats de l’évaluation des acquis', [
    ['Certification', certificationResultText(d.certificationResult, d.certifying, d.trainee.civility)],
    ['Acquis de la formation', d.skillsAcquired ?? '—']
  ])
  sheet.paragraph('Attestation remise au ou à la stagiaire à l’issue de la formation, conformément à l’article L6353-1 du Code du travail.', { size: 8.5, color: '#5b6470' })
  sheet.madeAt(d.organisation.city, d.issuedOn)
  sheet.signatures([signatory(d.organisation)])
}

export const renderAttestationFin = (d: AttestationFinData): Promise<Buffer> => renderSingle(TITLE, d, drawAttestationFin)
