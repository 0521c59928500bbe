import type { z } from 'zod'
import type { RegistrationRow } from '../../../../shared/api/areas/recruitment'
import type { TraineeInput } from '../../../../shared/api/areas/trainees'
import { AppError } from '../../../../shared/api/result'
import { formatDateFr, todayIso } from '../../../../shared/domain/dates'
import type { EnrolmentStatus } from '../../../../shared/domain/enrolment'
import { ENROLMENT_STATUSES } from '../../../../shared/domain/enrolment'
import { RECRUITMENT_EVENT_KINDS, type Presence, type RecruitmentEventKind, type RegistrationResult } from '../../../../shared/domain/recruitment'
import {
  canReceiveResult,
  canUndoRetained,
  checkCapacity,
  inTab,
  plannedHours,
  resultCodeFor,
  retainedSince,
  type RegistrationTab
} from '../../../../shared/domain/recruitmentRules'
import type { Db } from '../../db/open'
import { oneRow } from '../../db/oneRow'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { createTrainee } from '../trainees/traineeService'

type NewTrainee = z.output<typeof TraineeInput>

type RawRegistration = Omit<RegistrationRow, 'transferredFrom'> & {
  fromDate: string | null
  fromKind: RecruitmentEventKind | null
  fromCancelled: number | null
}

