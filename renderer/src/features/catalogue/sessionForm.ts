import type { z } from 'zod'
import { type EnrolmentDatesProposal, rangeFr } from '@shared/domain/sessionDates'
import type { SessionDetail, SessionInput, SessionPatch } from '@shared/api/areas/catalogue'
import { formatDateFr, parseFrenchDate } from '@shared/domain/dates'
import { formatHours, parseHours } from '@shared/domain/hours'
import { ENTRY_MODE_CODES, RECRUITMENT_STATE_CODES, type EntryMode, type RecruitmentState } from '@shared/domain/recruitment'
import { formatSessionDate } from './catalogueFormat'

/** What the session form edits, every field as typed (dates jj/mm/aaaa, hours 7,5). */
export type SessionFormValues = {
  trainingId: string
  label: string
  intercarifSessionId: string
  startDate: string
  endDate: string
  placeName: string
  placeCity: string
  capacity: string
  entryMode: string
  recruitmentState: string
  hoursCentre: string
  hoursCompany: string
  /** Monday … Sunday. */
  weeklyHours: [string, string, string, string, string, string, string]
  trainerName: string
  referentName: string
  registrationStartDate: string
  registrationEndDate: string
}
export type SessionField = Exclude<keyof SessionFormValues, 'weeklyHours'> | 'weeklyHours'
export type SessionFormErrors = Partial<Record<SessionField, string>>
type SessionPayload = z.input<typeof SessionInput>
type SessionChanges = z.input<typeof SessionPatch>

/**
 * Fields the CARIF-OREF describes for an imported session: read-only here (the server refuses
 * them too). Capacity, recruitment state, hours, planning, trainer and referent stay editable.
 */
export const LHEO_LOCKED_SESSION_FIELDS: readonly SessionField[] = [
  'trainingId',
  'intercarifSessionId',
  'startDate',
  'endDate',
  'placeName',
  'placeCity',
  'entryMode',
  'registrationStartDate',
  'registrationEndDate'
]

export const CARIF_LOCK_EXPLANATION = 'Donnée du catalogue CARIF-OREF : corrigez-la à la source puis réimportez.'

export function emptySessionForm(trainingId: number | null = null): SessionFormValues {
  return {
    trainingId: trainingId === null ? '' : String(trainingId),
    label: '',
    intercarifSessionId: '',
    startDate: '',
    endDate: '',
    placeName: '',
    placeCity: '',
    capacity: '',
    entryMode: 'fixed',
    recruitmentState: 'open',
    hoursCentre: '',
    hoursCompany: '',
    weeklyHours: ['', '', '', '', '', '', ''],
    trainerName: '',
    referentName: '',
    registrationStartDate: '',
    registrationEndDate: ''
  }
}

const hoursOrBlank = (n: number | null | undefined): string => (n == null ? '' : formatHours(n))

export function sessionToForm(s: SessionDetail): SessionFormValues {
  const week = s.weeklyHours ?? []
  return {
    trainingId: String(s.trainingId),
    label: s.label ?? '',
    intercarifSessionId: s.intercarifSessionId ?? '',
    // A partial CARIF date is shown as it is known ("03/2027", "à définir"); it is read-only anyway.
    startDate: s.startPrecision === 'day' ? formatDateFr(s.startDate) : formatSessionDate(s.startDate, s.startPrecision),
    endDate: s.endPrecision === 'day' ? formatDateFr(s.endDate) : formatSessionDate(s.endDate, s.endPrecision),
    placeName: s.placeName ?? '',
    placeCity: s.placeCity ?? '',
    capacity: s.capacity === null ? '' : String(s.capacity),
    entryMode: s.entryMode,
    recruitmentState: s.recruitmentState,
    hoursCentre: hoursOrBlank(s.hoursCentre),
    hoursCompany: hoursOrBlank(s.hoursCompany),
    weeklyHours: [0, 1, 2, 3, 4, 5, 6].map((i) => hoursOrBlank(week[i])) as SessionFormValues['weeklyHours'],
    trainerName: s.trainerName ?? '',
    referentName: s.referentName ?? '',
    registrationStartDate: formatDateFr(s.registrationStartDate),
    registrationEndDate: formatDateFr(s.registrationEndDate)
  }
}

const blank = (s: string): boolean => s.trim() === ''

function dateError(value: string, required: string | null): string | null {
  if (blank(value)) return required
  const r = parseFrenchDate(value)
  return r.ok ? null : r.message
}

function hoursError(value: string, max: number): string | null {
  if (blank(value)) return null
  const r = parseHours(value, { max })
  return r.ok ? null : r.message
}

