import type { EnrolmentDetail, EnrolmentEvent, EnrolmentRow } from '@shared/api/areas/enrolments'
import type { AppErrorInfo } from '@shared/api/result'
import { diffDays, formatDateFr } from '@shared/domain/dates'
import { FUNDINGS, type EnrolmentStatus, type Funding } from '@shared/domain/enrolment'
import { allowedTransitions, REASONS, statusLabel, type ReasonKind } from '@shared/domain/enrolmentStateMachine'
import { INTERRUPTION_MIN_DAYS, interruptionLength } from '@shared/domain/interruptions'

/*
 * Pure wording and rules of the enrolments screen: the KAIROS declaration cell, which bulk
 * actions the selection allows, the dates proposed in the dialogs, a refusal split per person.
 */

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n > 1 ? many : one}`
const days = (n: number): string => plural(n, 'jour')

export function fundingLabel(code: Funding | null): string {
  return code === null ? '' : FUNDINGS[code]
}

/** « Lefèvre Élodie » as the grid shows it. */
export function personName(r: Pick<EnrolmentRow, 'lastName' | 'firstName'>): string {
  return `${r.lastName} ${r.firstName}`
}

export type DeclarationCell = { state: 'a_faire' | 'en_retard' | 'declare' | 'none'; text: string; title: string }

const EVENT_NOUNS: Record<string, string> = {
  entry: 'Entrée',
  interruption: 'Interruption',
  resumption: 'Fin d’interruption',
  exit: 'Sortie',
  dropout: 'Abandon',
  status: 'Changement de statut',
  cancellation: 'Annulation',
  correction: 'Correction'
}

export function eventNoun(kind: string): string {
  return EVENT_NOUNS[kind] ?? kind
}

/** Statuses reached only through events declared in KAIROS: nothing pending means all declared. */
const DECLARED_WHEN_NONE_PENDING: readonly EnrolmentStatus[] = ['entre', 'sorti', 'abandon']

/**
 * The « Déclaration KAIROS » cell: the oldest event still to declare (as of `today`) with its
 * deadline, or « Déclaré » once everything the person went through has been ticked.
 */
export function declarationCell(row: Pick<EnrolmentRow, 'pendingDeclaration' | 'status'>, today: string): DeclarationCell {
  const p = row.pendingDeclaration
  if (p === null) {
    return DECLARED_WHEN_NONE_PENDING.includes(row.status)
      ? { state: 'declare', text: 'Déclaré', title: 'Toutes les déclarations KAIROS de cette inscription sont cochées.' }
      : { state: 'none', text: '', title: '' }
  }
  const what = `${eventNoun(p.kind)} du ${formatDateFr(p.effectiveDate)}`
  if (p.state === 'en_retard') {
    const late = Math.max(1, diffDays(p.dueDate, today))
    return { state: 'en_retard', text: `En retard de ${days(late)}`, title: `${what} : à déclarer dans KAIROS au plus tard le ${formatDateFr(p.dueDate)}.` }
  }
  return { state: 'a_faire', text: `À faire avant le ${formatDateFr(p.dueDate)}`, title: `${what} : à déclarer dans KAIROS au plus tard le ${formatDateFr(p.dueDate)}.` }
}

/** Sort key of the declaration column: the most urgent first in ascending order. */
export function declarationSortKey(row: Pick<EnrolmentRow, 'pendingDeclaration' | 'status'>): string {
  const p = row.pendingDeclaration
  if (p === null) return DECLARED_WHEN_NONE_PENDING.includes(row.status) ? '3' : '4'
  return `${p.state === 'en_retard' ? '1' : '2'}${p.dueDate}`
}

// ---------------------------------------------------------------------------------------------
// Bulk actions

export type BulkActionId = 'entre' | 'sorti' | 'abandon' | 'annule' | 'a_valider' | 'inscrit' | 'retenu' | 'en_attente' | 'non_retenu'

export type BulkAction = {
  to: BulkActionId
  /** Button label. */
  label: string
  /** Dialog title and confirm button. */
  verb: string
  primary: boolean
}

/** In the order of a training path; the first ones are the everyday actions. */
export const BULK_ACTIONS: BulkAction[] = [
  { to: 'entre', label: 'Enregistrer l’entrée', verb: 'Enregistrer l’entrée', primary: true },
  { to: 'sorti', label: 'Sortie', verb: 'Enregistrer la sortie', primary: true },
  { to: 'abandon', label: 'Abandon', verb: 'Enregistrer l’abandon', primary: true },
  { to: 'annule', label: 'Annuler l’inscription', verb: 'Annuler l’inscription', primary: true },
  { to: 'retenu', label: 'Retenu', verb: 'Passer à « Retenu »', primary: false },
  { to: 'en_attente', label: 'En attente', verb: 'Passer à « En attente »', primary: false },
  { to: 'non_retenu', label: 'Non retenu', verb: 'Passer à « Non retenu »', primary: false },
  // Not « À valider »: that is the status chip's name; the action says what the clerk does.
  { to: 'a_valider', label: 'Demander la validation', verb: 'Demander la validation', primary: false },
  { to: 'inscrit', label: 'Inscrit', verb: 'Passer à « Inscrit »', primary: false }
]

export type TransitionNeeds = { needsDate: boolean; reasonKind: ReasonKind | null; declaredInKairos: boolean }

export type BulkAvailability = { enabled: true; needs: TransitionNeeds } | { enabled: false; why: string }

/** Whether `to` is allowed for EVERY selected row, and what it needs (date, reason). */
export function bulkAvailability(rows: readonly Pick<EnrolmentRow, 'status' | 'lastName' | 'firstName'>[], to: EnrolmentStatus): BulkAvailability {
  if (rows.length === 0) return { enabled: false, why: 'Cochez d’abord des inscriptions (case à gauche, Ctrl ou Maj + clic).' }
  const blocked = rows.filter((r) => !allowedTransitions(r.status).some((t) => t.to === to))
  if (blocked.length > 0) {
    const statuses = [...new Set(blocked.map((r) => statusLabel(r.status)))].map((s) => `« ${s} »`).join(', ')
    const who = blocked.length === 1 && blocked[0] ? personName(blocked[0]) : plural(blocked.length, 'ligne')
    return { enabled: false, why: `Impossible vers « ${statusLabel(to)} » pour ${who} (statut ${statuses}).` }
  }
  const first = rows[0]
  const t = first ? allowedTransitions(first.status).find((x) => x.to === to) : undefined
  if (!t) return { enabled: false, why: '' }
  return { enabled: true, needs: { needsDate: t.requires.effectiveDate, reasonKind: t.requires.reason, declaredInKairos: t.declaredInKairos } }
}

/** Rows with an event to declare in KAIROS (as of the grid's day). */
export function pendingRows<T extends Pick<EnrolmentRow, 'pendingDeclaration'>>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.pendingDeclaration !== null)
}

/**
 * The date proposed in the dialog: an entry on the session's start date (the latest one when the
 * selection spans sessions, so that it is valid for all), an exit on the session's end date once
 * it has passed; anything else, or a date still to come, today.
 */
export function proposedDate(to: EnrolmentStatus, rows: readonly Pick<EnrolmentRow, 'sessionStartDate' | 'sessionEndDate'>[], today: string): string {
  const latest = (dates: (string | null)[]): string | null => dates.reduce<string | null>((max, d) => (d !== null && (max === null || d > max) ? d : max), null)
  const pick = (d: string | null): string => (d !== null && d <= today ? d : today)
  if (to === 'entre') return pick(latest(rows.map((r) => r.sessionStartDate)))
  if (to === 'sorti') {
    const ends = rows.map((r) => r.sessionEndDate)
    const earliest = ends.reduce<string | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null)
    return pick(earliest)
  }
  return today
}

/** Whether the selected rows start on different days (the dialog says which date it proposes). */
export function distinctStarts(rows: readonly Pick<EnrolmentRow, 'sessionStartDate'>[]): number {
  return new Set(rows.map((r) => r.sessionStartDate ?? '')).size
}

export function reasonOptions(kind: ReasonKind): { code: string; label: string }[] {
  return Object.entries(REASONS[kind]).map(([code, label]) => ({ code, label }))
}

export const REASON_FIELD_LABELS: Record<ReasonKind, string> = {
  cancellation: 'Motif d’annulation',
  dropout: 'Motif d’abandon',
  exit: 'Motif de sortie'
}

export const DATE_FIELD_LABELS: Partial<Record<EnrolmentStatus, string>> = {
  entre: 'Date d’entrée',
  sorti: 'Date de sortie',
  abandon: 'Date d’abandon',
  annule: 'Date d’annulation'
}

/**
 * A refusal of the server, one line per refused person when it says so (`issues`), else its
 * sentence: the dialog shows the head and the list.
 */
export function refusalLines(error: Pick<AppErrorInfo, 'message' | 'issues'>): { head: string; lines: string[] } {
  const issues = (error.issues ?? []).map((i) => i.message).filter((m) => m.trim() !== '')
  if (issues.length > 0) {
    const cut = error.message.indexOf(' : ')
    const head = cut > 0 ? `${error.message.slice(0, cut)}.` : error.message
    return { head, lines: issues }
  }
  return { head: error.message, lines: [] }
}

/** « Lefèvre Élodie, Martin Paul et 3 autres » */
export function peopleList(rows: readonly Pick<EnrolmentRow, 'lastName' | 'firstName'>[], max = 3): string {
  const names = rows.slice(0, max).map(personName)
  const rest = rows.length - names.length
  if (rest > 0) return `${names.join(', ')} et ${plural(rest, 'autre')}`
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} et ${names[names.length - 1] ?? ''}`
}

