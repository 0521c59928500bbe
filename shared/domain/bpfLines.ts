/*
 * The lines of the cerfa 10443 (bilan pédagogique et financier, code du travail art. L6352-11)
 * that Passerelle can fill, in the form's order, and how the app's data maps onto them:
 * - cadre C (origine des produits, hors taxes): the funder type of each invoice;
 * - cadre F-1 (type de stagiaires), F-3 (objectif général des prestations), F-4 (spécialités de
 *   formation, NSF codes): the enrolments trained during the fiscal year.
 * A line the data cannot hold is « à compléter »: the clerk fills it from other records.
 */

export type BpfLineDef = { code: string; label: string; /** The app's data cannot hold it: the clerk completes it. */ toComplete?: string }

export const CADRE_C: readonly BpfLineDef[] = [
  { code: 'C-1', label: 'Entreprises pour la formation de leurs salariés' },
  { code: 'C-2a', label: 'OPCO — contrats d’apprentissage', toComplete: 'les factures OPCO ne disent pas le dispositif' },
  { code: 'C-2b', label: 'OPCO — contrats de professionnalisation', toComplete: 'les factures OPCO ne disent pas le dispositif' },
  { code: 'C-2c', label: 'OPCO — promotion ou reconversion par alternance', toComplete: 'les factures OPCO ne disent pas le dispositif' },
  { code: 'C-2d', label: 'Congés et projets de transition professionnelle', toComplete: 'dispositif non suivi par Passerelle' },
  { code: 'C-2e', label: 'Compte personnel de formation (CPF)' },
  { code: 'C-2f', label: 'Dispositifs spécifiques pour les personnes en recherche d’emploi (organismes gestionnaires)', toComplete: 'dispositif non suivi par Passerelle' },
  { code: 'C-2g', label: 'Dispositifs spécifiques pour les travailleurs non-salariés', toComplete: 'dispositif non suivi par Passerelle' },
  { code: 'C-2h', label: 'OPCO — plan de développement des compétences ou autres dispositifs' },
  { code: 'C-3', label: 'Pouvoirs publics pour la formation de leurs agents', toComplete: 'financeur non suivi par Passerelle' },
  { code: 'C-4', label: 'Instances européennes', toComplete: 'cofinancements européens non suivis par Passerelle' },
  { code: 'C-5', label: 'État', toComplete: 'financeur non suivi par Passerelle' },
  { code: 'C-6', label: 'Conseils régionaux' },
  { code: 'C-7', label: 'France Travail (ex-Pôle emploi)' },
  { code: 'C-8', label: 'Autres ressources publiques' },
  { code: 'C-9', label: 'Personnes à titre individuel et à leurs frais' },
  { code: 'C-10', label: 'Autres organismes de formation (y compris CFA)', toComplete: 'sous-traitance non suivie par Passerelle' },
  { code: 'C-11', label: 'Autres produits au titre de la formation professionnelle' }
]

/** The cadre C line of an invoice's funder type (session_funder / enrolment funding codes). */
export function cadreCLine(funderCode: string | null): string {
  switch (funderCode) {
    case 'employer':
      return 'C-1'
    case 'cpf':
      return 'C-2e'
    case 'opco':
      return 'C-2h'
    case 'region':
      return 'C-6'
    case 'france_travail':
    case 'aif':
      return 'C-7'
    case 'agefiph':
      return 'C-8'
    case 'self':
    case 'person':
      return 'C-9'
    default:
      return 'C-11'
  }
}

export const CADRE_F1: readonly BpfLineDef[] = [
  { code: 'F-1a', label: 'Salariés d’employeurs privés hors apprentis' },
  { code: 'F-1b', label: 'Apprentis', toComplete: 'l’apprentissage n’est pas suivi par Passerelle' },
  { code: 'F-1c', label: 'Personnes en recherche d’emploi formées par votre organisme' },
  { code: 'F-1d', label: 'Particuliers à leurs propres frais formés par votre organisme' },
  { code: 'F-1e', label: 'Autres stagiaires' }
]

/** What says a trainee's category: the France Travail id and prescriber, the funding, the employer. */
export type CategoryFacts = { ftId: string | null; prescriber: string | null; funding: string | null; employerName: string | null }

const JOB_SEEKER_PRESCRIBERS = ['france_travail', 'mission_locale', 'cap_emploi']
const JOB_SEEKER_FUNDINGS = ['aif', 'region', 'france_travail']

