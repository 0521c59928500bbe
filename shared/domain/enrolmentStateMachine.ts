import { diffDays, formatDateFr, isIsoDate } from './dates'
import { ENROLMENT_STATUSES, ENROLMENT_STATUS_CODES, type EnrolmentStatus } from './enrolment'
import { PLACE_HOLDING_STATUSES } from './recruitmentRules'

/*
 * KAIROS enrolment workflow (domain.md §3) as a pure state machine.
 *
 *   positionne ─┬─> retenu ─┬─> a_valider ─┬─> inscrit ──> entre ─┬─> sorti    (final)
 *               │           │              │                      └─> abandon  (final)
 *               │           └──────────────┘ (validation already given)
 *               ├─> en_attente ─> retenu | non_retenu
 *               └─> non_retenu ─> retenu (re-decision)
 *   positionne, en_attente, retenu, a_valider, inscrit ─> annule (final)
 *
 * Decisions:
 * - `non_retenu` is not final: the OF may reconsider (`non_retenu → retenu`). It cannot be
 *   cancelled: nothing was booked for the person, so there is nothing to cancel.
 * - `retenu → non_retenu` is allowed as a correction of the decision made after the meeting.
 * - A prescriber who refuses the project (`a_valider`) does not send the person back to
 *   `retenu`: the enrolment is cancelled with the reason « Refus du prescripteur ». Going back
 *   would leave a place held for someone who will never be validated.
 * - `sorti`, `abandon` and `annule` are final (`TERMINAL_STATUSES`): no transition leaves them.
 *   A mistake is corrected by undoing the last event in the event log (which restores the
 *   previous status), not by a transition: this keeps KAIROS declarations and the history exact.
 * - Interruption is not a status: it is a period of an `entre` enrolment (see deadlines.ts).
 * - No event is recorded in advance: every effective date must be on or before `today`.
 * - A cancellation is possible only before entry (structurally: `entre` cannot reach `annule`);
 *   its date may be after the session start (a person who never showed up).
 * - Entry: not before the session start, not after the session end.
 * - Exit / dropout: not before the entry date (when given), not after the session end
 *   (`SESSION_END_TOLERANCE_DAYS`, 0: a longer path means the session's dates must be corrected
 *   at the CARIF-OREF first).
 * - A reason is required for cancellation, dropout and exit, from the matching list. A reason code
 *   passed with a transition that takes none is ignored (the caller may keep a free comment).
 *   « Autre » needs a free comment; storing it is the caller's concern.
 */

export const CANCELLATION_REASONS = {
  raison_materielle: 'Raison matérielle (transport, garde d’enfant, logement…)',
  reprise_emploi: 'Reprise d’emploi en entreprise',
  autre_formation: 'Entrée dans une autre formation',
  refus_prescripteur: 'Refus du prescripteur',
  desistement: 'Désistement du candidat',
  non_presentation: 'Ne s’est pas présenté à l’entrée en formation',
  sante: 'Raisons de santé',
  session_annulee: 'Session annulée ou reportée par l’organisme',
  autre: 'Autre motif'
} as const
export type CancellationReason = keyof typeof CANCELLATION_REASONS

export const DROPOUT_REASONS = {
  reprise_emploi_durable: 'Reprise d’emploi (CDI ou CDD de 6 mois ou plus)',
  reprise_emploi_courte: 'Reprise d’emploi courte (CDD de moins de 6 mois, intérim)',
  demenagement: 'Déménagement',
  sante: 'Raisons de santé',
  personnelles: 'Raisons personnelles',
  exclusion: 'Exclusion',
  autre_formation: 'Entrée dans une autre formation',
  autre: 'Autre motif'
} as const
export type DropoutReason = keyof typeof DROPOUT_REASONS

export const EXIT_REASONS = {
  fin_prevue: 'Fin de formation prévue',
  fin_anticipee_objectif: 'Fin de formation anticipée – objectif atteint',
  emploi: 'Sortie vers l’emploi',
  autre: 'Autre motif'
} as const
export type ExitReason = keyof typeof EXIT_REASONS

export type ReasonKind = 'cancellation' | 'dropout' | 'exit'

export const REASONS: { readonly [K in ReasonKind]: Readonly<Record<string, string>> } = {
  cancellation: CANCELLATION_REASONS,
  dropout: DROPOUT_REASONS,
  exit: EXIT_REASONS
}

export type TransitionKind = 'status' | 'entry' | 'exit' | 'dropout' | 'cancellation'

export type Transition = {
  from: EnrolmentStatus
  to: EnrolmentStatus
  kind: TransitionKind
  requires: { effectiveDate: boolean; reason: ReasonKind | null }
  /** Entry, exit and dropout must be declared in KAIROS within the legal deadline (deadlines.ts). */
  declaredInKairos: boolean
}

/** Days an exit or dropout may fall after the session's end date. */
export const SESSION_END_TOLERANCE_DAYS = 0