// The enrolment is found by (session, trainee), its unique key; the last transfer by its index.
const REGISTRATION_SELECT = `
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
const ORDER = 'ORDER BY tr.last_name COLLATE NOCASE, tr.first_name COLLATE NOCASE, g.id'

function toRow(raw: RawRegistration): RegistrationRow {
  const { fromDate, fromKind, fromCancelled, ...rest } = raw
  return {
    ...rest,
    transferredFrom:
      fromDate === null || fromKind === null
        ? null
        : `transféré depuis : ${RECRUITMENT_EVENT_KINDS[fromKind]} du ${formatDateFr(fromDate)}${fromCancelled === 1 ? ' (annulée)' : ''}`
  }
}

export function listRegistrations(db: Db, eventId: number, tab: RegistrationTab): RegistrationRow[] {
  assertEventExists(db, eventId)
  const rows = (db.prepare<unknown[], RawRegistration>(`${REGISTRATION_SELECT} WHERE g.event_id = ? ${ORDER}`).all(eventId)).map(toRow)
  return rows.filter((r) => inTab(tab, r.presence, r.result))
}

function rowsByIds(db: Db, ids: number[]): RegistrationRow[] {
  return (db.prepare<unknown[], RawRegistration>(`${REGISTRATION_SELECT} WHERE g.id IN (SELECT value FROM json_each(?)) ${ORDER}`).all(JSON.stringify(ids))).map(toRow)
}

function getRegistration(db: Db, id: number): RegistrationRow {
  const row = rowsByIds(db, [id])[0]
  if (!row) throw new AppError('not_found', `Le positionnement n° ${id} est introuvable (il a peut-être été supprimé).`)
  return row
}

type EventCore = {
  id: number
  session_id: number
  kind: RecruitmentEventKind
  date: string
  capacity: number | null
  cancelled_at: string | null
  booked: number
}

function eventCore(db: Db, id: number): EventCore {
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

function assertEventExists(db: Db, id: number): void {
  eventCore(db, id)
}

const ARTICLES: Record<RecruitmentEventKind, string> = { info_session: 'l’', appointment: 'le ', application_window: 'le ' }
/** "l’information collective du 12/11/2026", "le rendez-vous individuel du …". */
const eventName = (e: { kind: RecruitmentEventKind; date: string }) =>
  `${ARTICLES[e.kind]}${RECRUITMENT_EVENT_KINDS[e.kind].toLocaleLowerCase('fr')} du ${formatDateFr(e.date)}`
const feminine = (kind: RecruitmentEventKind) => kind === 'info_session'
const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase('fr') + s.slice(1)
const fullName = (p: { last_name: string; first_name: string }) => `${p.last_name} ${p.first_name}`
const names = (list: { last_name: string; first_name: string }[]) => list.map(fullName).join(', ')

export type Booking = { eventId: number; traineeIds: number[]; newTrainees: NewTrainee[] }

/**
 * Books existing and new people on an event, all or nothing: a cancelled event, a booking that
 * does not fit, someone already booked here or on another slot of the same session refuse the
 * whole booking. New people go through the trainee registry's own creation.
 */
export function bookTrainees(ctx: ServiceContext, booking: Booking): RegistrationRow[] {
  const db = ctx.db
  return db.transaction(() => {
    const event = eventCore(db, booking.eventId)
    if (event.cancelled_at !== null) {
      throw new AppError('refused', `${capitalised(eventName(event))} est annulé${feminine(event.kind) ? 'e' : ''} : plus aucun positionnement n’y est possible. Choisissez une autre date.`)
    }
    const ids = [...new Set(booking.traineeIds)]
    const people = db
      .prepare<unknown[], { id: number; last_name: string; first_name: string }>('SELECT id, last_name, first_name FROM trainee WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids))
    const missing = ids.filter((id) => !people.some((p) => p.id === id))
    if (missing.length > 0) {
      throw new AppError('not_found', `Stagiaire${missing.length > 1 ? 's' : ''} introuvable${missing.length > 1 ? 's' : ''} : n° ${missing.join(', ')}.`)
    }
    const booked = db
      .prepare<unknown[], { trainee_id: number; event_id: number; kind: RecruitmentEventKind; date: string }>(
        `SELECT g.trainee_id, r.id AS event_id, r.kind, r.date
         FROM registration g JOIN recruitment_event r ON r.id = g.event_id
         WHERE g.trainee_id IN (SELECT value FROM json_each(?)) AND r.session_id = ? AND r.cancelled_at IS NULL
         ORDER BY r.date`
      )
      .all(JSON.stringify(ids), event.session_id)
    const here = people.filter((p) => booked.some((b) => b.trainee_id === p.id && b.event_id === event.id))
    if (here.length > 0) {
      throw new AppError('conflict', `Déjà positionné${here.length > 1 ? 's' : ''} sur cette réunion : ${names(here)}.`)
    }
    const elsewhere = people.flatMap((p) => {
      const b = booked.find((x) => x.trainee_id === p.id)
      return b ? [`${fullName(p)} (${eventName(b)})`] : []
    })
    if (elsewhere.length > 0) {
      throw new AppError(
        'conflict',
        `Déjà positionné${elsewhere.length > 1 ? 's' : ''} sur une autre réunion de cette session : ${elsewhere.join(', ')}. ` +
          'Utilisez « Transférer » pour déplacer un positionnement d’une date à l’autre.'
      )
    }
    const capacity = checkCapacity(event.capacity, event.booked, ids.length + booking.newTrainees.length)
    if (!capacity.ok) throw new AppError('refused', capacity.message)

    const created = booking.newTrainees.map((t) => createTrainee(ctx, t).id)
    const insert = db.prepare(
      `INSERT INTO registration (event_id, trainee_id, presence, created_at, updated_at) VALUES (?, ?, 'unknown', ?, ?)`
    )
    const now = nowIso(ctx.clock)
    const registrationIds = [...ids, ...created].map((traineeId) => Number(insert.run(event.id, traineeId, now, now).lastInsertRowid))
    const rows = rowsByIds(db, registrationIds)
    for (const row of rows) recordAudit(ctx, { operation: 'registrations.book', entity: 'registration', entityId: row.id, after: row })
    return rows
  })()
}

type RegistrationCore = {
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

function coresByIds(db: Db, ids: number[]): RegistrationCore[] {
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

function assertNotCancelled(rows: RegistrationCore[]): void {
  const onCancelled = rows.filter((r) => r.event_cancelled === 1)
  if (onCancelled.length > 0) {
    throw new AppError(
      'refused',
      `La réunion est annulée pour ${names(onCancelled)} : transférez ces personnes sur une autre date avant de saisir leur présence ou leur résultat.`
    )
  }
}

const UPDATE_OUTCOME = `
  UPDATE registration SET presence = @presence, result = @result, result_code = @resultCode, result_at = @resultAt, updated_at = @now
  WHERE id = @id`

/** Presence of several people at once; an absent person is ICA and loses any result. */
export function setPresence(ctx: ServiceContext, ids: number[], presence: Presence): RegistrationRow[] {
  const db = ctx.db
  return db.transaction(() => {
    const rows = coresByIds(db, ids)
    assertNotCancelled(rows)
    const retained = presence === 'present' ? [] : rows.filter((r) => r.result === 'retenu')
    if (retained.length > 0) {
      throw new AppError(
        'refused',
        `${names(retained)} ${retained.length > 1 ? 'sont retenus' : 'est retenu(e)'} : effacez d’abord le résultat avant de changer la présence.`
      )
    }
    const update = db.prepare(UPDATE_OUTCOME)
    const now = nowIso(ctx.clock)
    const before = rowsByIds(db, ids)
    for (const r of rows) {
      const result = presence === 'present' ? r.result : null
      const resultCode = resultCodeFor(presence, result)
      if (r.presence === presence && r.result === result && r.result_code === resultCode) continue
      update.run({ id: r.id, presence, result, resultCode, resultAt: resultCode === null ? null : now, now })
    }
    return audited(ctx, 'registrations.setPresence', before, rowsByIds(db, ids))
  })()
}

/**
 * Results of several present people at once. Retenu (ICR) creates the enrolment in status
 * retenu, or takes up the one that exists; leaving retenu undoes it while the enrolment has not
 * moved on.
 */
export function setResult(ctx: ServiceContext, ids: number[], result: RegistrationResult | null): RegistrationRow[] {
  const db = ctx.db
  return db.transaction(() => {
    const rows = coresByIds(db, ids)
    assertNotCancelled(rows)
    const notPresent = rows.filter((r) => !canReceiveResult(r.presence))
    if (notPresent.length > 0) {
      throw new AppError(
        'refused',
        `Seules les personnes présentes reçoivent un résultat ; ce n’est pas le cas de : ${notPresent
          .map((r) => `${fullName(r)} (${r.presence === 'absent' ? 'absent' : 'présence non renseignée'})`)
          .join(', ')}.`
      )
    }
    const movedOn = rows.filter((r) => r.result === 'retenu' && result !== 'retenu' && r.enrolment_status !== null && !canUndoRetained(r.enrolment_status))
    if (movedOn.length > 0) {
      throw new AppError(
        'refused',
        `Le résultat ne peut plus être changé ici : l’inscription en formation a déjà avancé pour ${movedOn
          .map((r) => `${fullName(r)} (${ENROLMENT_STATUSES[r.enrolment_status ?? 'retenu']})`)
          .join(', ')}. Modifiez plutôt l’inscription.`
      )
    }
    const before = rowsByIds(db, ids)
    const update = db.prepare(UPDATE_OUTCOME)
    const now = nowIso(ctx.clock)
    for (const r of rows) {
      if (r.result === result) continue
      if (r.result === 'retenu') undoRetained(ctx, r, result)
      if (result === 'retenu') retain(ctx, r)
      const resultCode = resultCodeFor(r.presence, result)
      update.run({ id: r.id, presence: r.presence, result, resultCode, resultAt: result === null ? null : now, now })
    }
    return audited(ctx, 'registrations.setResult', before, rowsByIds(db, ids))
  })()
}

type SessionPlan = { start_date: string | null; end_date: string | null; hours: number | null }

/** Creates the enrolment in status retenu (or takes up the existing one) with its history event. */
function retain(ctx: ServiceContext, r: RegistrationCore): void {
  const db = ctx.db
  const today = todayIso(ctx.clock.now())
  const since = retainedSince(r.event_date, today)
  const now = nowIso(ctx.clock)
  if (r.enrolment_id === null) {
    const s = oneRow(
      db.prepare<[number], {
      start_date: string | null
      end_date: string | null
      hours_centre: number | null
      hours_company: number | null
      a_centre: number | null
      a_company: number | null
      a_total: number | null
    }>(
        `SELECT s.start_date, s.end_date, s.hours_centre, s.hours_company, a.hours_centre AS a_centre, a.hours_company AS a_company, a.hours_total AS a_total
         FROM session s LEFT JOIN training_action a ON a.id = s.action_id WHERE s.id = ?`
      ),
      r.session_id
    )
    const plan: SessionPlan = {
      start_date: s.start_date,
      end_date: s.end_date,
      // The session's hours, else those of its catalogue action.
      hours: plannedHours(s.hours_centre, s.hours_company) ?? plannedHours(s.a_centre, s.a_company) ?? s.a_total
    }
    const info = db
      .prepare(
        `INSERT INTO enrolment (session_id, trainee_id, registration_id, status, status_since, planned_start_date, planned_end_date,
                                planned_hours, ais_status_code, created_at, updated_at)
         VALUES (?, ?, ?, 'retenu', ?, ?, ?, ?, 'ICR', ?, ?)`
      )
      .run(r.session_id, r.trainee_id, r.id, since, plan.start_date, plan.end_date, plan.hours, now, now)
    const enrolmentId = Number(info.lastInsertRowid)
    statusEvent(ctx, enrolmentId, 'status', null, 'retenu', since)
    recordAudit(ctx, { operation: 'enrolments.create', entity: 'enrolment', entityId: enrolmentId, after: enrolmentSnapshot(db, enrolmentId) })
    return
  }
  const before = enrolmentSnapshot(db, r.enrolment_id)
  const status = r.enrolment_status
  if (status === 'positionne' || status === 'non_retenu' || status === 'en_attente') {
    db.prepare(
      `UPDATE enrolment SET status = 'retenu', status_since = ?, registration_id = ?, ais_status_code = 'ICR', updated_at = ? WHERE id = ?`
    ).run(since, r.id, now, r.enrolment_id)
    statusEvent(ctx, r.enrolment_id, 'status', status, 'retenu', since)
  } else {
    // Already retenu or further along (e.g. enrolled directly): only link it to this meeting.
    db.prepare('UPDATE enrolment SET registration_id = coalesce(registration_id, ?), updated_at = ? WHERE id = ?').run(r.id, now, r.enrolment_id)
  }
  recordAudit(ctx, { operation: 'enrolments.update', entity: 'enrolment', entityId: r.enrolment_id, before, after: enrolmentSnapshot(db, r.enrolment_id) })
}

/**
 * Leaving retenu while the enrolment is still retenu: the enrolment this result created is
 * removed (a correction: nothing happened on it yet); one that existed before goes back to
 * the status it had, or takes the new result's, with a correction event.
 */
function undoRetained(ctx: ServiceContext, r: RegistrationCore, result: RegistrationResult | null): void {
  if (r.enrolment_id === null || r.enrolment_status !== 'retenu') return
  const db = ctx.db
  const history = db
    .prepare<unknown[], { kind: string; from_status: EnrolmentStatus | null; to_status: EnrolmentStatus | null }>('SELECT kind, from_status, to_status FROM enrolment_event WHERE enrolment_id = ? ORDER BY effective_date, id')
    .all(r.enrolment_id)
  const before = enrolmentSnapshot(db, r.enrolment_id)
  const only = history[0]
  if (history.length <= 1 && (only === undefined || only.from_status === null) && r.enrolment_registration_id === r.id) {
    db.prepare('DELETE FROM enrolment WHERE id = ?').run(r.enrolment_id)
    recordAudit(ctx, { operation: 'enrolments.delete', entity: 'enrolment', entityId: r.enrolment_id, before })
    return
  }
  const previous = [...history].reverse().find((h) => h.to_status === 'retenu')?.from_status ?? 'positionne'
  const next: EnrolmentStatus = result ?? previous
  const today = todayIso(ctx.clock.now())
  db.prepare('UPDATE enrolment SET status = ?, status_since = ?, ais_status_code = ?, updated_at = ? WHERE id = ?').run(
    next,
    today,
    result === 'non_retenu' ? 'ICN' : null,
    nowIso(ctx.clock),
    r.enrolment_id
  )
  statusEvent(ctx, r.enrolment_id, 'correction', 'retenu', next, today)
  recordAudit(ctx, { operation: 'enrolments.update', entity: 'enrolment', entityId: r.enrolment_id, before, after: enrolmentSnapshot(db, r.enrolment_id) })
}

function statusEvent(ctx: ServiceContext, enrolmentId: number, kind: 'status' | 'correction', from: EnrolmentStatus | null, to: EnrolmentStatus, effective: string): void {
  ctx.db
    .prepare(
      `INSERT INTO enrolment_event (enrolment_id, kind, from_status, to_status, effective_date, comment, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(enrolmentId, kind, from, to, effective, 'Résultat de la réunion de recrutement', nowIso(ctx.clock), ctx.actor.name)
}

