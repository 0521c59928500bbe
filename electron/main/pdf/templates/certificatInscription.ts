import { DOCUMENT_KINDS } from '@shared/domain/documents'
import { amountFr, hoursFr } from '@shared/domain/frenchFormat'
import { agree, fullName, hoursText, periodText, renderSingle, signatory, undersigned, type FieldRow, type Sheet } from '../layout'
import type { CertificatInscriptionData } from '../types'

const TITLE = DOCUMENT_KINDS.certificat_inscription
/** A person only « retenu » is not enrolled yet: the document says so in its title. */
const PRE_TITLE = 'Attestation de pré-inscription'

export function drawCertificatInscription(sheet: Sheet, d: CertificatInscriptionData): void {
  const enrolled = d.status === 'inscrit'
  const title = enrolled ? TITLE : PRE_TITLE
  sheet.begin(d.organisation, title)
  sheet.title(title, enrolled ? 'Attestation d’inscription en stage (AIS)' : 'Candidature retenue, sous réserve de la validation du projet')
  const who = undersigned(d.organisation)
  const verb = enrolled
    ? `est ${agree(d.trainee, 'inscrit', 'inscrite')} à l'action de formation décrite ci-dessous`
    : `a été ${agree(d.trainee, 'retenu', 'retenue')} pour l'action de formation décrite ci-dessous, sous réserve de la validation de son projet par son conseiller ou sa conseillère ; l’inscription sera confirmée par un certificat d’inscription`
  sheet.paragraph(`${who} certifie que ${fullName(d.trainee)}${d.trainee.ftId ? `, identifiant France Travail ${d.trainee.ftId},` : ''} ${verb}.`)
  sheet.traineeBlock(d.trainee)
  const rows: FieldRow[] = [
    ['Parcours prévu', periodText(d.plannedStart ?? d.training.startDate, d.plannedEnd ?? d.training.endDate)],
    ['Durée prévue', hoursText(d.plannedHours ?? d.training.totalHours)]
  ]
  if (d.hoursCentre !== null || d.hoursCompany !== null) rows.push(['Dont', `${hoursFr(d.hoursCentre ?? 0)} en centre, ${hoursFr(d.hoursCompany ?? 0)} en entreprise`])
  rows.push(['Rythme hebdomadaire', d.rhythm ? `${d.rhythm}${d.weeklyHours !== null ? ` (${hoursFr(d.weeklyHours)} par semaine)` : ''}` : 'non renseigné'])
  rows.push(['Financement', d.funding ? `${d.funding}${d.fundingReference ? ` – référence ${d.fundingReference}` : ''}` : 'non renseigné'])
  rows.push(['Coût pédagogique', d.costCents === null ? 'non renseigné' : `${amountFr(d.costCents)} net de taxe`])
  sheet.trainingBlock(d.training, rows)
  sheet.paragraph(
    `${enrolled ? 'Le présent certificat' : 'La présente attestation'} est ${enrolled ? 'délivré' : 'délivrée'} ${agree(d.trainee, 'à l’intéressé', 'à l’intéressée')} pour servir et valoir ce que de droit, notamment auprès de France Travail.`
  )
  sheet.madeAt(d.organisation.city, d.issuedOn)
  sheet.signatures([signatory(d.organisation)])
}

export const renderCertificatInscription = (d: CertificatInscriptionData): Promise<Buffer> => renderSingle(d.status === 'inscrit' ? TITLE : PRE_TITLE, d, drawCertificatInscription)