export function enrolmentCount(n: number): string {
  return plural(n, 'inscription')
}

// ---------------------------------------------------------------------------------------------
// History

/** Title of an event in the history: « Inscrit → Entré », « Interruption », « Saisie : Inscrit ». */
export function eventTitle(e: Pick<EnrolmentEvent, 'kind' | 'fromStatus' | 'toStatus'>): string {
  switch (e.kind) {
    case 'entry':
      return 'Entrée en formation'
    case 'exit':
      return 'Sortie de formation'
    case 'dropout':
      return 'Abandon'
    case 'cancellation':
      return 'Inscription annulée'
    case 'interruption':
      return 'Début d’une interruption'
    case 'resumption':
      return 'Fin d’une interruption'
    case 'correction':
      return 'Correction'
    case 'status':
      if (e.fromStatus === null && e.toStatus !== null) return `Inscription saisie : ${statusLabel(e.toStatus)}`
      if (e.fromStatus !== null && e.toStatus !== null) return `${statusLabel(e.fromStatus)} → ${statusLabel(e.toStatus)}`
      return 'Changement de statut'
  }
}

export type EventDeclaration =
  | { state: 'declare'; text: string; title: string; late: boolean }
  | { state: 'a_faire' | 'en_retard'; text: string }
  | null

/** The KAIROS line of an event: ticked with its date, or its deadline. */
export function eventDeclaration(e: Pick<EnrolmentEvent, 'requiresDeclaration' | 'kairosDeclaredOn' | 'kairosDeclaredBy' | 'dueDate' | 'declarationState'>, today: string): EventDeclaration {
  if (!e.requiresDeclaration) return null
  if (e.kairosDeclaredOn !== null) {
    const late = e.dueDate !== null && e.kairosDeclaredOn > e.dueDate
    const by = e.kairosDeclaredBy ? `, coché par ${e.kairosDeclaredBy}` : ''
    return {
      state: 'declare',
      text: `Déclaré dans KAIROS le ${formatDateFr(e.kairosDeclaredOn)}${late ? ' (hors délai)' : ''}`,
      title: `Échéance le ${e.dueDate ? formatDateFr(e.dueDate) : '—'}${by}`,
      late
    }
  }
  if (e.dueDate === null) return { state: 'a_faire', text: 'À déclarer dans KAIROS' }
  if (e.declarationState === 'en_retard') {
    const n = Math.max(1, diffDays(e.dueDate, today))
    return { state: 'en_retard', text: `En retard de ${days(n)} (échéance le ${formatDateFr(e.dueDate)})` }
  }
  return { state: 'a_faire', text: `À déclarer avant le ${formatDateFr(e.dueDate)}` }
}