function enrolmentSnapshot(db: Db, id: number): unknown {
  return db
    .prepare(
      `SELECT id, session_id AS sessionId, trainee_id AS traineeId, registration_id AS registrationId, status, status_since AS statusSince,
              planned_start_date AS plannedStartDate, planned_end_date AS plannedEndDate, planned_hours AS plannedHours,
              ais_status_code AS aisStatusCode
       FROM enrolment WHERE id = ?`
    )
    .get(id)
}

/**
 * Moves a booking to another event of the same session (someone who could not attend): presence
 * and result start again from unknown, and the move is kept in `registration_transfer`.
 */
export function transferRegistration(ctx: ServiceContext, id: number, toEventId: number, comment: string | null): RegistrationRow {
  const db = ctx.db
  return db.transaction(() => {
    const [r] = coresByIds(db, [id])
    if (!r) throw new AppError('not_found', `Le positionnement n° ${id} est introuvable (il a peut-être été supprimé).`)
    const target = eventCore(db, toEventId)
    const who = fullName(r)
    if (target.id === r.event_id) throw new AppError('invalid_input', `${who} est déjà positionné(e) sur cette réunion : choisissez une autre date.`)
    if (target.session_id !== r.session_id) {
      throw new AppError('refused', `Un transfert se fait vers une autre réunion de la même session : ${eventName(target)} concerne une autre session.`)
    }
    if (target.cancelled_at !== null) throw new AppError('refused', `${capitalised(eventName(target))} est annulé${feminine(target.kind) ? 'e' : ''} : plus aucun positionnement n’y est possible.`)
    if (r.result === 'retenu') {
      throw new AppError('refused', `${who} est déjà retenu(e) à l’issue de ${eventName({ kind: r.event_kind, date: r.event_date })} : un transfert n’a plus lieu d’être.`)
    }
    const clash = db.prepare('SELECT 1 FROM registration WHERE event_id = ? AND trainee_id = ?').get(target.id, r.trainee_id)
    if (clash) throw new AppError('conflict', `${who} est déjà positionné(e) sur ${eventName(target)}.`)
    const capacity = checkCapacity(target.capacity, target.booked, 1)
    if (!capacity.ok) throw new AppError('refused', `${capitalised(eventName(target))} est ${feminine(target.kind) ? 'complète' : 'complet'}. ${capacity.message}`)
    const before = getRegistration(db, id)
    const now = nowIso(ctx.clock)
    db.prepare(
      `UPDATE registration SET event_id = ?, presence = 'unknown', result = NULL, result_code = NULL, result_at = NULL, updated_at = ? WHERE id = ?`
    ).run(target.id, now, id)
    db.prepare(
      `INSERT INTO registration_transfer (registration_id, from_event_id, to_event_id, transferred_at, transferred_by, comment)
       VALUES (?, ?, ?, ?, ?, ?)`
    ).run(id, r.event_id, target.id, now, ctx.actor.name, comment)
    const after = getRegistration(db, id)
    recordAudit(ctx, { operation: 'registrations.transfer', entity: 'registration', entityId: id, before, after: { ...after, comment } })
    return after
  })()
}

