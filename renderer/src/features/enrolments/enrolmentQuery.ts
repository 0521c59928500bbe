import type { EnrolmentFilter } from '@shared/api/areas/enrolments'
import { isIsoDate } from '@shared/domain/dates'
import { ENROLMENT_STATUS_CODES, type EnrolmentStatus } from '@shared/domain/enrolment'

/*
 * The enrolments grid keeps its filter in the URL query, with the very names of the contract's
 * `EnrolmentFilter` (`#/inscriptions?declaration=en_retard&today=2026-11-22`): a dashboard counter
 * opens the grid on exactly its rows, and a link can be bookmarked or sent to a colleague.
 * Pure: URLSearchParams in, filter out, and back.
 */

export type DeclarationFilter = NonNullable<EnrolmentFilter['declaration']>
export type EntryFilter = NonNullable<EnrolmentFilter['entry']>

export type EnrolmentQuery = {
  /** null: every status. */
  statuses: EnrolmentStatus[] | null
  sessionId: number | null
  traineeId: number | null
  declaration: DeclarationFilter | null
  entry: EntryFilter | null
  search: string
  /** The day the deadline states are computed for; null: today. */
  today: string | null
}

export const EMPTY_QUERY: EnrolmentQuery = { statuses: null, sessionId: null, traineeId: null, declaration: null, entry: null, search: '', today: null }

const DECLARATIONS: readonly DeclarationFilter[] = ['a_faire', 'en_retard', 'any_pending']
const ENTRIES: readonly EntryFilter[] = ['a_faire', 'en_retard']
/** Written in the URL when the user asks for every status on a grid whose default is narrower. */
export const ALL_STATUSES = 'tous'

const positiveId = (raw: string | null): number | null => {
  if (raw === null || !/^\d{1,12}$/.test(raw)) return null
  const n = Number(raw)
  return n > 0 ? n : null
}

const isStatus = (s: string): s is EnrolmentStatus => (ENROLMENT_STATUS_CODES as readonly string[]).includes(s)

/**
 * Reads the query; unknown or malformed values are ignored rather than refused (an old bookmark
 * still opens the grid). `defaultStatuses` applies when the URL says nothing about statuses.
 */
export function parseEnrolmentQuery(params: URLSearchParams, defaultStatuses: readonly EnrolmentStatus[] | null = null): EnrolmentQuery {
  const rawStatuses = params.get('statuses')
  let statuses: EnrolmentStatus[] | null
  if (rawStatuses === null) statuses = defaultStatuses ? [...defaultStatuses] : null
  else if (rawStatuses === ALL_STATUSES || rawStatuses === '') statuses = null
  else {
    const list = [...new Set(rawStatuses.split(',').map((s) => s.trim()).filter(isStatus))]
    statuses = list.length > 0 ? ENROLMENT_STATUS_CODES.filter((s) => list.includes(s)) : null
  }
  const declaration = params.get('declaration')
  const entry = params.get('entry')
  const today = params.get('today')
  return {
    statuses,
    sessionId: positiveId(params.get('sessionId')),
    traineeId: positiveId(params.get('traineeId')),
    declaration: DECLARATIONS.find((d) => d === declaration) ?? null,
    entry: ENTRIES.find((e) => e === entry) ?? null,
    search: (params.get('search') ?? '').slice(0, 200),
    today: today !== null && isIsoDate(today) ? today : null
  }
}

/** The contract's filter for a query; a session page fixes the session whatever the URL says. */
export function toEnrolmentFilter(q: EnrolmentQuery, fixedSessionId: number | null = null): EnrolmentFilter {
  const sessionId = fixedSessionId ?? q.sessionId
  const search = q.search.trim()
  return {
    ...(q.statuses !== null ? { statuses: q.statuses } : {}),
    ...(sessionId !== null ? { sessionId } : {}),
    ...(q.traineeId !== null ? { traineeId: q.traineeId } : {}),
    ...(q.declaration !== null ? { declaration: q.declaration } : {}),
    ...(q.entry !== null ? { entry: q.entry } : {}),
    ...(search !== '' ? { search } : {}),
    ...(q.today !== null ? { today: q.today } : {})
  }
}

