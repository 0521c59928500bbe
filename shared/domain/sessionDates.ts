import { formatDateFr } from './dates'
import type { EnrolmentStatus } from './enrolment'

/*
 * A session's dates and what depends on them (issue #11 item 10).
 *
 * - What was recorded must stay inside the session: attendance entered, entries and exits,
 *   interruptions. New dates that would leave one of them outside are refused, naming the people,
 *   so that a certificate never prints a session « du 2 novembre » with hours or an entry before it.
 * - Enrolments whose planned dates follow the session's (the planned start is the session's start,
 *   the planned end its end) are proposed to move along; an individual plan is left alone.
 * - An entry before the date the enrolment became « inscrit » is possible (a late validation) but
 *   unusual enough to be said before it is recorded.
 */

export type DateRange = { start: string | null; end: string | null }

export type RecordedFact = {
  who: string
  kind: 'attendance' | 'entry' | 'exit' | 'interruption'
  /** The first (before the start) or last (after the end) date concerned. */
  date: string
}

const KIND_FR: Record<RecordedFact['kind'], string> = {
  attendance: 'présence saisie',
  entry: 'entrée',
  exit: 'sortie',
  interruption: 'interruption'
}

const KIND_ORDER: readonly RecordedFact['kind'][] = ['entry', 'interruption', 'attendance', 'exit']

const SHOWN = 5

/** Null when nothing recorded falls outside the new dates, else the French refusal. */
export function sessionDatesRefusal(outside: readonly RecordedFact[], next: DateRange): string | null {
  if (outside.length === 0) return null
  // One item per person, their facts in date order (an entry before the attendance of its day).
  const byWho = new Map<string, RecordedFact[]>()
  for (const f of outside) byWho.set(f.who, [...(byWho.get(f.who) ?? []), f])
  const people = [...byWho.entries()].sort(([a], [b]) => a.localeCompare(b, 'fr'))
  const items = people.slice(0, SHOWN).map(([who, facts]) => {
    const sorted = [...facts].sort((a, b) => a.date.localeCompare(b.date) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    return `${who} (${sorted.map((f) => `${KIND_FR[f.kind]} le ${formatDateFr(f.date)}`).join(', ')})`
  })
  const rest = people.length - SHOWN
  const more = rest > 0 ? ` et ${rest} autre${rest > 1 ? 's' : ''} personne${rest > 1 ? 's' : ''}` : ''
  const range = next.start && next.end ? `du ${formatDateFr(next.start)} au ${formatDateFr(next.end)}` : next.start ? `à partir du ${formatDateFr(next.start)}` : `jusqu’au ${formatDateFr(next.end)}`
  return (
    `Dates refusées : la session ${range} laisserait en dehors ce qui est déjà enregistré pour ${items.join(', ')}${more}. ` +
    'Corrigez d’abord ces saisies, ou choisissez des dates qui les incluent ; rien n’a été modifié.'
  )
}

/** Statuses whose planned dates still matter (the path has not ended or been cancelled). */
export const PLAN_FOLLOWING_STATUSES: readonly EnrolmentStatus[] = ['positionne', 'retenu', 'en_attente', 'a_valider', 'inscrit', 'entre']

export type PlannedDates = { start: string | null; end: string | null }

/**
 * The planned dates an enrolment gets when its session moves from `previous` to `next`: a planned
 * start equal to the session's old start follows it, likewise the end; null when nothing follows
 * (an individual plan) or nothing changes. A planned end left before a moved start is brought to
 * the session's new end (the database refuses an end before the start).
 */
export function movedPlan(plan: PlannedDates, previous: DateRange, next: DateRange): PlannedDates | null {
  const startFollows = plan.start !== null && plan.start === previous.start && next.start !== null && next.start !== previous.start
  const endFollows = plan.end !== null && plan.end === previous.end && next.end !== null && next.end !== previous.end
  if (!startFollows && !endFollows) return null
  const start = startFollows ? next.start : plan.start
  let end = endFollows ? next.end : plan.end
  if (start !== null && end !== null && end < start) end = next.end !== null && next.end >= start ? next.end : start
  return { start, end }
}

/** After a change of a session's dates: the enrolments whose planned dates followed the old ones. */
export type EnrolmentDatesProposal = { count: number; names: string[]; previous: DateRange; next: DateRange }

/** « du 04/01/2027 au 25/06/2027 » */
export function rangeFr(r: DateRange): string {
  if (r.start && r.end) return `du ${formatDateFr(r.start)} au ${formatDateFr(r.end)}`
  if (r.start) return `à partir du ${formatDateFr(r.start)}`
  if (r.end) return `jusqu’au ${formatDateFr(r.end)}`
  return 'sans dates'
}

export type EntryCandidate = { name: string; status: EnrolmentStatus; statusSince: string }

/**
 * The warning for an entry dated before the « inscrit » date of some of the people (null when
 * none): the entry is allowed — a prescriber may validate late — but should be checked.
 */
export function entryBeforeEnrolmentWarning(rows: readonly EntryCandidate[], to: EnrolmentStatus, effectiveDate: string | null): string | null {
  if (to !== 'entre' || effectiveDate === null) return null
  const early = rows.filter((r) => r.status === 'inscrit' && effectiveDate < r.statusSince).sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  if (early.length === 0) return null
  const list = early.slice(0, SHOWN).map((r) => `${r.name} (inscription du ${formatDateFr(r.statusSince)})`)
  const more = early.length > SHOWN ? ` et ${early.length - SHOWN} autre${early.length - SHOWN > 1 ? 's' : ''}` : ''
  return (
    `Entrée le ${formatDateFr(effectiveDate)}, avant la date d’inscription de ${list.join(', ')}${more}. ` +
    'Vérifiez la date : une entrée précède rarement la validation de l’inscription.'
  )
}
