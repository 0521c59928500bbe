import { formatDateFr, isIsoDate } from './dates'
import type { Check } from './validation'

/*
 * The life of an AIF quote (domain.md §6) as a pure state machine.
 *
 *   draft ──file──> sent ──accept──> accepted ──validate──> validated
 *     │              │                  │
 *     │              └──refuse──┐       └──refuse──> refused  (final)
 *     └──cancel─┐  sent, accepted, validated ──cancel──> cancelled (final)
 *               └──────────────────────────────────────> cancelled
 *   sent, accepted, validated ──supersede──> superseded (final: a new version replaces it)
 *
 * - Only a draft's amounts change. Once filed in KAIROS the quote is what France Travail sees:
 *   a change means a new version (the old one is kept, marked superseded).
 * - A quote with refusals cannot be filed; warnings do not block.
 * - Every date is on or before today, and never before the previous step's date.
 * - Refusal and cancellation of a filed quote need a reason.
 */

export const QUOTE_STATUSES = {
  draft: 'Brouillon',
  sent: 'Transmis',
  accepted: 'Accepté par le stagiaire',
  validated: 'Validé',
  refused: 'Refusé',
  cancelled: 'Annulé',
  superseded: 'Remplacé'
} as const
export type QuoteStatus = keyof typeof QUOTE_STATUSES
export const QUOTE_STATUS_CODES = Object.keys(QUOTE_STATUSES) as [QuoteStatus, ...QuoteStatus[]]

/** Statuses of a quote still in force: one at most per enrolment. */
export const ACTIVE_QUOTE_STATUSES: readonly QuoteStatus[] = ['draft', 'sent', 'accepted', 'validated']
/** Filed, waiting for the trainee or the adviser: the dashboard's « devis en attente ». */
export const WAITING_QUOTE_STATUSES: readonly QuoteStatus[] = ['sent', 'accepted']
export const FINAL_QUOTE_STATUSES: readonly QuoteStatus[] = ['refused', 'cancelled', 'superseded']

export const QUOTE_ACTIONS = {
  file: 'Marquer transmis',
  accept: 'Accepté par le stagiaire',
  validate: 'Validé par le conseiller',
  refuse: 'Refusé',
  cancel: 'Annuler',
  supersede: 'Nouvelle version'
} as const
export type QuoteAction = keyof typeof QUOTE_ACTIONS
export const QUOTE_ACTION_CODES = Object.keys(QUOTE_ACTIONS) as [QuoteAction, ...QuoteAction[]]

const MOVES: Record<QuoteAction, { from: readonly QuoteStatus[]; to: QuoteStatus }> = {
  file: { from: ['draft'], to: 'sent' },
  accept: { from: ['sent'], to: 'accepted' },
  validate: { from: ['accepted'], to: 'validated' },
  refuse: { from: ['sent', 'accepted'], to: 'refused' },
  cancel: { from: ['draft', 'sent', 'accepted', 'validated'], to: 'cancelled' },
  supersede: { from: ['sent', 'accepted', 'validated'], to: 'superseded' }
}

export const amountsEditable = (status: QuoteStatus): boolean => status === 'draft'

export function allowedActions(status: QuoteStatus): QuoteAction[] {
  return QUOTE_ACTION_CODES.filter((a) => MOVES[a].from.includes(status))
}

export type QuoteDates = { sentOn: string | null; acceptedOn: string | null; answeredOn: string | null }

export type TransitionInput = {
  status: QuoteStatus
  dates: QuoteDates
  action: QuoteAction
  /** The date of the step (filing, acceptance, decision, cancellation). */
  date: string
  today: string
  reason?: string | null
  kairosNumber?: string | null
  /** Refusals of the quote's checks: filing is blocked while any remains. */
  refusals?: readonly string[]
}

export type TransitionResult = {
  status: QuoteStatus
  /** The columns the step sets. */
  patch: Partial<QuoteDates> & { kairosNumber?: string | null; decisionReason?: string | null }
}

export function transitionQuote(i: TransitionInput): Check<TransitionResult> {
  const move = MOVES[i.action]
  if (!move.from.includes(i.status)) {
    return { ok: false, message: `Un devis « ${QUOTE_STATUSES[i.status].toLowerCase()} » ne peut pas passer à « ${QUOTE_STATUSES[move.to].toLowerCase()} ».` }
  }
  if (!isIsoDate(i.date)) return { ok: false, message: 'Date invalide.' }
  if (i.date > i.today) return { ok: false, message: `La date (${formatDateFr(i.date)}) ne peut pas être dans le futur.` }
  const reason = i.reason?.trim() || null
  const after = (earlier: string | null, what: string): Check<null> =>
    earlier !== null && i.date < earlier ? { ok: false, message: `La date (${formatDateFr(i.date)}) précède ${what} (${formatDateFr(earlier)}).` } : { ok: true, value: null }
  switch (i.action) {
    case 'file': {
      const blocking = i.refusals ?? []
      if (blocking.length > 0) return { ok: false, message: `Devis non transmissible : ${blocking.join(' ')}` }
      return { ok: true, value: { status: 'sent', patch: { sentOn: i.date, kairosNumber: i.kairosNumber?.trim() || null } } }
    }
    case 'accept': {
      const c = after(i.dates.sentOn, 'la transmission')
      if (!c.ok) return c
      return { ok: true, value: { status: 'accepted', patch: { acceptedOn: i.date } } }
    }
    case 'validate': {
      const c = after(i.dates.acceptedOn, 'l’acceptation du stagiaire')
      if (!c.ok) return c
      return { ok: true, value: { status: 'validated', patch: { answeredOn: i.date } } }
    }
    case 'refuse': {
      if (!reason) return { ok: false, message: 'Indiquez le motif du refus.' }
      const c = after(i.dates.acceptedOn ?? i.dates.sentOn, 'la transmission')
      if (!c.ok) return c
      return { ok: true, value: { status: 'refused', patch: { answeredOn: i.date, decisionReason: reason } } }
    }
    case 'cancel':
      if (i.status !== 'draft' && !reason) return { ok: false, message: 'Indiquez le motif de l’annulation d’un devis transmis.' }
      return { ok: true, value: { status: 'cancelled', patch: { decisionReason: reason } } }
    case 'supersede':
      return { ok: true, value: { status: 'superseded', patch: {} } }
  }
}

/** « DEV-2026-0007 », and « DEV-2026-0007-v2 » for its next version. */
export function quoteNumber(year: number, sequence: number, version = 1): string {
  const base = `DEV-${year}-${String(sequence).padStart(4, '0')}`
  return version > 1 ? `${base}-v${version}` : base
}
