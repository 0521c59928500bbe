// What a « retenu » result does to the enrolment, and how it is undone, with their history events.
import { todayIso } from '@shared/domain/dates'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import type { RegistrationResult } from '@shared/domain/recruitment'
import { plannedHours, retainedSince } from '@shared/domain/recruitmentRules'
import type { Db } from '../../db/open'
import { oneRow } from '../../db/oneRow'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import type { RegistrationCore } from './registrationQueries'

export type SessionPlan = { start_date: string | null; end_date: string | null; hours: number | null }

/** Creates the enrolment in status retenu (or takes up the existing one) with its history event. */
export function retain(ctx: ServiceContext, r: RegistrationCore): void {
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
export function undoRetained(ctx: ServiceContext, r: RegistrationCore, result: RegistrationResult | null): void {
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

export function statusEvent(ctx: ServiceContext, enrolmentId: number, kind: 'status' | 'correction', from: EnrolmentStatus | null, to: EnrolmentStatus, effective: string): void {
  ctx.db
    .prepare(
      `INSERT INTO enrolment_event (enrolment_id, kind, from_status, to_status, effective_date, comment, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(enrolmentId, kind, from, to, effective, 'Résultat de la réunion de recrutement', nowIso(ctx.clock), ctx.actor.name)
}

export function enrolmentSnapshot(db: Db, id: number): unknown {
  return db
    .prepare(
      `SELECT id, session_id AS sessionId, trainee_id AS traineeId, registration_id AS registrationId, status, status_since AS statusSince,
              planned_start_date AS plannedStartDate, planned_end_date AS plannedEndDate, planned_hours AS plannedHours,
              ais_status_code AS aisStatusCode
       FROM enrolment WHERE id = ?`
    )
    .get(id)
}
