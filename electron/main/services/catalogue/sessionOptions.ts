import type { SessionOption } from '@shared/api/areas/sessions'
import type { Db } from '../../db/open'
import { SqlWhere } from '../../db/sqlWhere'

export type SessionOptionsFilter = { activeFrom?: string; startingBy?: string }

/**
 * The sessions of the pickers, in the sessions grid's order: the session's own columns, its
 * training and place, and none of the sessions grid's per-session lookups (places taken, funders,
 * next slot), so that a screen that only fills a select does not pay for them.
 */
export function sessionOptionsQuery(filter: SessionOptionsFilter): { sql: string; params: Record<string, string | number> } {
  const where = new SqlWhere()
  // Still running or starting later; an open end runs forever (as sessions:list's activeFrom).
  where.filter('activeFrom', filter.activeFrom, '(s.end_date IS NULL OR s.end_date >= @activeFrom)')
  // Not dated yet counts as possibly started: the clerk may still enter its attendance.
  where.filter('startingBy', filter.startingBy, '(s.start_date IS NULL OR s.start_date <= @startingBy)')
  const sql = `SELECT s.id, t.title AS trainingTitle, s.label, s.intercarif_session_id AS intercarifSessionId,
         s.start_date AS startDate, s.end_date AS endDate, s.start_precision AS startPrecision, s.end_precision AS endPrecision,
         p.name AS placeName, p.city AS placeCity
    FROM session s
    JOIN training t ON t.id = s.training_id
    LEFT JOIN place p ON p.id = s.place_id
    ${where.clause}
    ORDER BY s.start_date IS NULL, s.start_date, s.id`
  return { sql, params: where.params }
}

export function listSessionOptions(db: Db, filter: SessionOptionsFilter): SessionOption[] {
  const { sql, params } = sessionOptionsQuery(filter)
  return db.prepare<unknown[], SessionOption>(sql).all(params)
}
