import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { RecruitmentEventRow, recruitmentOps } from '@shared/api/areas/recruitment'
import { AppError } from '@shared/api/result'
import { diffDays, addDays, formatDateFr } from '@shared/domain/dates'
import type { RecruitmentEventKind } from '@shared/domain/recruitment'
import { checkEventSchedule, sessionName, weeklySeriesDates } from '@shared/domain/recruitmentRules'
import type { Db } from '../../db/open'
import { SqlWhere } from '../../db/sqlWhere'
import { oneRow } from '../../db/oneRow'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { placeLabel } from '../catalogue/catalogueRows'

export type NewEvents = z.output<(typeof recruitmentOps)['recruitment:createEvents']['input']>
export type EventChanges = z.output<(typeof recruitmentOps)['recruitment:updateEvent']['input']>['changes']
export type EventFilter = { sessionId?: number; from?: string; includeCancelled: boolean }

type RawEvent = Omit<RecruitmentEventRow, 'sessionLabel' | 'place' | 'cancelled'> & {
  label: string | null
  startDateOfSession: string | null
  intercarifSessionId: string | null
  placeText: string | null
  placeName: string | null
  placeCity: string | null
  cancelledAt: string | null
}

// The counts come from one grouped join on registration's (event_id, trainee_id) unique index.
const EVENT_SELECT = `
  SELECT r.id, r.session_id AS sessionId, s.label, s.start_date AS startDateOfSession, s.intercarif_session_id AS intercarifSessionId,
         t.title AS trainingTitle, r.kind, r.date, r.end_date AS endDate, r.start_time AS startTime, r.end_time AS endTime,
         r.place_text AS placeText, p.name AS placeName, p.city AS placeCity, r.capacity,
         count(g.id) AS booked,
         coalesce(sum(g.presence = 'present'), 0) AS present,
         coalesce(sum(g.presence = 'absent'), 0) AS absent,
         coalesce(sum(g.result = 'retenu'), 0) AS retained,
         r.comment, r.series_id AS seriesId, r.cancelled_at AS cancelledAt, r.cancel_reason AS cancelReason
  FROM recruitment_event r
  JOIN session s ON s.id = r.session_id
  JOIN training t ON t.id = s.training_id
  LEFT JOIN place p ON p.id = r.place_id
  LEFT JOIN registration g ON g.event_id = r.id`

function toRow(raw: RawEvent): RecruitmentEventRow {
  const { label, startDateOfSession, intercarifSessionId, placeText, placeName, placeCity, cancelledAt, ...rest } = raw
  return {
    ...rest,
    sessionLabel: sessionName({ label, trainingTitle: raw.trainingTitle, startDate: startDateOfSession, intercarifSessionId }),
    place: placeText ?? placeLabel(placeName, placeCity),
    cancelled: cancelledAt !== null
  }
}

function eventWhere(filter: EventFilter): SqlWhere {
  const where = new SqlWhere()
  where.filter('sessionId', filter.sessionId, 'r.session_id = @sessionId')
  where.filter('from', filter.from, 'r.date >= @from')
  if (!filter.includeCancelled) where.add('r.cancelled_at IS NULL')
  return where
}

/** The query of the events grid, exported so its plan can be checked (EXPLAIN QUERY PLAN). */
export function eventListQuery(filter: EventFilter): { sql: string; params: Record<string, string | number> } {
  const where = eventWhere(filter)
  // Grouping in display order (id is unique, so it is still one group per event) lets a date
  // filter use recruitment_event_date instead of walking the table in rowid order.
  const sql = `${EVENT_SELECT} ${where.clause}
    GROUP BY r.date, r.start_time, r.id ORDER BY r.date, r.start_time, r.id`
  return { sql, params: where.params }
}

export function listEvents(db: Db, filter: EventFilter): RecruitmentEventRow[] {
  const { sql, params } = eventListQuery(filter)
  return (db.prepare<unknown[], RawEvent>(sql).all(params)).map(toRow)
}

/**
 * The slot opened below the grid on a first load, without waiting for the whole list: the first
 * one in list order that is not cancelled and not over, else the list's last one. The same rule
 * as the screen's own choice once the list is in, so both agree.
 */
export function firstEvent(db: Db, filter: EventFilter, today: string): RecruitmentEventRow | null {
  const upcoming = eventWhere(filter)
  upcoming.add('r.cancelled_at IS NULL')
  upcoming.add('coalesce(r.end_date, r.date) >= @today', { today })
  const next = db.prepare<unknown[], { id: number }>(`SELECT r.id FROM recruitment_event r ${upcoming.clause} ORDER BY r.date, r.start_time, r.id LIMIT 1`).get(upcoming.params)
  // Descending order is the list's exact reverse (SQLite sorts NULL start times first).
  const all = eventWhere(filter)
  const chosen = next ?? db.prepare<unknown[], { id: number }>(`SELECT r.id FROM recruitment_event r ${all.clause} ORDER BY r.date DESC, r.start_time DESC, r.id DESC LIMIT 1`).get(all.params)
  return chosen ? getEvent(db, chosen.id) : null
}

