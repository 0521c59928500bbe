export const RECRUITMENT_EVENT_KINDS = {
  info_session: 'Information collective',
  appointment: 'Rendez-vous individuel',
  application_window: 'Recrutement sur candidature'
} as const
export type RecruitmentEventKind = keyof typeof RECRUITMENT_EVENT_KINDS
export const RECRUITMENT_EVENT_KIND_CODES = Object.keys(RECRUITMENT_EVENT_KINDS) as [RecruitmentEventKind, ...RecruitmentEventKind[]]

export const RECRUITMENT_STATES = { open: 'Ouvert', closed: 'Fermé', suspended: 'Suspendu' } as const
export type RecruitmentState = keyof typeof RECRUITMENT_STATES
export const RECRUITMENT_STATE_CODES = Object.keys(RECRUITMENT_STATES) as [RecruitmentState, ...RecruitmentState[]]

export const ENTRY_MODES = { fixed: 'Dates fixes', permanent: 'Entrées-sorties permanentes' } as const
export type EntryMode = keyof typeof ENTRY_MODES
export const ENTRY_MODE_CODES = Object.keys(ENTRY_MODES) as [EntryMode, ...EntryMode[]]

export const PRESENCES = { unknown: 'Non renseigné', present: 'Présent', absent: 'Absent' } as const
export type Presence = keyof typeof PRESENCES
export const PRESENCE_CODES = Object.keys(PRESENCES) as [Presence, ...Presence[]]

/** Results after an information collective, with the codes a France Travail exchange carries. */
export const REGISTRATION_RESULTS = {
  retenu: { label: 'Retenu', code: 'ICR' },
  non_retenu: { label: 'Non retenu', code: 'ICN' },
  en_attente: { label: 'En attente', code: null }
} as const
export type RegistrationResult = keyof typeof REGISTRATION_RESULTS
export const REGISTRATION_RESULT_CODES = Object.keys(REGISTRATION_RESULTS) as [RegistrationResult, ...RegistrationResult[]]
/** An absent candidate is reported ICA whatever else is recorded. */
export const ABSENT_RESULT_CODE = 'ICA'

export const LHEO_OBJECTIVES: Record<number, string> = {
  4: "Création d'entreprise",
  5: 'Perfectionnement, élargissement des compétences',
  6: 'Certification',
  7: 'Professionnalisation',
  8: 'Préparation à la qualification',
  9: '(Re)mobilisation, aide à l’élaboration de projet professionnel'
}

export const DATE_PRECISIONS = ['day', 'month', 'year', 'unknown', 'open'] as const
export type DatePrecision = (typeof DATE_PRECISIONS)[number]
