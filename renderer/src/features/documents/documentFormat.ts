import type { DocumentJob, DocumentKind, GeneratedDocument } from '@shared/api/areas/documents'
import { formatDateFr, monthOf, todayIso } from '@shared/domain/dates'
import { DOCUMENT_KINDS, DOCUMENT_KIND_CODES, mondayOf, SESSION_DOCUMENT_KINDS } from '@shared/domain/documents'

export type DocumentOutput = 'files' | 'merged' | 'both'

/** What the period field of a document kind asks for: a month, a day of the week, nothing. */
export type PeriodKind = 'month' | 'week' | null

export const OUTPUT_CHOICES: { value: DocumentOutput; label: string; hint: string }[] = [
  { value: 'files', label: 'Un fichier par stagiaire', hint: 'à classer dans le dossier de chaque stagiaire' },
  { value: 'merged', label: 'Un fichier fusionné pour impression', hint: 'tous les documents à la suite, dans un seul PDF' },
  { value: 'both', label: 'Les deux', hint: 'un fichier par stagiaire et le fichier fusionné' }
]

export const KIND_OPTIONS: { value: DocumentKind; label: string }[] = DOCUMENT_KIND_CODES.map((value) => ({ value, label: DOCUMENT_KINDS[value] }))

export function periodKind(kind: DocumentKind): PeriodKind {
  if (kind === 'etat_presence') return 'month'
  if (kind === 'emargement') return 'week'
  return null
}

/** Why a kind cannot be chosen for these targets (null: it can). */
export function kindUnavailable(kind: DocumentKind, target: { sessionId?: number | null; enrolmentIds?: number[] | null }): string | null {
  if (SESSION_DOCUMENT_KINDS.includes(kind) && (target.enrolmentIds?.length ?? 0) > 0) return 'La feuille d’émargement concerne toute une session : générez-la depuis la page de la session.'
  return null
}

/** The `documents:generate` input, or the French reason why it cannot be sent yet. */
export function generateInput(
  form: { kind: DocumentKind; output: DocumentOutput; month: string; day: string },
  target: { sessionId?: number | null; enrolmentIds?: number[] | null }
):
  | { ok: true; input: { kind: DocumentKind; output: DocumentOutput; period?: string; sessionId?: number; enrolmentIds?: number[] } }
  | { ok: false; message: string } {
  const unavailable = kindUnavailable(form.kind, target)
  if (unavailable) return { ok: false, message: unavailable }
  const p = periodKind(form.kind)
  let period: string | undefined
  if (p === 'month') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(form.month)) return { ok: false, message: 'Choisissez le mois de l’état de présence.' }
    period = form.month
  } else if (p === 'week') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.day)) return { ok: false, message: 'Choisissez un jour de la semaine de la feuille d’émargement.' }
    period = form.day
  }
  const base = { kind: form.kind, output: form.output, ...(period ? { period } : {}) }
  const ids = target.enrolmentIds ?? []
  if (ids.length > 0) return { ok: true, input: { ...base, enrolmentIds: ids } }
  if (target.sessionId != null) return { ok: true, input: { ...base, sessionId: target.sessionId } }
  return { ok: false, message: 'Choisissez la session.' }
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']

/** « novembre 2026 » for a month, « semaine du 02/11/2026 » for a sign-in sheet's Monday. */
export function periodLabel(period: string | null): string {
  if (!period) return ''
  if (/^\d{4}-\d{2}$/.test(period)) return `${MONTHS[Number(period.slice(5, 7)) - 1] ?? ''} ${period.slice(0, 4)}`
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return `semaine du ${formatDateFr(mondayOf(period))}`
  return period
}

export const shortSha = (sha: string): string => sha.slice(0, 12)

export function defaultPeriods(today = todayIso()): { month: string; day: string } {
  return { month: monthOf(today), day: today }
}

/** « 3 sur 12 » and the share done, for the progress bar. */
export function jobProgress(job: Pick<DocumentJob, 'done' | 'total'>): { ratio: number; text: string } {
  const ratio = job.total > 0 ? Math.min(1, job.done / job.total) : 0
  return { ratio, text: job.total > 0 ? `${job.done} sur ${job.total}` : 'Préparation…' }
}

export function documentCount(n: number): string {
  return n === 0 ? 'aucun document' : n === 1 ? '1 document' : `${n.toLocaleString('fr-FR')} documents`
}

/** The summary line of a finished job. */
export function jobSummary(job: DocumentJob): string {
  const parts: string[] = []
  if (job.state === 'cancelled') parts.push(`Génération annulée : ${documentCount(job.documents.length)} déjà produit${job.documents.length > 1 ? 's' : ''}.`)
  else if (job.state === 'failed') parts.push(job.error ?? 'La génération a échoué.')
  else parts.push(`${documentCount(job.documents.length)} généré${job.documents.length > 1 ? 's' : ''}${job.merged ? ' et le fichier fusionné' : ''}.`)
  if (job.skipped.length > 0) parts.push(`${job.skipped.length} stagiaire${job.skipped.length > 1 ? 's' : ''} laissé${job.skipped.length > 1 ? 's' : ''} de côté.`)
  return parts.join(' ')
}

export const isSuperseded = (d: GeneratedDocument): boolean => d.supersededById !== null

export { downloadBase64 } from '../../lib/downloadBase64'