/**
 * The URL query of a filter, keys in a stable order. With `defaultStatuses`, « every status » has
 * to be written explicitly (`statuses=tous`), since an absent key means the default.
 */
export function enrolmentSearch(filter: EnrolmentFilter, defaultStatuses: readonly EnrolmentStatus[] | null = null): string {
  const p = new URLSearchParams()
  if (filter.statuses !== undefined && filter.statuses.length > 0) {
    const sorted = ENROLMENT_STATUS_CODES.filter((s) => filter.statuses?.includes(s))
    const isDefault = defaultStatuses !== null && sorted.length === defaultStatuses.length && sorted.every((s) => defaultStatuses.includes(s))
    if (!isDefault) p.set('statuses', sorted.join(','))
  } else if (defaultStatuses !== null) p.set('statuses', ALL_STATUSES)
  if (filter.sessionId !== undefined) p.set('sessionId', String(filter.sessionId))
  if (filter.traineeId !== undefined) p.set('traineeId', String(filter.traineeId))
  if (filter.declaration !== undefined) p.set('declaration', filter.declaration)
  if (filter.entry !== undefined) p.set('entry', filter.entry)
  if (filter.search !== undefined && filter.search.trim() !== '') p.set('search', filter.search.trim())
  if (filter.today !== undefined) p.set('today', filter.today)
  return p.toString()
}

/** The Inscriptions screen on exactly these rows: what a dashboard counter links to. */
export function enrolmentsPath(filter: EnrolmentFilter): string {
  const search = enrolmentSearch(filter)
  return search ? `/inscriptions?${search}` : '/inscriptions'
}

/** Toggles one status chip; an empty choice means every status. */
export function toggleStatus(current: readonly EnrolmentStatus[] | null, status: EnrolmentStatus): EnrolmentStatus[] | null {
  const set = new Set(current ?? [])
  if (set.has(status)) set.delete(status)
  else set.add(status)
  const next = ENROLMENT_STATUS_CODES.filter((s) => set.has(s))
  return next.length === 0 ? null : next
}

/** The « Échéance » select: one value for the two deadline filters. */
export type DeadlineChoice = '' | `declaration:${DeclarationFilter}` | `entry:${EntryFilter}`

export const DEADLINE_CHOICES: { value: DeadlineChoice; label: string }[] = [
  { value: '', label: 'Toutes les échéances' },
  { value: 'declaration:any_pending', label: 'KAIROS : à déclarer' },
  { value: 'declaration:a_faire', label: 'KAIROS : dans le délai' },
  { value: 'declaration:en_retard', label: 'KAIROS : en retard' },
  { value: 'entry:a_faire', label: 'Entrée à saisir' },
  { value: 'entry:en_retard', label: 'Entrée en retard' }
]

export function deadlineChoice(q: Pick<EnrolmentQuery, 'declaration' | 'entry'>): DeadlineChoice {
  if (q.declaration !== null) return `declaration:${q.declaration}`
  if (q.entry !== null) return `entry:${q.entry}`
  return ''
}

export function applyDeadlineChoice(q: EnrolmentQuery, choice: string): EnrolmentQuery {
  const [kind, value] = choice.split(':')
  return {
    ...q,
    declaration: kind === 'declaration' ? (DECLARATIONS.find((d) => d === value) ?? null) : null,
    entry: kind === 'entry' ? (ENTRIES.find((e) => e === value) ?? null) : null
  }
}

/** The URL keys the enrolments grid owns; the page's other keys (a session tab…) are left alone. */
const OWN_KEYS = ['statuses', 'sessionId', 'traineeId', 'declaration', 'entry', 'search', 'today']

/**
 * The page's address with the grid's query replaced: the grid's own keys rewritten, the others
 * kept; a session page does not repeat its session.
 */
export function withEnrolmentQuery(params: URLSearchParams, next: EnrolmentQuery, defaultStatuses: readonly EnrolmentStatus[] | null, fixedSessionId: number | null): URLSearchParams {
  const own = new URLSearchParams(enrolmentSearch(toEnrolmentFilter(next, null), defaultStatuses))
  if (fixedSessionId !== null) own.delete('sessionId')
  const merged = new URLSearchParams(params)
  for (const k of OWN_KEYS) merged.delete(k)
  own.forEach((v, k) => merged.set(k, v))
  return merged
}
