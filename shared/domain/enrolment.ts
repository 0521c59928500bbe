/** KAIROS statuses (domain.md §3). The transition rules live in their own module. */
export const ENROLMENT_STATUSES = {
  positionne: 'Positionné',
  retenu: 'Retenu',
  non_retenu: 'Non retenu',
  en_attente: 'En attente',
  a_valider: 'À valider',
  inscrit: 'Inscrit',
  entre: 'Entré',
  sorti: 'Sorti',
  abandon: 'Abandon',
  annule: 'Inscription annulée'
} as const
export type EnrolmentStatus = keyof typeof ENROLMENT_STATUSES
export const ENROLMENT_STATUS_CODES = Object.keys(ENROLMENT_STATUSES) as [EnrolmentStatus, ...EnrolmentStatus[]]

export const FUNDINGS = {
  region: 'Conseil régional',
  aif: 'AIF France Travail',
  cpf: 'CPF',
  agefiph: 'AGEFIPH',
  opco: 'OPCO',
  self: 'Autofinancement',
  other: 'Autre'
} as const
export type Funding = keyof typeof FUNDINGS
export const FUNDING_CODES = Object.keys(FUNDINGS) as [Funding, ...Funding[]]

/** Absence codes of the monthly attendance grid; `justified` drives remuneration. */
export const ABSENCE_CODES = {
  AJ: { label: 'Absence justifiée', justified: true },
  ANJ: { label: 'Absence non justifiée', justified: false },
  MAL: { label: 'Maladie, arrêt de travail', justified: true },
  AT: { label: 'Accident du travail', justified: true },
  RDV: { label: 'Rendez-vous France Travail / employeur', justified: true },
  FAM: { label: 'Événement familial', justified: true },
  ENT: { label: 'Période en entreprise / stage', justified: true }
} as const
export type AbsenceCode = keyof typeof ABSENCE_CODES
