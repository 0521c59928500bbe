import { DOCUMENT_KINDS } from '../../../../shared/domain/documents'
import { formatEuros } from '../../../../shared/domain/money'
import { agree, fullName, hoursText, periodText, renderSingle, signatory, undersigned, type Sheet } from '../layout'
import type { CertificatInscriptionData } from '../types'

const TITLE = DOCUMENT_KINDS.certificat_inscription

export function drawCertificatInscription(sheet: Sheet, d: CertificatInscriptionData): void {
  sheet.begin(d.organisation, TITLE)
  sheet.title(TITLE, 'Attestation d’inscription en stage (AIS)')
  const who = undersigned(d.organisation)
  const verb = d.status === 'inscrit'
    ? `est ${agree(d.trainee, 'inscrit', 'inscrite')} à l'action de formation décrite ci-dessous`
    : `a été ${agree(d.trainee, 'retenu', 'retenue')} pour l'action de formation décrite ci-dessous, sous réserve de la validation de son projet par son conseiller`
  sheet.paragraph(`${who} certifie que ${fullName(d.trainee)}${d.trainee.ftId ? `, identifiant France Travail ${d.trainee.ftId},` : ''} ${verb}.`)
  sheet.traineeBlock(d.trainee)
  sheet.trainingBlock(d.training, [
    ['Parcours prévu', periodText(d.plannedStart ?? d.training.startDate, d.plannedEnd ?? d.training.endDate)],
    ['Durée prévue', hoursText(d.plannedHours ?? d.training.totalHours)],
    ['Financement', d.funding ?? 'non renseigné'],
    ['Coût pédagogique', d.costCents === null ? 'non renseigné' : `${formatEuros(d.costCents)} net de taxe`]
  ])
  sheet.paragraph('Le présent certificat est délivré à l’intéressé(e) pour servir et valoir ce que de droit, notamment auprès de France Travail.')
  sheet.madeAt(d.organisation.city, d.issuedOn)
  sheet.signatures([signatory(d.organisation)])
}

export const renderCertificatInscription = (d: CertificatInscriptionData): Promise<Buffer> => renderSingle(TITLE, d, drawCertificatInscription)