export function getEvent(db: Db, id: number): RecruitmentEventRow {
  const raw = db.prepare<unknown[], RawEvent>(`${EVENT_SELECT} WHERE r.id = ? GROUP BY r.id`).get(id)
  if (!raw) throw new AppError('not_found', `La réunion de recrutement n° ${id} est introuvable (elle a peut-être été supprimée).`)
  return toRow(raw)
}

function eventsByIds(db: Db, ids: number[]): RecruitmentEventRow[] {
  return (db.prepare<unknown[], RawEvent>(`${EVENT_SELECT} WHERE r.id IN (SELECT value FROM json_each(?)) GROUP BY r.id ORDER BY r.date, r.id`).all(JSON.stringify(ids))).map(toRow)
}

type SessionCore = { id: number; end_date: string | null; place_id: number | null }

function sessionCore(db: Db, id: number): SessionCore {
  const s = db.prepare<unknown[], SessionCore>('SELECT id, end_date, place_id FROM session WHERE id = ?').get(id)
  if (!s) throw new AppError('not_found', `La session n° ${id} est introuvable (elle a peut-être été supprimée).`)
  return s
}

function assertSchedule(schedule: Parameters<typeof checkEventSchedule>[0], sessionEnd: string | null): void {
  const check = checkEventSchedule(schedule, sessionEnd)
  if (!check.ok) throw new AppError('invalid_input', check.message)
}

const INSERT_EVENT = `
  INSERT INTO recruitment_event (session_id, kind, date, end_date, start_time, end_time, place_id, place_text, capacity, comment,
                                 series_id, created_at, updated_at)
  VALUES (@sessionId, @kind, @date, @endDate, @startTime, @endTime, @placeId, @placeText, @capacity, @comment, @seriesId, @now, @now)`

/** One event, or a weekly series sharing a series id (e.g. every Tuesday 9:30 for 6 weeks). */
export function createEvents(ctx: ServiceContext, input: NewEvents): RecruitmentEventRow[] {
  return ctx.db.transaction(() => {
    const session = sessionCore(ctx.db, input.sessionId)
    const dates = weeklySeriesDates(input.date, input.repeatWeekly)
    assertSchedule({ dates, endDate: input.endDate, startTime: input.startTime, endTime: input.endTime, capacity: input.capacity }, session.end_date)
    const span = input.endDate === null ? null : diffDays(input.date, input.endDate)
    const seriesId = dates.length > 1 ? randomUUID() : null
    const insert = ctx.db.prepare(INSERT_EVENT)
    const now = nowIso(ctx.clock)
    const ids = dates.map((date) =>
      Number(
        insert.run({
          sessionId: session.id,
          kind: input.kind,
          date,
          endDate: span === null ? null : addDays(date, span),
          startTime: input.startTime,
          endTime: input.endTime,
          // Without a place of its own, the event is held where the session is.
          placeId: input.place === null ? session.place_id : null,
          placeText: input.place,
          capacity: input.capacity,
          comment: input.comment,
          seriesId,
          now
        }).lastInsertRowid
      )
    )
    const created = eventsByIds(ctx.db, ids)
    for (const e of created) recordAudit(ctx, { operation: 'recruitment.createEvent', entity: 'recruitment_event', entityId: e.id, after: e })
    return created
  })()
}

export function updateEvent(ctx: ServiceContext, id: number, changes: EventChanges): RecruitmentEventRow {
  return ctx.db.transaction(() => {
    const before = getEvent(ctx.db, id)
    const changed = (Object.keys(changes) as (keyof EventChanges)[]).filter((k) => changes[k] !== undefined && changes[k] !== before[k])
    if (changed.length === 0) return before
    if (before.cancelled && changed.some((k) => k !== 'comment')) {
      throw new AppError('refused', `La réunion du ${formatDateFr(before.date)} est annulée : seul son commentaire peut encore être modifié.`)
    }
    const merged = { ...before, ...Object.fromEntries(changed.map((k) => [k, changes[k]])) } as RecruitmentEventRow & { kind: RecruitmentEventKind }
    const session = sessionCore(ctx.db, before.sessionId)
    assertSchedule({ dates: [merged.date], endDate: merged.endDate, startTime: merged.startTime, endTime: merged.endTime, capacity: merged.capacity }, session.end_date)
    if (merged.capacity !== null && merged.capacity < before.booked) {
      throw new AppError(
        'refused',
        `${before.booked} personnes sont déjà positionnées sur cette réunion : la capacité ne peut pas descendre à ${merged.capacity}. ` +
          'Transférez d’abord des personnes sur une autre réunion.'
      )
    }
    const placeChanged = changed.includes('place')
    ctx.db
      .prepare(
        `UPDATE recruitment_event SET kind = @kind, date = @date, end_date = @endDate, start_time = @startTime, end_time = @endTime,
           capacity = @capacity, comment = @comment, ${placeChanged ? 'place_text = @place, place_id = @placeId,' : ''} updated_at = @now
         WHERE id = @id`
      )
      .run({
        kind: merged.kind,
        date: merged.date,
        endDate: merged.endDate,
        startTime: merged.startTime,
        endTime: merged.endTime,
        capacity: merged.capacity,
        comment: merged.comment,
        ...(placeChanged ? { place: merged.place, placeId: merged.place === null ? session.place_id : null } : {}),
        now: nowIso(ctx.clock),
        id
      })
    const after = getEvent(ctx.db, id)
    recordAudit(ctx, { operation: 'recruitment.updateEvent', entity: 'recruitment_event', entityId: id, before, after })
    return after
  })()
}

