import type { RecruitmentEventRow, RegistrationRow } from '@shared/api/areas/recruitment'
import { dayOfWeek, formatDateFr, isIsoDate } from '@shared/domain/dates'
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '@shared/domain/enrolment'
import { PRESENCES, RECRUITMENT_EVENT_KINDS, REGISTRATION_RESULTS, type Presence, type RegistrationResult } from '@shared/domain/recruitment'
import { placesLeft } from '@shared/domain/recruitmentRules'
import { foldForSearch } from '@shared/domain/text'
import { PRESCRIBERS } from '@shared/domain/trainee'

/* Pure formatters of the recruitment screen: what the grids, dialogs and CSV export show. */

const WEEKDAYS = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'] as const

/** "mar. 12/01/2027" */
export function dateWithWeekday(iso: string | null): string {
  if (!iso || !isIsoDate(iso)) return iso ?? ''
  return `${WEEKDAYS[dayOfWeek(iso) - 1] ?? ''} ${formatDateFr(iso)}`
}

/** "09:30 – 11:30", "à partir de 09:30", "" */
export function timeRangeText(start: string | null, end: string | null): string {
  if (start && end) return `${start} – ${end}`
  if (start) return `à partir de ${start}`
  if (end) return `jusqu’à ${end}`
  return ''
}

/** When: "mar. 12/01/2027, 09:30 – 11:30", or a period for an application window. */
export function eventWhenText(e: Pick<RecruitmentEventRow, 'date' | 'endDate' | 'startTime' | 'endTime'>): string {
  const day = e.endDate && e.endDate !== e.date ? `du ${dateWithWeekday(e.date)} au ${dateWithWeekday(e.endDate)}` : dateWithWeekday(e.date)
  const time = timeRangeText(e.startTime, e.endTime)
  return time ? `${day}, ${time}` : day
}

export function eventKindLabel(e: Pick<RecruitmentEventRow, 'kind'>): string {
  return RECRUITMENT_EVENT_KINDS[e.kind]
}

/** "Information collective du mar. 12/01/2027 (09:30 – 11:30)" */
export function eventTitle(e: Pick<RecruitmentEventRow, 'kind' | 'date' | 'endDate' | 'startTime' | 'endTime'>): string {
  const time = timeRangeText(e.startTime, e.endTime)
  const day = e.endDate && e.endDate !== e.date ? `du ${dateWithWeekday(e.date)} au ${dateWithWeekday(e.endDate)}` : `du ${dateWithWeekday(e.date)}`
  return `${RECRUITMENT_EVENT_KINDS[e.kind]} ${day}${time ? ` (${time})` : ''}`
}

/** "5 / 12" positionnés over capacity, "5" without limit. */
export function bookedText(booked: number, capacity: number | null): string {
  return capacity === null ? String(booked) : `${booked} / ${capacity}`
}

export type EventState = 'cancelled' | 'past' | 'today' | 'upcoming'

export function eventState(e: Pick<RecruitmentEventRow, 'cancelled' | 'date' | 'endDate'>, today: string): EventState {
  if (e.cancelled) return 'cancelled'
  const last = e.endDate ?? e.date
  if (last < today) return 'past'
  if (e.date <= today) return 'today'
  return 'upcoming'
}

export const EVENT_STATE_LABELS: Record<EventState, string> = { cancelled: 'Annulé', past: 'Passé', today: 'Aujourd’hui', upcoming: 'À venir' }

/** "Annulé — Formateur absent", "À venir". */
export function eventStateText(e: Pick<RecruitmentEventRow, 'cancelled' | 'date' | 'endDate' | 'cancelReason'>, today: string): string {
  const state = eventState(e, today)
  if (state === 'cancelled') return e.cancelReason ? `Annulé — ${e.cancelReason}` : 'Annulé'
  return EVENT_STATE_LABELS[state]
}

/** "3 places libres", "complet", "" without limit. */
export function placesLeftText(capacity: number | null, booked: number): string {
  const left = placesLeft(capacity, booked)
  if (left === null) return 'sans limite de places'
  if (left === 0) return 'complet'
  return left === 1 ? '1 place libre' : `${left} places libres`
}

export function presenceLabel(p: Presence): string {
  return PRESENCES[p]
}

export function resultLabel(r: RegistrationResult | null): string {
  return r === null ? '' : REGISTRATION_RESULTS[r].label
}

/** "Retenu (ICR)", "Non retenu (ICN)", "Absent (ICA)", "En attente", "". */
export function outcomeText(row: Pick<RegistrationRow, 'presence' | 'result' | 'resultCode'>): string {
  if (row.presence === 'absent') return `Absent${row.resultCode ? ` (${row.resultCode})` : ''}`
  const label = resultLabel(row.result)
  if (!label) return ''
  return row.resultCode ? `${label} (${row.resultCode})` : label
}

export function enrolmentStatusLabel(s: EnrolmentStatus | null): string {
  return s === null ? '' : ENROLMENT_STATUSES[s]
}

/**
 * Who sent the candidate, without saying it twice: "France Travail Lanester" (the agency already
 * names the prescriber), "Autre · Association Emploi 56", "Candidature spontanée", "".
 */
export function prescriberText(row: Pick<RegistrationRow, 'prescriber' | 'prescriberAgency'>): string {
  const label = row.prescriber ? PRESCRIBERS[row.prescriber] : ''
  const agency = row.prescriberAgency?.trim() ?? ''
  if (!agency) return label
  if (!label || foldForSearch(agency).startsWith(foldForSearch(label))) return agency
  return `${label} · ${agency}`
}

/** "Sophie Le Bihan <s.lebihan@ml-lorient.fr>" (pastes into a mail client), "Sophie Le Bihan", "". */
export function adviserText(row: Pick<RegistrationRow, 'adviserName' | 'adviserEmail'>): string {
  const name = row.adviserName?.trim() ?? ''
  const email = row.adviserEmail?.trim() ?? ''
  if (name && email) return `${name} <${email}>`
  return name || email
}

/** "Dupont Marie, Martin Paul et 3 autres" for confirmations and toasts. */
export function peopleText(rows: Pick<RegistrationRow, 'lastName' | 'firstName'>[], max = 3): string {
  const names = rows.map((r) => `${r.lastName} ${r.firstName}`)
  if (names.length <= max) return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} et ${names[names.length - 1] ?? ''}`
  const rest = names.length - max
  return `${names.slice(0, max).join(', ')} et ${rest} autre${rest > 1 ? 's' : ''}`
}

/** "mar. 05/01/2027, 12/01, 19/01 et 26/01/2027" for a weekly series preview. */
export function seriesText(dates: string[]): string {
  const first = dates[0]
  if (first === undefined) return ''
  if (dates.length === 1) return dateWithWeekday(first)
  const last = formatDateFr(dates[dates.length - 1] ?? '')
  const middle = dates.slice(1, -1).map((d) => formatDateFr(d).slice(0, 5))
  if (middle.length === 0) return `${dateWithWeekday(first)} et ${last}`
  return `${dateWithWeekday(first)}, ${middle.join(', ')} et ${last}`
}
