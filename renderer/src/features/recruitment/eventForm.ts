import type { RecruitmentEventRow } from '@shared/api/areas/recruitment'
import { formatDateFr, parseFrenchDate } from '@shared/domain/dates'
import { RECRUITMENT_EVENT_KIND_CODES, type RecruitmentEventKind } from '@shared/domain/recruitment'
import { weeklySeriesDates } from '@shared/domain/recruitmentRules'
import { isInvalidInput, parseTimeOfDay } from '../../grid/cellValues'

/** The « Nouveau créneau » form, every field as typed (date jj/mm/aaaa, times 9h30 or 09:30). */
export type EventFormValues = {
  sessionId: string
  kind: string
  date: string
  endDate: string
  startTime: string
  endTime: string
  place: string
  capacity: string
  comment: string
  repeat: boolean
  weeks: string
}
export type EventField = Exclude<keyof EventFormValues, 'repeat'>
export type EventFormErrors = Partial<Record<EventField, string>>

/** What the form sends: the fields of an event row the clerk types. */
export type EventPayload = Pick<RecruitmentEventRow, 'kind' | 'date' | 'endDate' | 'startTime' | 'endTime' | 'place' | 'capacity' | 'comment'>

export function emptyEventForm(sessionId: number | null): EventFormValues {
  return {
    sessionId: sessionId === null ? '' : String(sessionId),
    kind: 'info_session',
    date: '',
    endDate: '',
    startTime: '09:30',
    endTime: '11:30',
    place: '',
    capacity: '12',
    comment: '',
    repeat: false,
    weeks: '6'
  }
}

export function eventToForm(e: RecruitmentEventRow): EventFormValues {
  return {
    sessionId: String(e.sessionId),
    kind: e.kind,
    date: formatDateFr(e.date),
    endDate: formatDateFr(e.endDate),
    startTime: e.startTime ?? '',
    endTime: e.endTime ?? '',
    place: e.place ?? '',
    capacity: e.capacity === null ? '' : String(e.capacity),
    comment: e.comment ?? '',
    repeat: false,
    weeks: '6'
  }
}

const blank = (s: string): boolean => s.trim() === ''

function time(value: string): { value: string | null; error: string | null } {
  const r = parseTimeOfDay(value)
  return isInvalidInput(r) ? { value: null, error: r.message } : { value: r, error: null }
}

export function checkEventField(field: EventField, v: EventFormValues): string | null {
  switch (field) {
    case 'sessionId':
      return blank(v.sessionId) ? 'Choisissez la session.' : null
    case 'kind':
      return (RECRUITMENT_EVENT_KIND_CODES as readonly string[]).includes(v.kind) ? null : 'Choisissez le type de créneau.'
    case 'date': {
      if (blank(v.date)) return 'La date est obligatoire.'
      const r = parseFrenchDate(v.date)
      return r.ok ? null : r.message
    }
    case 'endDate': {
      if (v.kind !== 'application_window' || blank(v.endDate)) return null
      const r = parseFrenchDate(v.endDate)
      if (!r.ok) return r.message
      const d = parseFrenchDate(v.date)
      return d.ok && r.value < d.value ? 'La date de fin précède la date de début.' : null
    }
    case 'startTime':
      return time(v.startTime).error
    case 'endTime': {
      const own = time(v.endTime).error
      if (own) return own
      const a = time(v.startTime).value
      const b = time(v.endTime).value
      return a && b && b <= a ? 'L’heure de fin doit être après l’heure de début.' : null
    }
    case 'capacity': {
      if (blank(v.capacity)) return null
      const n = Number(v.capacity.trim())
      return /^\d+$/.test(v.capacity.trim()) && n >= 1 && n <= 500 ? null : 'La capacité est un nombre de places entre 1 et 500.'
    }
    case 'weeks': {
      if (!v.repeat) return null
      const n = Number(v.weeks.trim())
      return /^\d+$/.test(v.weeks.trim()) && n >= 2 && n <= 52 ? null : 'Entre 2 et 52 semaines.'
    }
    default:
      return null
  }
}

export function validateEventForm(v: EventFormValues): EventFormErrors {
  const errors: EventFormErrors = {}
  for (const field of Object.keys(v) as (keyof EventFormValues)[]) {
    if (field === 'repeat') continue
    const message = checkEventField(field, v)
    if (message) errors[field] = message
  }
  return errors
}

/** Event fields of the contract. Call after validation. */
export function formToEventPayload(v: EventFormValues): EventPayload {
  const date = parseFrenchDate(v.date)
  const end = v.kind === 'application_window' && !blank(v.endDate) ? parseFrenchDate(v.endDate) : null
  return {
    kind: (RECRUITMENT_EVENT_KIND_CODES as readonly string[]).includes(v.kind) ? (v.kind as RecruitmentEventKind) : 'info_session',
    date: date.ok ? date.value : '',
    endDate: end && end.ok ? end.value : null,
    startTime: time(v.startTime).value,
    endTime: time(v.endTime).value,
    place: blank(v.place) ? null : v.place.trim(),
    capacity: blank(v.capacity) ? null : Number(v.capacity.trim()),
    comment: blank(v.comment) ? null : v.comment.trim()
  }
}

/** How many events the form creates (1, or the number of weeks). */
export function repeatCount(v: EventFormValues): number {
  if (!v.repeat) return 1
  const n = Number(v.weeks.trim())
  return Number.isInteger(n) && n >= 1 && n <= 52 ? n : 1
}

/** The dates the form would create, for the preview under the repeat option. */
export function plannedDates(v: EventFormValues): string[] {
  const d = parseFrenchDate(v.date)
  if (!d.ok) return []
  return weeklySeriesDates(d.value, repeatCount(v))
}

/** Only what changed, for recruitment:updateEvent. */
export function eventChanges(before: RecruitmentEventRow, v: EventFormValues): Partial<EventPayload> {
  const next = formToEventPayload(v)
  const changes: Partial<EventPayload> = {}
  for (const k of Object.keys(next) as (keyof EventPayload)[]) {
    if (next[k] !== before[k]) Object.assign(changes, { [k]: next[k] })
  }
  return changes
}
