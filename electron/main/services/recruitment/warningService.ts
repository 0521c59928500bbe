import type { RecruitmentWarning } from '@shared/api/areas/recruitment'
import type { RecruitmentState } from '@shared/domain/recruitment'
import { isOverCapacity, lacksUpcomingSlot, noUpcomingSlotMessage, overCapacityMessage, sessionName } from '@shared/domain/recruitmentRules'
import type { Db } from '../../db/open'

type SlotRow = {
  id: number
  label: string | null
  trainingTitle: string
  startDate: string | null
  intercarifSessionId: string | null
  endDate: string | null
  recruitmentState: RecruitmentState
  hasUpcomingSlot: number
}

type CapacityRow = {
  eventId: number
  sessionId: number
  date: string
  capacity: number
  booked: number
  label: string | null
  trainingTitle: string
  startDate: string | null
  intercarifSessionId: string | null
}

/**
 * Recruitment warnings, for every session or one: an open session not yet ended without any
 * slot today or later (an application window still running counts), and upcoming events with
 * more people booked than places.
 */
export function listRecruitmentWarnings(db: Db, today: string, sessionId?: number): RecruitmentWarning[] {
  const sessionFilter = sessionId === undefined ? '' : 'AND s.id = @sessionId'
  const params = sessionId === undefined ? { today } : { today, sessionId }
  const sessions = db
    .prepare<unknown[], SlotRow>(
      `SELECT s.id, s.label, t.title AS trainingTitle, s.start_date AS startDate, s.intercarif_session_id AS intercarifSessionId,
              s.end_date AS endDate, s.recruitment_state AS recruitmentState,
              EXISTS (SELECT 1 FROM recruitment_event r
                      WHERE r.session_id = s.id AND r.cancelled_at IS NULL AND (r.date >= @today OR r.end_date >= @today)) AS hasUpcomingSlot
       FROM session s JOIN training t ON t.id = s.training_id
       WHERE s.recruitment_state = 'open' AND (s.end_date IS NULL OR s.end_date >= @today) ${sessionFilter}
       ORDER BY s.start_date, s.id`
    )
    .all(params)
  const warnings: RecruitmentWarning[] = []
  for (const s of sessions) {
    if (lacksUpcomingSlot({ recruitmentState: s.recruitmentState, endDate: s.endDate, hasUpcomingSlot: s.hasUpcomingSlot === 1 }, today)) {
      warnings.push({ kind: 'no_future_slot', sessionId: s.id, eventId: null, message: noUpcomingSlotMessage(sessionName(s)) })
    }
  }
  const eventFilter = sessionId === undefined ? '' : 'AND r.session_id = @sessionId'
  const crowded = db
    .prepare<unknown[], CapacityRow>(
      `SELECT r.id AS eventId, r.session_id AS sessionId, r.date, r.capacity, count(*) AS booked,
              s.label, t.title AS trainingTitle, s.start_date AS startDate, s.intercarif_session_id AS intercarifSessionId
       FROM recruitment_event r
       JOIN registration g ON g.event_id = r.id
       JOIN session s ON s.id = r.session_id
       JOIN training t ON t.id = s.training_id
       WHERE r.date >= @today AND r.cancelled_at IS NULL AND r.capacity IS NOT NULL ${eventFilter}
       GROUP BY r.id
       HAVING count(*) > r.capacity
       ORDER BY r.date, r.id`
    )
    .all(params)
  for (const e of crowded) {
    if (!isOverCapacity(e.capacity, e.booked)) continue
    warnings.push({
      kind: 'over_capacity',
      sessionId: e.sessionId,
      eventId: e.eventId,
      message: overCapacityMessage(sessionName(e), e.date, e.capacity, e.booked)
    })
  }
  return warnings
}