/**
 * F-1 line of a trainee: a job seeker when France Travail knows them (identifier), a job-seekers'
 * prescriber sent them or a job-seekers' funder pays; else a person paying themself; else an
 * employee when an employer or an OPCO is named; else « autres stagiaires ».
 */
export function cadreF1Line(f: CategoryFacts): string {
  if (f.ftId || (f.prescriber !== null && JOB_SEEKER_PRESCRIBERS.includes(f.prescriber)) || (f.funding !== null && JOB_SEEKER_FUNDINGS.includes(f.funding))) return 'F-1c'
  if (f.funding === 'self') return 'F-1d'
  if (f.employerName || f.funding === 'opco' || f.funding === 'employer') return 'F-1a'
  return 'F-1e'
}

export const CADRE_F3: readonly BpfLineDef[] = [
  { code: 'F-3a1', label: 'Diplôme, titre ou CQP enregistré au RNCP — niveaux 6 à 8' },
  { code: 'F-3a2', label: 'Diplôme, titre ou CQP enregistré au RNCP — niveau 5' },
  { code: 'F-3a3', label: 'Diplôme, titre ou CQP enregistré au RNCP — niveau 4' },
  { code: 'F-3a4', label: 'Diplôme, titre ou CQP enregistré au RNCP — niveau 3' },
  { code: 'F-3a5', label: 'Diplôme, titre ou CQP enregistré au RNCP — niveau 2' },
  { code: 'F-3a6', label: 'CQP sans niveau de qualification enregistré au RNCP' },
  { code: 'F-3b', label: 'Certification ou habilitation enregistrée au répertoire spécifique (RS)' },
  { code: 'F-3c', label: 'CQP non enregistré au RNCP ou au RS', toComplete: 'Passerelle ne distingue pas les CQP non enregistrés (comptés en F-3d)' },
  { code: 'F-3d', label: 'Autres formations professionnelles' },
  { code: 'F-3e', label: 'Bilans de compétences' },
  { code: 'F-3f', label: 'Actions d’accompagnement à la validation des acquis de l’expérience' }
]

/** A RNCP certification whose level the catalogue does not give: listed apart, to be placed by hand. */
export const F3_UNKNOWN_LEVEL: BpfLineDef = { code: 'F-3a?', label: 'Diplôme ou titre enregistré au RNCP — niveau non renseigné au catalogue', toComplete: 'niveau RNCP à renseigner : reportez ces stagiaires sur la ligne de leur niveau' }

export type ObjectiveFacts = { certificationKind: string | null; certificationLevel: number | null; actionNature: string | null }

/** F-3 line of a training: its nature (bilan, VAE), else its certification (RNCP level, RS), else other. */
export function cadreF3Line(f: ObjectiveFacts): string {
  if (f.actionNature === 'bilan') return 'F-3e'
  if (f.actionNature === 'vae') return 'F-3f'
  if (f.certificationKind === 'RS') return 'F-3b'
  if (f.certificationKind === 'RNCP') {
    const level = f.certificationLevel
    if (level === null) return F3_UNKNOWN_LEVEL.code
    if (level >= 6) return 'F-3a1'
    if (level === 5) return 'F-3a2'
    if (level === 4) return 'F-3a3'
    if (level === 3) return 'F-3a4'
    return 'F-3a5'
  }
  return 'F-3d'
}

/** How many specialties F-4 lists by name before « autres spécialités ». */
export const F4_NAMED = 5

/** Parts of the form Passerelle holds nothing about: listed for the clerk, in the form's order. */
export const OUTSIDE_DATA: readonly { code: string; label: string; reason: string }[] = [
  { code: 'A–B', label: 'Identification et caractéristiques de l’organisme', reason: 'à reprendre de la déclaration d’activité' },
  { code: 'C-CA', label: 'Part du chiffre d’affaires global réalisée au titre de la formation', reason: 'le chiffre d’affaires global vient de la comptabilité' },
  { code: 'D', label: 'Bilan financier : charges de l’organisme', reason: 'les charges viennent de la comptabilité' },
  { code: 'E', label: 'Personnes dispensant des heures de formation', reason: 'les formateurs et leurs heures ne sont pas suivis par Passerelle' },
  { code: 'F-2', label: 'Activité sous-traitée (stagiaires formés par un autre organisme)', reason: 'sous-traitance non suivie par Passerelle' },
  { code: 'G', label: 'Stagiaires dont la formation a été confiée à votre organisme par un autre organisme', reason: 'sous-traitance non suivie par Passerelle' }
]
