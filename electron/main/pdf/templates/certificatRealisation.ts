import { formatDateFr } from '@shared/domain/dates'
import { DOCUMENT_KINDS, type ActionNature } from '@shared/domain/documents'
import { hoursFr, hoursInWords, unbreakable } from '@shared/domain/frenchFormat'
import { fullName, ndaSentence, renderSingle, t, type Sheet } from '../layout'
import { useFont } from '../fonts'
import type { CertificatRealisationData } from '../types'

const TITLE = DOCUMENT_KINDS.certificat_realisation
const NATURES: Record<ActionNature, string> = {
  formation: 'action de formation',
  bilan: 'bilan de compétences',
  vae: 'action de validation des acquis de l’expérience (VAE)',
  apprentissage: 'action de formation par apprentissage'
}

/** The content of the official model (Ministère du Travail, art. R6332-26 of the Code du travail). */
export function drawCertificatRealisation(sheet: Sheet, d: CertificatRealisationData): void {
  const o = d.organisation
  sheet.begin(o, TITLE)
  sheet.title(TITLE, 'Modèle prévu à l’article R6332-26 du Code du travail')
  sheet.paragraph(
    `Je soussigné(e) ${o.signatoryName ?? '……………………………………'}, représentant(e) légal(e) du dispensateur de l'action concourant au développement des compétences ${o.name}${o.nda ? ` (${ndaSentence(o) ?? ''})` : ''}, atteste que :`
  )
  sheet.fields('Bénéficiaire', [
    ['Nom et prénom', fullName(d.trainee)],
    ['Identifiant France Travail', d.trainee.ftId ?? 'non renseigné'],
    [d.trainee.civility === 'Mme' ? 'Salariée de l’entreprise' : d.trainee.civility === 'M' ? 'Salarié de l’entreprise' : 'Salarié(e) de l’entreprise', d.employer ? unbreakable(d.employer) : 'sans objet (demandeur ou demandeuse d’emploi)']
  ])
  sheet.paragraph(`a suivi l'action : ${d.training.title}`, { weight: 'bold', align: 'left' })
  sheet.heading('Nature de l’action concourant au développement des compétences :')
  const doc = sheet.doc
  useFont(doc, 'regular', 10)
  for (const nature of Object.keys(NATURES) as ActionNature[]) {
    doc.text(`${nature === d.nature ? '☒' : '☐'}  ${t(NATURES[nature])}`, sheet.left + 12, doc.y + 2, { width: sheet.width - 12 })
  }
  doc.y += 8
  // Until the exit; for someone still in training, up to the date of the certificate (never a later hour).
  const until = d.exitDate && d.exitDate <= d.issuedOn ? d.exitDate : d.issuedOn
  const period = d.entryDate ? `du ${formatDateFr(d.entryDate)} au ${formatDateFr(until)}` : ''
  const company = d.companyHours > 0 ? `, dont ${hoursFr(d.companyHours)} en entreprise` : ''
  sheet.paragraph(`qui s'est déroulée ${period} pour une durée de ${hoursInWords(d.hoursCompleted)}${company} (heures réalisées${d.exitDate && d.exitDate <= d.issuedOn ? '' : ` à la date du ${formatDateFr(d.issuedOn)}, la formation se poursuivant`}).`)
  sheet.paragraph(`Source des heures : ${d.hoursSource}.`, { size: 9 })
  sheet.paragraph(
    'Sans préjudice des délais imposés par les règles fiscales, comptables ou commerciales, je m’engage à conserver l’ensemble des pièces justificatives qui ont permis d’établir le présent certificat pendant une durée de 3 ans à compter de la fin de l’année du dernier paiement. En cas de cofinancement par des fonds européens, la durée de conservation est étendue conformément aux obligations conventionnelles spécifiques.',
    { size: 9 }
  )
  sheet.madeAt(o.city, d.issuedOn)
  // « Fait à …, le … » above carries the place and date of the model's signature line.
  sheet.signatures([{ role: 'Cachet et signature du responsable du dispensateur de l’action', name: o.signatoryName, title: o.signatoryTitle }])
}

export const renderCertificatRealisation = (d: CertificatRealisationData): Promise<Buffer> => renderSingle(TITLE, d, drawCertificatRealisation)