/** A copy on another date: same kind, times, place, capacity and comment; nobody booked. */
export function duplicateEvent(ctx: ServiceContext, id: number, date: string): RecruitmentEventRow {
  return ctx.db.transaction(() => {
    const source = ctx.db
      .prepare<unknown[], | {
          session_id: number
          kind: RecruitmentEventKind
          date: string
          end_date: string | null
          start_time: string | null
          end_time: string | null
          place_id: number | null
          place_text: string | null
          capacity: number | null
          comment: string | null
        }>('SELECT session_id, kind, date, end_date, start_time, end_time, place_id, place_text, capacity, comment FROM recruitment_event WHERE id = ?')
      .get(id)
    if (!source) throw new AppError('not_found', `La réunion de recrutement n° ${id} est introuvable (elle a peut-être été supprimée).`)
    const session = sessionCore(ctx.db, source.session_id)
    const endDate = source.end_date === null ? null : addDays(date, diffDays(source.date, source.end_date))
    assertSchedule({ dates: [date], endDate, startTime: source.start_time, endTime: source.end_time, capacity: source.capacity }, session.end_date)
    const info = ctx.db.prepare(INSERT_EVENT).run({
      sessionId: source.session_id,
      kind: source.kind,
      date,
      endDate,
      startTime: source.start_time,
      endTime: source.end_time,
      placeId: source.place_id,
      placeText: source.place_text,
      capacity: source.capacity,
      comment: source.comment,
      seriesId: null,
      now: nowIso(ctx.clock)
    })
    const created = getEvent(ctx.db, Number(info.lastInsertRowid))
    recordAudit(ctx, { operation: 'recruitment.duplicateEvent', entity: 'recruitment_event', entityId: created.id, before: { duplicatedFrom: id }, after: created })
    return created
  })()
}

/** Kept, shown as annulé, takes no new booking; its bookings can still be transferred. */
export function cancelEvent(ctx: ServiceContext, id: number, reason: string | null): RecruitmentEventRow {
  return ctx.db.transaction(() => {
    const before = getEvent(ctx.db, id)
    if (before.cancelled) throw new AppError('conflict', `La réunion du ${formatDateFr(before.date)} est déjà annulée.`)
    const now = nowIso(ctx.clock)
    ctx.db.prepare('UPDATE recruitment_event SET cancelled_at = ?, cancel_reason = ?, updated_at = ? WHERE id = ?').run(now, reason, now, id)
    const after = getEvent(ctx.db, id)
    recordAudit(ctx, { operation: 'recruitment.cancelEvent', entity: 'recruitment_event', entityId: id, before, after })
    return after
  })()
}

/** Only an event nobody was ever booked on; otherwise it is cancelled, which keeps the trace. */
export function deleteEvent(ctx: ServiceContext, id: number): { id: number } {
  return ctx.db.transaction(() => {
    const before = getEvent(ctx.db, id)
    if (before.booked > 0) {
      throw new AppError(
        'refused',
        `Impossible de supprimer la réunion du ${formatDateFr(before.date)} : ${before.booked === 1 ? '1 personne y est positionnée' : `${before.booked} personnes y sont positionnées`}. ` +
          'Annulez-la plutôt (elle restera visible comme annulée) et transférez les personnes sur une autre date.'
      )
    }
    const transfers = oneRow(
      ctx.db.prepare<[{ id: number }], { n: number }>('SELECT count(*) AS n FROM registration_transfer WHERE from_event_id = @id OR to_event_id = @id'),
      { id }
    ).n
    if (transfers > 0) {
      throw new AppError(
        'refused',
        `Impossible de supprimer la réunion du ${formatDateFr(before.date)} : des personnes en ont été transférées et cet historique doit être conservé. Annulez-la plutôt.`
      )
    }
    ctx.db.prepare('DELETE FROM recruitment_event WHERE id = ?').run(id)
    recordAudit(ctx, { operation: 'recruitment.deleteEvent', entity: 'recruitment_event', entityId: id, before })
    return { id }
  })()
}
