import type { z } from 'zod'
import type { RegistrationRow } from '@shared/api/areas/recruitment'
import type { TraineeInput } from '@shared/api/areas/trainees'
import { AppError } from '@shared/api/result'
import { ENROLMENT_STATUSES } from '@shared/domain/enrolment'
import type { Presence, RecruitmentEventKind, RegistrationResult } from '@shared/domain/recruitment'
import { canReceiveResult, canUndoRetained, checkCapacity, inTab, resultCodeFor, type RegistrationTab } from '@shared/domain/recruitmentRules'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { createTrainee } from '../trainees/traineeService'
import { ORDER, REGISTRATION_SELECT, assertEventExists, assertNotCancelled, coresByIds, eventCore, getRegistration, rowsByIds, toRow, type RawRegistration } from './registrationQueries'
import { capitalised, eventName, feminine, fullName, names } from './registrationWords'
import { retain, undoRetained } from './retainRegistration'

type NewTrainee = z.output<typeof TraineeInput>

export function listRegistrations(db: Db, eventId: number, tab: RegistrationTab): RegistrationRow[] {
  assertEventExists(db, eventId)
  const rows = (db.prepare<unknown[], RawRegistration>(`${REGISTRATION_SELECT} WHERE g.event_id = ? ${ORDER}`).all(eventId)).map(toRow)
  return rows.filter((r) => inTab(tab, r.presence, r.result))
}

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