function status(from: EnrolmentStatus, to: EnrolmentStatus): Transition {
  return { from, to, kind: 'status', requires: { effectiveDate: false, reason: null }, declaredInKairos: false }
}

function cancellation(from: EnrolmentStatus): Transition {
  return { from, to: 'annule', kind: 'cancellation', requires: { effectiveDate: true, reason: 'cancellation' }, declaredInKairos: false }
}

export const TRANSITIONS: readonly Transition[] = [
  status('positionne', 'retenu'),
  status('positionne', 'non_retenu'),
  status('positionne', 'en_attente'),
  cancellation('positionne'),
  status('en_attente', 'retenu'),
  status('en_attente', 'non_retenu'),
  cancellation('en_attente'),
  status('non_retenu', 'retenu'),
  status('retenu', 'non_retenu'),
  status('retenu', 'a_valider'),
  status('retenu', 'inscrit'),
  cancellation('retenu'),
  status('a_valider', 'inscrit'),
  cancellation('a_valider'),
  { from: 'inscrit', to: 'entre', kind: 'entry', requires: { effectiveDate: true, reason: null }, declaredInKairos: true },
  cancellation('inscrit'),
  { from: 'entre', to: 'sorti', kind: 'exit', requires: { effectiveDate: true, reason: 'exit' }, declaredInKairos: true },
  { from: 'entre', to: 'abandon', kind: 'dropout', requires: { effectiveDate: true, reason: 'dropout' }, declaredInKairos: true }
]

export const TERMINAL_STATUSES = ['sorti', 'abandon', 'annule'] as const satisfies readonly EnrolmentStatus[]

export function statusLabel(code: EnrolmentStatus): string {
  return ENROLMENT_STATUSES[code]
}

export function isEnrolmentStatus(code: string): code is EnrolmentStatus {
  return Object.prototype.hasOwnProperty.call(ENROLMENT_STATUSES, code)
}

export function isTerminal(s: EnrolmentStatus): boolean {
  return (TERMINAL_STATUSES as readonly EnrolmentStatus[]).includes(s)
}

/** Counted in a session's capacity ("places prises"): retenu, a_valider, inscrit, entre. */
export function holdsPlace(s: EnrolmentStatus): boolean {
  return (PLACE_HOLDING_STATUSES as readonly EnrolmentStatus[]).includes(s)
}

/** Transitions out of `from`, in the usual order of the statuses. */
export function allowedTransitions(from: EnrolmentStatus): Transition[] {
  const order = (s: EnrolmentStatus): number => ENROLMENT_STATUS_CODES.indexOf(s)
  return TRANSITIONS.filter((t) => t.from === from).sort((a, b) => order(a.to) - order(b.to))
}

export function findTransition(from: EnrolmentStatus, to: EnrolmentStatus): Transition | null {
  return TRANSITIONS.find((t) => t.from === from && t.to === to) ?? null
}

export function reasonLabel(kind: ReasonKind, code: string): string | null {
  const list = REASONS[kind]
  return Object.prototype.hasOwnProperty.call(list, code) ? (list[code] ?? null) : null
}

const q = (s: string): string => `« ${s} »`
const ql = (s: EnrolmentStatus): string => q(statusLabel(s))

/** Why `from → to` is not a legal move (the pair is known to be absent from TRANSITIONS). */
function whyRefused(from: EnrolmentStatus, to: EnrolmentStatus): string {
  if (isTerminal(from)) {
    return `${ql(from)} est un statut définitif ; pour corriger une erreur, annulez le dernier événement`
  }
  switch (to) {
    case 'positionne':
      return 'le positionnement est la première étape, on n’y revient pas'
    case 'en_attente':
      return 'la mise en attente est une décision prise juste après le positionnement'
    case 'retenu':
      if (from === 'a_valider') {
        return 'la demande de validation est en cours ; si le prescripteur refuse, annulez l’inscription avec le motif « Refus du prescripteur »'
      }
      return 'la candidature a déjà été retenue'
    case 'non_retenu':
      return 'la candidature a déjà été transmise ou validée ; annulez l’inscription avec un motif'
    case 'a_valider':
      return from === 'inscrit' || from === 'entre'
        ? 'la validation du prescripteur a déjà été donnée'
        : 'seule une candidature retenue est soumise à la validation du prescripteur'
    case 'inscrit':
      return from === 'entre' ? 'la personne est déjà entrée en formation' : 'la candidature doit d’abord être retenue'
    case 'entre':
      return 'l’inscription doit d’abord être validée (statut « Inscrit »)'
    case 'sorti':
    case 'abandon':
      return 'la personne n’est pas entrée en formation'
    case 'annule':
      if (from === 'entre') {
        return 'la personne est déjà entrée en formation : une inscription ne s’annule qu’avant l’entrée ; déclarez une sortie ou un abandon'
      }
      return 'la candidature n’a pas été retenue : il n’y a pas d’inscription à annuler'
  }
}

