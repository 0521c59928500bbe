/** Legal forms a French training organisation commonly has (libellés INSEE simplified). */
export const LEGAL_FORMS = [
  'Association loi 1901',
  'SARL',
  'SAS',
  'SASU',
  'EURL',
  'SA',
  'SCOP',
  'SCIC',
  'Entreprise individuelle',
  'GIP',
  'Établissement public',
  'Autre'
] as const
export type LegalForm = (typeof LEGAL_FORMS)[number]

export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg'] as const
export type LogoMime = (typeof LOGO_MIME_TYPES)[number]
/** Logos are printed small on every document: a larger file only slows PDF generation. */
export const LOGO_MAX_BYTES = 1024 * 1024
