import type { DocumentKind } from './documents'
import type { Funding } from './enrolment'
import { deFr } from './frenchFormat'

/*
 * What each document needs before it is generated (issue 11, « checks before generation »).
 *
 * Two levels:
 * - `applicability`: the document cannot exist for this person (a certificate of enrolment for
 *   someone who left, an end-of-training attestation without an exit report…). Never generated;
 *   the dialog greys the kind out with this reason.
 * - `missingData`: the document exists but mandatory data is missing (no NDA, no city for « Fait à »,
 *   no France Travail id where France Travail funds…). Not generated unless the clerk ticks
 *   « générer quand même », which the register records with the list.
 *
 * Pure: the service gathers the facts, these rules judge them.
 */

/** Where the clerk fixes a missing item; the renderer turns it into a link. */
export type FixPlace = 'organisation' | 'trainee' | 'enrolment' | 'attendance' | 'exitReport' | 'training'
export const FIX_PLACES: Record<FixPlace, string> = {
  organisation: 'Paramètres › Organisme',
  trainee: 'Fiche du stagiaire',
  enrolment: 'Session › Inscrits',
  attendance: 'Session › Assiduité',
  exitReport: 'Session › Bilans',
  training: 'Formations › Fiche formation'
}

export type MissingItem = { message: string; fix: FixPlace }

export type OrganisationFacts = { nda: string | null; regionCode: string | null; city: string | null; signatoryName: string | null }

export type EnrolmentFacts = {
  status: string
  funding: Funding | null
  fundingReference: string | null
  entryDate: string | null
  exitDate: string | null
  ftId: string | null
  /** Whether the training leads to a certification (an RNCP or RS code). */
  certifying: boolean
  /** The exit report, when one was saved. */
  exitReport: { certificationResult: string | null } | null
  /** The last bilan generated is older than the exit report or the attendance (null: none generated). */
  bilanOutdated: boolean
  /** Hours realised (ledger as of the generation date, or the exit report's corrected hours). */
  realisedHours: number
  /** Monthly statement: the month asked for. */
  month: string | null
  /** Monthly statement: whether the person was in training at least one day of that month. */
  inTrainingThatMonth: boolean
  /** Monthly statement: whether the month was attested. */
  monthAttested: boolean
}

/** Statuses of a person who entered training. */
const ENTERED = ['entre', 'sorti', 'abandon']
const LEFT = ['sorti', 'abandon']

/** Why this document cannot exist for this person (null: it can). */
export function applicability(kind: DocumentKind, e: EnrolmentFacts): string | null {
  switch (kind) {
    case 'certificat_inscription':
      return e.status === 'retenu' || e.status === 'inscrit' ? null : 'le certificat d’inscription n’existe que pour un stagiaire retenu ou inscrit'
    case 'attestation_entree':
    case 'certificat_realisation':
      return e.entryDate && ENTERED.includes(e.status) ? null : 'pas encore entré en formation'
    case 'etat_presence':
      if (!e.entryDate || !ENTERED.includes(e.status)) return 'pas encore entré en formation'
      return e.month && !e.inTrainingThatMonth ? `pas en formation en ${monthName(e.month)}` : null
    case 'bilan_fin':
      if (!LEFT.includes(e.status)) return 'pas encore sorti de formation'
      return e.exitReport ? null : 'bilan de fin de formation non saisi'
    case 'attestation_fin':
      if (!LEFT.includes(e.status)) return 'pas encore sorti de formation'
      if (!e.exitReport) return 'bilan de fin de formation non saisi : l’attestation reprend ses résultats et ses heures'
      return e.bilanOutdated ? 'le bilan de fin de formation a changé depuis sa dernière édition : régénérez d’abord le bilan' : null
    case 'emargement':
      return 'la feuille d’émargement concerne une session'
    case 'devis_aif':
    case 'fiche_kairos':
      return 'le devis AIF se génère depuis ses devis (quoteData.ts)'
  }
}

/** The organisation's mandatory identity on every document. */
export function organisationMissing(o: OrganisationFacts): MissingItem[] {
  const out: MissingItem[] = []
  if (!o.nda) out.push({ message: 'numéro de déclaration d’activité (NDA) de l’organisme', fix: 'organisation' })
  if (!o.regionCode) out.push({ message: 'région de la déclaration d’activité (ligne du NDA)', fix: 'organisation' })
  if (!o.city) out.push({ message: 'ville de l’organisme (« Fait à »)', fix: 'organisation' })
  if (!o.signatoryName) out.push({ message: 'nom du ou de la signataire des documents', fix: 'organisation' })
  return out
}

/** Kinds that name the trainee's France Travail id (and need it when France Travail funds). */
const NAMES_FT_ID: readonly DocumentKind[] = ['certificat_inscription', 'attestation_entree', 'etat_presence', 'bilan_fin', 'attestation_fin', 'certificat_realisation']

/** What this person's document lacks (the organisation's identity apart). */
export function enrolmentMissing(kind: DocumentKind, e: EnrolmentFacts): MissingItem[] {
  const out: MissingItem[] = []
  const franceTravail = e.funding === 'aif'
  if (franceTravail && !e.ftId && NAMES_FT_ID.includes(kind)) out.push({ message: 'identifiant France Travail du stagiaire (financement AIF)', fix: 'trainee' })
  switch (kind) {
    case 'certificat_inscription':
      if (!e.funding) out.push({ message: 'financement de l’inscription', fix: 'enrolment' })
      if (franceTravail && !e.fundingReference) out.push({ message: 'référence de l’AIF (numéro du devis ou de l’accord)', fix: 'enrolment' })
      break
    case 'etat_presence':
      if (e.month && !e.monthAttested) out.push({ message: `mois ${deFr(monthName(e.month))} non attesté`, fix: 'attendance' })
      break
    case 'certificat_realisation':
    case 'attestation_fin':
    case 'bilan_fin':
      if (!(e.realisedHours > 0)) out.push({ message: 'aucune heure réalisée (assiduité non saisie ?)', fix: 'attendance' })
      if (kind !== 'certificat_realisation' || LEFT.includes(e.status)) {
        if (!e.exitDate) out.push({ message: 'date de sortie', fix: 'enrolment' })
      }
      if (kind !== 'certificat_realisation' && e.certifying && !e.exitReport?.certificationResult) {
        out.push({ message: 'résultat de la certification (bilan de fin de formation)', fix: 'exitReport' })
      }
      break
    default:
      break
  }
  return out
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
/** « novembre 2026 » */
export function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`
}

/** « NDA de l’organisme ; ville (« Fait à ») » — the line kept in the register for a forced document. */
export function missingSummary(items: readonly MissingItem[]): string {
  return items.map((i) => i.message).join(' ; ')
}

/**
 * The month a monthly statement defaults to: the month of the generation date when the person
 * was in training then, else the last month they were (someone who left in November gets November).
 */
export function defaultStatementMonth(today: string, entryDate: string | null, exitDate: string | null): string {
  const current = today.slice(0, 7)
  const last = exitDate && exitDate < today ? exitDate.slice(0, 7) : current
  if (entryDate && entryDate.slice(0, 7) > last) return entryDate.slice(0, 7)
  return last
}