function possibleFrom(from: EnrolmentStatus): string {
  const targets = allowedTransitions(from).map((t) => statusLabel(t.to))
  if (targets.length === 0) return `Aucun changement n’est possible depuis ${ql(from)}.`
  return `Depuis ${ql(from)}, vous pouvez : ${targets.join(', ')}.`
}

const DATE_NOUN: Record<TransitionKind, string> = {
  status: 'La date d’effet',
  entry: 'La date d’entrée',
  exit: 'La date de sortie',
  dropout: 'La date d’abandon',
  cancellation: 'La date d’annulation'
}

const REASON_NOUN: Record<ReasonKind, string> = {
  cancellation: 'Le motif d’annulation',
  dropout: 'Le motif d’abandon',
  exit: 'Le motif de sortie'
}

export type TransitionInput = {
  from: EnrolmentStatus
  to: EnrolmentStatus
  effectiveDate?: string | null
  reasonCode?: string | null
  today: string
  session: { startDate: string | null; endDate: string | null }
  /** The enrolment's entry date, needed to check an exit or dropout date. */
  entryDate?: string | null
}

export type TransitionCheck = { ok: true; transition: Transition } | { ok: false; message: string }

function requireIsoArg(name: string, value: string | null | undefined): void {
  if (value != null && !isIsoDate(value)) throw new RangeError(`${name} : date ISO invalide ${JSON.stringify(value)}`)
}

/**
 * Checks a status change and its effective date and reason. Every failure carries a French
 * message for the UI. `today`, the session dates and `entryDate` come from code: a malformed one
 * is a bug and throws.
 */
export function checkTransition(input: TransitionInput): TransitionCheck {
  const { from, to, today, session } = input
  requireIsoArg('today', today)
  requireIsoArg('session.startDate', session.startDate)
  requireIsoArg('session.endDate', session.endDate)
  requireIsoArg('entryDate', input.entryDate)

  if (from === to) return { ok: false, message: `Le statut est déjà ${ql(from)}.` }
  const transition = findTransition(from, to)
  if (!transition) {
    return { ok: false, message: `Impossible de passer de ${ql(from)} à ${ql(to)} : ${whyRefused(from, to)}. ${possibleFrom(from)}` }
  }

  const noun = DATE_NOUN[transition.kind]
  const raw = input.effectiveDate == null ? '' : input.effectiveDate.trim()
  if (raw === '') {
    if (transition.requires.effectiveDate) return { ok: false, message: `${noun} est obligatoire.` }
  } else {
    const date = raw
    if (!isIsoDate(date)) return { ok: false, message: `${noun} (${date}) est invalide.` }
    if (date > today) {
      return {
        ok: false,
        message: `${noun} (${formatDateFr(date)}) est postérieure à aujourd’hui (${formatDateFr(today)}) : un événement se saisit une fois qu’il a eu lieu.`
      }
    }
    const dateError = checkKindDate(transition.kind, noun, date, session, input.entryDate ?? null)
    if (dateError) return { ok: false, message: dateError }
  }

  const reasonKind = transition.requires.reason
  if (reasonKind) {
    const code = input.reasonCode == null ? '' : input.reasonCode.trim()
    if (code === '') return { ok: false, message: `${REASON_NOUN[reasonKind]} est obligatoire.` }
    if (reasonLabel(reasonKind, code) === null) {
      const choices = Object.values(REASONS[reasonKind]).join(' ; ')
      return { ok: false, message: `${REASON_NOUN[reasonKind]} « ${code} » n’existe pas. Motifs possibles : ${choices}.` }
    }
  }
  return { ok: true, transition }
}

function checkKindDate(
  kind: TransitionKind,
  noun: string,
  date: string,
  session: { startDate: string | null; endDate: string | null },
  entryDate: string | null
): string | null {
  const d = formatDateFr(date)
  if (kind === 'entry') {
    if (session.startDate !== null && date < session.startDate) {
      return `${noun} (${d}) est antérieure au début de la session (${formatDateFr(session.startDate)}).`
    }
    if (session.endDate !== null && date > session.endDate) {
      return `${noun} (${d}) est postérieure à la fin de la session (${formatDateFr(session.endDate)}).`
    }
  }
  if (kind === 'exit' || kind === 'dropout') {
    if (entryDate !== null && date < entryDate) {
      return `${noun} (${d}) est antérieure à la date d’entrée (${formatDateFr(entryDate)}).`
    }
    if (session.endDate !== null && diffDays(session.endDate, date) > SESSION_END_TOLERANCE_DAYS) {
      return `${noun} (${d}) est postérieure à la fin de la session (${formatDateFr(session.endDate)}). Si le parcours a été prolongé, faites d’abord corriger les dates de la session auprès du CARIF-OREF.`
    }
  }
  return null
}
