import type { ActionNature, CertificationResult } from '@shared/domain/documents'

// Plain data assembled by the documents service and handed to the templates (possibly on a
// worker thread, through structured clone): no DB access, no class instances.

export type OrganisationIdentity = {
  name: string
  legalForm: string | null
  /** 14 digits, formatted by the layout. */
  siret: string | null
  /** 11 characters, formatted by the layout. */
  nda: string | null
  regionCode: string | null
  /** « Bretagne »: the region named on the NDA line (préfet de région). */
  regionName: string | null
  addressLines: string[]
  postalCode: string | null
  city: string | null
  phone: string | null
  email: string | null
  website: string | null
  qualiopiNumber: string | null
  logo: { data: Uint8Array; mime: 'image/png' | 'image/jpeg' } | null
  signatoryName: string | null
  signatoryTitle: string | null
}

export type TraineeIdentity = {
  civility: 'M' | 'Mme' | null
  lastName: string
  firstName: string
  ftId: string | null
  birthDate: string | null
}

export type TrainingInfo = {
  title: string
  formationNumber: string | null
  actionNumber: string | null
  sessionNumber: string | null
  sessionLabel: string | null
  startDate: string | null
  endDate: string | null
  place: string | null
  totalHours: number | null
  certification: string | null
  objectives: string | null
}

/** Common to every document: who issues it, where and when. */
export type IssueInfo = {
  organisation: OrganisationIdentity
  /** ISO date printed in « Fait à Lorient, le 22 novembre 2026 ». */
  issuedOn: string
  issuedAt: string
}

export type CertificatInscriptionData = IssueInfo & {
  kind: 'certificat_inscription'
  trainee: TraineeIdentity
  training: TrainingInfo
  status: 'retenu' | 'inscrit'
  plannedStart: string | null
  plannedEnd: string | null
  plannedHours: number | null
  funding: string | null
  /** The AIF or funding agreement reference, when known. */
  fundingReference: string | null
  costCents: number | null
  /** « lundi 7 h, mardi 7 h … » — the weekly rhythm, and its total. */
  rhythm: string | null
  weeklyHours: number | null
  hoursCentre: number | null
  hoursCompany: number | null
}

export type AttestationEntreeData = IssueInfo & {
  kind: 'attestation_entree'
  trainee: TraineeIdentity
  training: TrainingInfo
  entryDate: string
  plannedEnd: string | null
  plannedHours: number | null
  funding: string | null
}

/** One day of a trainee's monthly statement, from the hours ledger. */
export type PresenceDay = {
  date: string
  /** Planned hours of the day (0 off the planning). */
  planned: number
  /** Hours attended (in centre). */
  hours: number | null
  /** An absence (« MAL – Maladie… (3,5 h) »), a company period, « Férié », « Sortie », « Interruption », « à venir »… */
  note: string | null
  /** Not a training day for this person (greyed). */
  off: boolean
}

/** Totals of a month or a span, copied from the ledger's summary. */
export type PresenceTotals = {
  planned: number
  attended: number
  company: number
  justified: number
  unjustified: number
  unrecorded: number
  /** Hours attended above the planning, and hours typed below it with no reason. */
  extra: number
  short: number
  byCode: { code: string; hours: number; days: number }[]
}

export type EtatPresenceTraineeData = IssueInfo & {
  kind: 'etat_presence'
  scope: 'trainee'
  month: string
  trainee: TraineeIdentity
  training: TrainingInfo
  days: PresenceDay[]
  totals: PresenceTotals
  absenceLegend: { code: string; label: string }[]
  /** « Sortie le 13/11/2026 », « Interruption du … au … » within the month. */
  events: string[]
}

/** A day cell of the session statement; `exit`: after the person's exit (the cells merge into one « Sortie »). */
export type PresenceCell = { text: string; off: boolean; exit?: boolean }

export type EtatPresenceSessionData = IssueInfo & {
  kind: 'etat_presence'
  scope: 'session'
  month: string
  training: TrainingInfo
  /** Every day of the month (ISO), columns of the table. */
  dates: string[]
  /** Public holidays and session closures of the month (shaded for everyone). */
  closed: (string | null)[]
  rows: { trainee: TraineeIdentity; cells: PresenceCell[]; totals: PresenceTotals; events: string[] }[]
  absenceLegend: { code: string; label: string }[]
}

// The sign-in sheet's data lives with its own types (days, half-days, struck cells).
export type { EmargementData } from './emargementTypes'
import type { EmargementData } from './emargementTypes'

export type BilanFinData = IssueInfo & {
  kind: 'bilan_fin'
  trainee: TraineeIdentity
  training: TrainingInfo
  entryDate: string | null
  exitDate: string | null
  exitReason: string | null
  hoursPlanned: number | null
  hoursCompleted: number
  /** Of which in a company (ENT periods). */
  companyHours: number
  /** The ledger's totals from entry to exit (as of the generation date), for the check line. */
  totals: PresenceTotals | null
  hoursOverrideReason: string | null
  certificationResult: CertificationResult | null
  certifying: boolean
  skillsAcquired: string | null
  nextStep: string | null
  comments: string | null
  adviserName: string | null
  adviserEmail: string | null
  costCents: number | null
}

export type AttestationFinData = IssueInfo & {
  kind: 'attestation_fin'
  trainee: TraineeIdentity
  training: TrainingInfo
  nature: ActionNature
  entryDate: string | null
  exitDate: string | null
  hoursCompleted: number
  hoursPlanned: number | null
  certificationResult: CertificationResult | null
  certifying: boolean
  skillsAcquired: string | null
}

export type CertificatRealisationData = IssueInfo & {
  kind: 'certificat_realisation'
  trainee: TraineeIdentity
  training: TrainingInfo
  nature: ActionNature
  employer: string | null
  entryDate: string | null
  exitDate: string | null
  hoursCompleted: number
  /** Of which in a company (ENT periods, declared by the company). */
  companyHours: number
  /** How the hours were established, as printed (« feuilles d’émargement », corrected by hand…). */
  hoursSource: string
}

export type DocumentData =
  | CertificatInscriptionData
  | AttestationEntreeData
  | EtatPresenceTraineeData
  | EtatPresenceSessionData
  | EmargementData
  | BilanFinData
  | AttestationFinData
  | CertificatRealisationData
  | DevisAifData
  | FicheKairosData

import type { DevisAifData } from './templates/devisAif'
import type { FicheKairosData } from './templates/ficheKairos'