/**
 * The clerk's note on one booking (« rappeler lundi », « attend l’accord de sa conseillère »);
 * null clears it. Allowed on a cancelled event too: the note often says why a transfer is due.
 */
export function setRegistrationComment(ctx: ServiceContext, id: number, comment: string | null): RegistrationRow {
  const db = ctx.db
  return db.transaction(() => {
    const before = getRegistration(db, id)
    if (before.comment === comment) return before
    db.prepare('UPDATE registration SET comment = ?, updated_at = ? WHERE id = ?').run(comment, nowIso(ctx.clock), id)
    const after = getRegistration(db, id)
    recordAudit(ctx, { operation: 'registrations.setComment', entity: 'registration', entityId: id, before, after })
    return after
  })()
}

/** Removes a booking made by mistake; a retained person keeps theirs (the enrolment points to it). */
export function removeRegistration(ctx: ServiceContext, id: number): { id: number } {
  const db = ctx.db
  return db.transaction(() => {
    const before = getRegistration(db, id)
    if (before.result === 'retenu') {
      throw new AppError(
        'refused',
        `${before.lastName} ${before.firstName} est retenu(e) à l’issue de cette réunion : effacez d’abord le résultat pour retirer le positionnement.`
      )
    }
    db.prepare('DELETE FROM registration WHERE id = ?').run(id)
    recordAudit(ctx, { operation: 'registrations.remove', entity: 'registration', entityId: id, before })
    return { id }
  })()
}

function audited(ctx: ServiceContext, operation: string, before: RegistrationRow[], after: RegistrationRow[]): RegistrationRow[] {
  for (const a of after) {
    const b = before.find((x) => x.id === a.id)
    if (JSON.stringify(b) !== JSON.stringify(a)) recordAudit(ctx, { operation, entity: 'registration', entityId: a.id, before: b, after: a })
  }
  return after
}
