// Reading registrations and their events, as rows for the screen or as the cores the operations check.
import type { RegistrationRow } from '@shared/api/areas/recruitment'
import { AppError } from '@shared/api/result'
import { formatDateFr } from '@shared/domain/dates'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import { RECRUITMENT_EVENT_KINDS, type Presence, type RecruitmentEventKind, type RegistrationResult } from '@shared/domain/recruitment'
import type { Db } from '../../db/open'
import { names } from './registrationWords'


export type RawRegistration = Omit<RegistrationRow, 'transferredFrom'> & {
  fromDate: string | null
  fromKind: RecruitmentEventKind | null
  fromCancelled: number | null
}

// The enrolment is found by (session, trainee), its unique key; the last transfer by its index.
export const REGISTRATION_SELECT = `
  SELECT g.id, g.event_id AS eventId, g.trainee_id AS traineeId, tr.last_name AS lastName, tr.first_name AS firstName,
         tr.ft_id AS ftId, tr.phone, tr.email, tr.prescriber, tr.prescriber_agency AS prescriberAgency,
         tr.adviser_name AS adviserName, tr.adviser_email AS adviserEmail, g.presence, g.result, g.result_code AS resultCode,
         e.id AS enrolmentId, e.status AS enrolmentStatus, g.comment,
         fe.date AS fromDate, fe.kind AS fromKind, fe.cancelled_at IS NOT NULL AS fromCancelled
  FROM registration g
  JOIN trainee tr ON tr.id = g.trainee_id
  JOIN recruitment_event r ON r.id = g.event_id
  LEFT JOIN enrolment e ON e.session_id = r.session_id AND e.trainee_id = g.trainee_id
  LEFT JOIN registration_transfer x ON x.id = (SELECT max(y.id) FROM registration_transfer y WHERE y.registration_id = g.id)
  LEFT JOIN recruitment_event fe ON fe.id = x.from_event_id`
export const ORDER = 'ORDER BY tr.last_name COLLATE NOCASE, tr.first_name COLLATE NOCASE, g.id'

export function toRow(raw: RawRegistration): RegistrationRow {
  const { fromDate, fromKind, fromCancelled, ...rest } = raw
  return {
    ...rest,
    transferredFrom:
      fromDate === null || fromKind === null
        ? null
        : `transféré depuis : ${RECRUITMENT_EVENT_KINDS[fromKind]} du ${formatDateFr(fromDate)}${fromCancelled === 1 ? ' (annulée)' : ''}`
  }
}


export function rowsByIds(db: Db, ids: number[]): RegistrationRow[] {
  return (db.prepare<unknown[], RawRegistration>(`${REGISTRATION_SELECT} WHERE g.id IN (SELECT value FROM json_each(?)) ${ORDER}`).all(JSON.stringify(ids))).map(toRow)
}

export function getRegistration(db: Db, id: number): RegistrationRow {
  const row = rowsByIds(db, [id])[0]
  if (!row) throw new AppError('not_found', `Le positionnement n° ${id} est introuvable (il a peut-être été supprimé).`)
  return row
}

export type EventCore = {
  id: number
  session_id: number
  kind: RecruitmentEventKind
  date: string
  capacity: number | null
  cancelled_at: string | null
  booked: number
}

export function eventCore(db: Db, id: number): EventCore {
  const e = db
    .prepare<unknown[], EventCore>(
      `SELECT r.id, r.session_id, r.kind, r.date, r.capacity, r.cancelled_at,
              (SELECT count(*) FROM registration g WHERE g.event_id = r.id) AS booked
       FROM recruitment_event r WHERE r.id = ?`
    )
    .get(id)
  if (!e) throw new AppError('not_found', `La réunion de recrutement n° ${id} est introuvable (elle a peut-être été supprimée).`)
  return e
}

export function assertEventExists(db: Db, id: number): void {
  eventCore(db, id)
}

export type RegistrationCore = {
  id: number
  event_id: number
  trainee_id: number
  presence: Presence
  result: RegistrationResult | null
  result_code: string | null
  last_name: string
  first_name: string
  session_id: number
  event_date: string
  event_kind: RecruitmentEventKind
  event_cancelled: number
  enrolment_id: number | null
  enrolment_status: EnrolmentStatus | null
  enrolment_registration_id: number | null
}

export function coresByIds(db: Db, ids: number[]): RegistrationCore[] {
  const unique = [...new Set(ids)]
  const rows = db
    .prepare<unknown[], RegistrationCore>(
      `SELECT g.id, g.event_id, g.trainee_id, g.presence, g.result, g.result_code, tr.last_name, tr.first_name,
              r.session_id, r.date AS event_date, r.kind AS event_kind, r.cancelled_at IS NOT NULL AS event_cancelled,
              e.id AS enrolment_id, e.status AS enrolment_status, e.registration_id AS enrolment_registration_id
       FROM registration g
       JOIN trainee tr ON tr.id = g.trainee_id
       JOIN recruitment_event r ON r.id = g.event_id
       LEFT JOIN enrolment e ON e.session_id = r.session_id AND e.trainee_id = g.trainee_id
       WHERE g.id IN (SELECT value FROM json_each(?))
       ORDER BY tr.last_name COLLATE NOCASE, tr.first_name COLLATE NOCASE, g.id`
    )
    .all(JSON.stringify(unique))
  const missing = unique.filter((id) => !rows.some((r) => r.id === id))
  if (missing.length > 0) {
    throw new AppError('not_found', `Positionnement${missing.length > 1 ? 's' : ''} introuvable${missing.length > 1 ? 's' : ''} : n° ${missing.join(', ')} (la liste a peut-être changé : rechargez-la).`)
  }
  return rows
}

export function assertNotCancelled(rows: RegistrationCore[]): void {
  const onCancelled = rows.filter((r) => r.event_cancelled === 1)
  if (onCancelled.length > 0) {
    throw new AppError(
      'refused',
      `La réunion est annulée pour ${names(onCancelled)} : transférez ces personnes sur une autre date avant de saisir leur présence ou leur résultat.`
    )
  }
}
