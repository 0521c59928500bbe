import { participleFr } from './frenchFormat'
/** The documents Passerelle generates (domain.md §6), with the title printed on each. */
export const DOCUMENT_KINDS = {
  certificat_inscription: "Certificat d'inscription",
  attestation_entree: "Attestation d'entrée en formation",
  etat_presence: 'État de présence mensuel',
  emargement: "Feuille d'émargement",
  bilan_fin: 'Bilan de fin de formation',
  attestation_fin: 'Attestation de fin de formation',
  certificat_realisation: 'Certificat de réalisation',
  devis_aif: 'Devis AIF',
  fiche_kairos: 'Fiche de saisie KAIROS'
} as const
export type DocumentKind = keyof typeof DOCUMENT_KINDS
export const DOCUMENT_KIND_CODES = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]]

/** Documents about one session as a whole (no trainee): one file per session. */
export const SESSION_DOCUMENT_KINDS: readonly DocumentKind[] = ['emargement']

export const CERTIFICATION_RESULTS = {
  totale: 'Certification obtenue (totalement)',
  partielle: 'Certification obtenue partiellement',
  non_obtenue: 'Certification non obtenue',
  non_presentee: 'Non présentation à la certification'
} as const
export type CertificationResult = keyof typeof CERTIFICATION_RESULTS

/**
 * The result as printed for a person: agreed by civility (« Ne s’est pas présentée à la
 * certification »); for a training with no certification, never a result, and for a certifying
 * one without a result yet, never « aucune évaluation certificative prévue ».
 */
export function certificationResultText(result: CertificationResult | null, certifying: boolean, civility: 'M' | 'Mme' | null): string {
  if (!result) return certifying ? 'résultat non renseigné' : 'aucune évaluation certificative prévue'
  if (result === 'non_presentee') return `Ne s’est pas ${participleFr('présenté', civility)} à la certification`
  return CERTIFICATION_RESULTS[result]
}
export const CERTIFICATION_RESULT_CODES = Object.keys(CERTIFICATION_RESULTS) as [CertificationResult, ...CertificationResult[]]

/** Nature of the action on the certificat de réalisation (official model, art. L6313-1). */
export const ACTION_NATURES = {
  formation: 'Action de formation',
  bilan: 'Bilan de compétences',
  vae: 'Action de VAE',
  apprentissage: 'Action de formation par apprentissage'
} as const
export type ActionNature = keyof typeof ACTION_NATURES

/** U+202F, the narrow no-break space French puts before « : ; ! ? » and between thousands. */
export const NNBSP = '\u202f'

/**
 * French typography for printed text: a narrow no-break space before « ; : ! ? » (replacing an
 * ordinary space, or added when missing), typographic apostrophes, « œ » in the usual words.
 * URLs and times (« 09:30 », « https: ») are left alone.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/'/g, '’')
    .replace(/[ \u00a0]+([;!?])/g, `${NNBSP}$1`)
    .replace(/([^\s\u202f\d/:])([;!?])(?=\s|$)/g, `$1${NNBSP}$2`)
    .replace(/[ \u00a0]+:(?=\s|$)/g, `${NNBSP}:`)
    .replace(/([^\s\u202f\d:/])(:)(?=\s|$)/g, `$1${NNBSP}$2`)
    .replace(/\b([Cc])oeur/g, '$1œur')
    .replace(/\b([Ss])oeur/g, '$1œur')
    .replace(/\b([Mm])anoeuvre/g, '$1anœuvre')
    .replace(/\b([Oo])euvre/g, '$1œuvre')
    .replace(/\b([Vv])oeu/g, '$1œu')
}

/** Characters Windows refuses in file names, control characters, and trailing dots or spaces. */
export function sanitizeFileName(name: string): string {
  const cleaned = name
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i
  const safe = reserved.test(cleaned) ? `_${cleaned}` : cleaned
  return safe.length > 0 ? safe.slice(0, 180) : 'document'
}

/**
 * The name a clerk recognises: « 2026-11 Certificat d'inscription - DUPONT Marie.pdf »; a session
 * document carries the session instead of a person.
 */
export function documentFileName(period: string, kind: DocumentKind, subject: string): string {
  return `${sanitizeFileName(`${period} ${DOCUMENT_KINDS[kind]} - ${subject}`)}.pdf`
}

/** « DUPONT Marie » */
export function personSubject(lastName: string, firstName: string): string {
  return `${lastName.toLocaleUpperCase('fr-FR')} ${firstName}`.trim()
}

/** « fichier.pdf » → « fichier (2).pdf »: an earlier file is never overwritten. */
export function numberedFileName(fileName: string, n: number): string {
  if (n <= 1) return fileName
  const dot = fileName.toLowerCase().endsWith('.pdf') ? fileName.length - 4 : fileName.length
  return `${fileName.slice(0, dot)} (${n})${fileName.slice(dot)}`
}

/**
 * Whether a folder path is complete (absolute) on Windows or on macOS/Linux: « C:\… », « \\serveur\partage\… »
 * or « /… ». The host then checks it against its own platform.
 */
export function looksLikeAbsolutePath(path: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/.test(path)
}

/** Monday of the ISO week containing `iso` (a yyyy-mm-dd civil date). */
export function mondayOf(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`)
  const dow = (d.getUTCDay() + 6) % 7
  d.setUTCDate(d.getUTCDate() - dow)
  return d.toISOString().slice(0, 10)
}