/** Interruption period: « du 02/10/2026 au 30/10/2026 (29 jours) », « en cours depuis le 02/10/2026 ». */
export function interruptionPeriod(i: { startDate: string; endDate: string | null; days: number | null }): string {
  if (i.endDate === null) return `En cours depuis le ${formatDateFr(i.startDate)}`
  return `Du ${formatDateFr(i.startDate)} au ${formatDateFr(i.endDate)}${i.days !== null ? ` (${days(i.days)})` : ''}`
}

/** Live hint under the interruption dates: its length, and the 15-day rule when it is too short. */
export function interruptionLengthHint(start: string | null, end: string | null): { kind: 'ok' | 'warning'; message: string } | null {
  if (start === null || end === null || end < start) return null
  const n = interruptionLength(start, end)
  if (n <= INTERRUPTION_MIN_DAYS) {
    return { kind: 'warning', message: `${days(n)} : une interruption ne se déclare que si elle dépasse ${INTERRUPTION_MIN_DAYS} jours ; les absences plus courtes se saisissent dans l’assiduité.` }
  }
  return { kind: 'ok', message: `${days(n)}, premier et dernier jours compris.` }
}

/** Suggestions of the reason field (free text: KAIROS has no fixed list). */
export const INTERRUPTION_REASONS = [
  'Raisons de santé (arrêt maladie)',
  'Congé maternité ou paternité',
  'Raisons familiales',
  'Hospitalisation',
  'Période d’emploi temporaire',
  'Fermeture du centre de formation',
  'Raisons personnelles'
]

/** The history panel's header line about the session. */
export function sessionLine(d: Pick<EnrolmentDetail, 'sessionLabel' | 'sessionStartDate' | 'sessionEndDate'>): string {
  const period = d.sessionStartDate && d.sessionEndDate ? ` · du ${formatDateFr(d.sessionStartDate)} au ${formatDateFr(d.sessionEndDate)}` : ''
  return `${d.sessionLabel}${period}`
}
