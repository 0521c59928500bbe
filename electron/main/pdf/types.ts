import type { ActionNature, CertificationResult } from '../../../shared/domain/documents'

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
  costCents: number | null
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

export type PresenceDay = { date: string; hours: number | null; absence: string | null }

export type EtatPresenceTraineeData = IssueInfo & {
  kind: 'etat_presence'
  scope: 'trainee'
  month: string
  trainee: TraineeIdentity
  training: TrainingInfo
  days: PresenceDay[]
  totals: { hours: number; planned: number; absenceHours: number; justified: number; unjustified: number }
  absenceLegend: { code: string; label: string }[]
}

export type EtatPresenceSessionData = IssueInfo & {
  kind: 'etat_presence'
  scope: 'session'
  month: string
  training: TrainingInfo
  /** Every day of the month (ISO), columns of the table. */
  dates: string[]
  rows: { trainee: TraineeIdentity; cells: (string | null)[]; hours: number }[]
  absenceLegend: { code: string; label: string }[]
}

// The sign-in sheet's data lives with its own types (days, half-days, struck cells).
export type { EmargementData } from './emargementTypes'
import type { EmargementData } from './emargementTypes'
}

export type BilanFinData = IssueInfo & {
  kind: 'bilan_fin'
  trainee: TraineeIdentity
  training: TrainingInfo
  entryDate: string | null
  exitDate: string | null
  exitReason: string | null
  hoursPlanned: number | null
  hoursCompleted: number
  hoursOverrideReason: string | null
  certificationResult: CertificationResult | null
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
  certificationResult: CertificationResult | null
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