/** Immediate feedback on one field; `locked` fields (CARIF) are not checked, they are not sent. */
export function checkSessionField(field: SessionField, values: SessionFormValues, locked: readonly SessionField[] = []): string | null {
  if (locked.includes(field)) return null
  switch (field) {
    case 'trainingId':
      return blank(values.trainingId) ? 'Choisissez la formation.' : null
    case 'startDate':
      return dateError(values.startDate, 'La date de début est obligatoire.')
    case 'endDate': {
      const own = dateError(values.endDate, 'La date de fin est obligatoire.')
      if (own) return own
      const start = parseFrenchDate(values.startDate)
      const end = parseFrenchDate(values.endDate)
      return start.ok && end.ok && end.value < start.value ? 'La date de fin précède la date de début.' : null
    }
    case 'registrationStartDate':
      return dateError(values.registrationStartDate, null)
    case 'registrationEndDate': {
      const own = dateError(values.registrationEndDate, null)
      if (own) return own
      const a = parseFrenchDate(values.registrationStartDate)
      const b = parseFrenchDate(values.registrationEndDate)
      return a.ok && b.ok && b.value < a.value ? 'La fin des inscriptions précède leur début.' : null
    }
    case 'capacity': {
      if (blank(values.capacity)) return null
      const n = Number(values.capacity.trim())
      return /^\d+$/.test(values.capacity.trim()) && n <= 1000 ? null : 'La capacité est un nombre de places entre 0 et 1 000.'
    }
    case 'hoursCentre':
      return hoursError(values.hoursCentre, 10_000)
    case 'hoursCompany':
      return hoursError(values.hoursCompany, 10_000)
    case 'weeklyHours': {
      for (const h of values.weeklyHours) {
        const e = hoursError(h, 24)
        if (e) return e
      }
      return null
    }
    default:
      return null
  }
}

export function validateSessionForm(values: SessionFormValues, locked: readonly SessionField[] = []): SessionFormErrors {
  const errors: SessionFormErrors = {}
  const fields: SessionField[] = [...(Object.keys(values) as SessionField[])]
  for (const field of fields) {
    const message = checkSessionField(field, values, locked)
    if (message) errors[field] = message
  }
  return errors
}

const orNull = (s: string): string | null => (blank(s) ? null : s.trim())
const isoOrNull = (s: string): string | null => {
  if (blank(s)) return null
  const r = parseFrenchDate(s)
  return r.ok ? r.value : null
}
const hoursOrNull = (s: string, max: number): number | null => {
  if (blank(s)) return null
  const r = parseHours(s, { max })
  return r.ok ? r.value : null
}

/** Monday … Sunday, or null when no day is filled in. */
function weekly(values: SessionFormValues): number[] | null {
  if (values.weeklyHours.every(blank)) return null
  return values.weeklyHours.map((h) => hoursOrNull(h, 24) ?? 0)
}

function pickEntryMode(s: string): EntryMode {
  return (ENTRY_MODE_CODES as readonly string[]).includes(s) ? (s as EntryMode) : 'fixed'
}
function pickState(s: string): RecruitmentState {
  return (RECRUITMENT_STATE_CODES as readonly string[]).includes(s) ? (s as RecruitmentState) : 'open'
}

/** The contract's input of sessions:create. Call after validation. */
export function formToSessionInput(v: SessionFormValues): SessionPayload {
  return {
    trainingId: Number(v.trainingId),
    label: orNull(v.label),
    intercarifSessionId: orNull(v.intercarifSessionId),
    startDate: isoOrNull(v.startDate) ?? '',
    endDate: isoOrNull(v.endDate) ?? '',
    placeName: orNull(v.placeName),
    placeCity: orNull(v.placeCity),
    capacity: blank(v.capacity) ? null : Number(v.capacity.trim()),
    entryMode: pickEntryMode(v.entryMode),
    recruitmentState: pickState(v.recruitmentState),
    hoursCentre: hoursOrNull(v.hoursCentre, 10_000),
    hoursCompany: hoursOrNull(v.hoursCompany, 10_000),
    weeklyHours: weekly(v),
    trainerName: orNull(v.trainerName),
    referentName: orNull(v.referentName),
    registrationStartDate: isoOrNull(v.registrationStartDate),
    registrationEndDate: isoOrNull(v.registrationEndDate)
  }
}

/** Only the fields that changed and may change (locked CARIF fields are never sent). */
export function sessionChanges(before: SessionDetail, v: SessionFormValues, locked: readonly SessionField[]): SessionChanges {
  const next = formToSessionInput(v)
  const current = formToSessionInput(sessionToForm(before))
  const changes: SessionChanges = {}
  for (const k of Object.keys(next) as (keyof SessionPayload)[]) {
    if (k === 'trainingId' || locked.includes(k)) continue
    if (JSON.stringify(next[k]) !== JSON.stringify(current[k])) Object.assign(changes, { [k]: next[k] })
  }
  return changes
}

export function sessionIssuesToErrors(issues: { path: string; message: string }[] | undefined): SessionFormErrors {
  const errors: SessionFormErrors = {}
  const fields = Object.keys(emptySessionForm())
  for (const issue of issues ?? []) {
    const field = issue.path.replace(/^changes\./, '').split('.')[0] ?? ''
    if (fields.includes(field) && !errors[field as SessionField]) errors[field as SessionField] = issue.message
  }
  return errors
}

/**
 * The second step after a change of a session's dates: the question about the enrolments whose
 * planned dates followed the old ones (« 3 inscriptions ont un parcours prévu du … »).
 */
export function enrolmentDatesQuestion(p: EnrolmentDatesProposal): { text: string; names: string } {
  const many = p.count > 1
  const text =
    `${many ? `${p.count} inscriptions ont` : 'Une inscription a'} un parcours prévu ${rangeFr(p.previous)}, les anciennes dates de la session. ` +
    `${many ? 'Les déplacer' : 'Le déplacer'} aux nouvelles dates, ${rangeFr(p.next)} ?`
  const shown = p.names.join(', ')
  const names = p.count > p.names.length ? `${shown} et ${p.count - p.names.length} autre${p.count - p.names.length > 1 ? 's' : ''}` : shown
  return { text, names }
}
