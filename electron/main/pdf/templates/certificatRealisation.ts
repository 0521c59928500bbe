import { formatDateFr } from '../../../../shared/domain/dates'
import { DOCUMENT_KINDS, type ActionNature } from '../../../../shared/domain/documents'
import { formatHours } from '../../../../shared/domain/hours'
import { fullName, renderSingle, t, type Sheet } from '../layout'
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
    `Je soussigné(e) ${o.signatoryName ?? '……………………………………'}, représentant(e) légal(e) du dispensateur de l'action concourant au développement des compétences ${o.name}, atteste que :`
  )
  sheet.fields('Bénéficiaire', [
    ['Nom et prénom', fullName(d.trainee)],
    ['Identifiant France Travail', d.trainee.ftId ?? 'non renseigné'],
    ['Salarié(e) de l’entreprise', d.employer ?? 'sans objet (demandeur d’emploi)']
  ])
  sheet.paragraph(`a suivi l'action : ${d.training.title}`, { weight: 'bold', align: 'left' })
  sheet.heading('Nature de l’action concourant au développement des compétences :')
  const doc = sheet.doc
  useFont(doc, 'regular', 10)
  for (const nature of Object.keys(NATURES) as ActionNature[]) {
    doc.text(`${nature === d.nature ? '☒' : '☐'}  ${t(NATURES[nature])}`, sheet.left + 12, doc.y + 2, { width: sheet.width - 12 })
  }
  doc.y += 8
  const period = d.entryDate && d.exitDate ? `du ${formatDateFr(d.entryDate)} au ${formatDateFr(d.exitDate)}` : d.entryDate ? `à partir du ${formatDateFr(d.entryDate)}` : ''
  sheet.paragraph(`qui s'est déroulée ${period} pour une durée de ${formatHours(d.hoursCompleted)} heures (heures réalisées, établies d'après les feuilles d'émargement).`)
  sheet.paragraph(
    'Sans préjudice des délais imposés par les règles fiscales, comptables ou commerciales, je m’engage à conserver l’ensemble des pièces justificatives qui ont permis d’établir le présent certificat pendant une durée de 3 ans à compter de la fin de l’année du dernier paiement. En cas de cofinancement par des fonds européens, la durée de conservation est étendue conformément aux obligations conventionnelles spécifiques.',
    { size: 9 }
  )
  sheet.madeAt(o.city, d.issuedOn)
  // « Fait à …, le … » above carries the place and date of the model's signature line.
  sheet.signatures([{ role: 'Cachet et signature du responsable du dispensateur de l’action', name: o.signatoryName, title: o.signatoryTitle }])
}

export const renderCertificatRealisation = (d: CertificatRealisationData): Promise<Buffer> => renderSingle(TITLE, d, drawCertificatRealisation)
