import type { z } from 'zod'
import type { SessionDetail, SessionInput, SessionPatch, SessionRow, SessionUpdateResult } from '@shared/api/areas/catalogue'
import { AppError } from '@shared/api/result'
import { formatDateFr } from '@shared/domain/dates'
import type { RecruitmentState } from '@shared/domain/recruitment'
import { PLACE_HOLDING_STATUSES } from '@shared/domain/recruitmentRules'
import type { Db } from '../../db/open'
import { insertLists } from '../../db/columnMap'
import { SqlWhere } from '../../db/sqlWhere'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { listRecruitmentWarnings } from '../recruitment/warningService'
import { findOrCreatePlace, parseFunders } from './catalogueRows'
import { assertDatesKeepFacts, enrolmentDatesProposal } from './sessionDates'

type NewSession = z.output<typeof SessionInput>
type SessionChanges = z.output<typeof SessionPatch>

export type SessionFilter = { trainingId?: number; activeFrom?: string; recruitmentState?: RecruitmentState }

const HOLDING = PLACE_HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')

// Every per-session figure is a correlated lookup on an index: enrolment (session_id, status),
// recruitment_event (session_id, date), session_funder's primary key. No scan of the big tables.
const ROW_SELECT = `
  SELECT s.id, s.training_id AS trainingId, t.title AS trainingTitle, t.intercarif_formation_id AS intercarifFormationId,
         a.intercarif_action_id AS intercarifActionId, s.intercarif_session_id AS intercarifSessionId, s.label,
         s.start_date AS startDate, s.end_date AS endDate, s.start_precision AS startPrecision, s.end_precision AS endPrecision,
         p.name AS placeName, p.city AS placeCity, s.capacity,
         (SELECT count(*) FROM enrolment e WHERE e.session_id = s.id AND e.status IN (${HOLDING})) AS placesTaken,
         s.entry_mode AS entryMode, s.recruitment_state AS recruitmentState,
         (SELECT json_group_array(coalesce(f.label, f.funder_code)) FROM session_funder f WHERE f.session_id = s.id) AS fundersJson,
         a.funders_json AS actionFundersJson,
         (SELECT min(r.date) FROM recruitment_event r WHERE r.session_id = s.id AND r.date >= @today AND r.cancelled_at IS NULL) AS nextEventDate,
         s.missing_from_source_at IS NOT NULL AS missingFromSource, s.source`
const ROW_FROM = `
  FROM session s
  JOIN training t ON t.id = s.training_id
  LEFT JOIN training_action a ON a.id = s.action_id
  LEFT JOIN place p ON p.id = s.place_id`

type RawRow = Omit<SessionRow, 'funders' | 'missingFromSource'> & {
  fundersJson: string
  actionFundersJson: string | null
  missingFromSource: number
}

type RawDetail = RawRow & {
  hoursCentre: number | null
  hoursCompany: number | null
  weeklyHoursJson: string | null
  trainerName: string | null
  referentName: string | null
  registrationStartDate: string | null
  registrationEndDate: string | null
}

function toRow<R extends RawRow>(raw: R): Omit<R, 'fundersJson' | 'actionFundersJson' | 'missingFromSource'> & Pick<SessionRow, 'funders' | 'missingFromSource'> {
  const { fundersJson, actionFundersJson, missingFromSource, ...rest } = raw
  const own = (JSON.parse(fundersJson) as string[]).sort((a, b) => a.localeCompare(b, 'fr'))
  // A session without funders of its own is funded as its action says.
  const funders = own.length > 0 ? own : parseFunders(actionFundersJson).map((f) => f.label ?? f.code)
  return { ...rest, funders, missingFromSource: missingFromSource === 1 }
}

/** The query of the sessions grid, exported so its plan can be checked (EXPLAIN QUERY PLAN). */
export function sessionListQuery(filter: SessionFilter, today: string): { sql: string; params: Record<string, string | number> } {
  const where = new SqlWhere({ today })
  where.filter('trainingId', filter.trainingId, 's.training_id = @trainingId')
  // Still running or starting later; an open end runs forever.
  where.filter('activeFrom', filter.activeFrom, '(s.end_date IS NULL OR s.end_date >= @activeFrom)')
  where.filter('recruitmentState', filter.recruitmentState, 's.recruitment_state = @recruitmentState')
  const sql = `${ROW_SELECT} ${ROW_FROM} ${where.clause}
    ORDER BY s.start_date IS NULL, s.start_date, s.id`
  return { sql, params: where.params }
}

export function listSessions(db: Db, filter: SessionFilter, today: string): SessionRow[] {
  const { sql, params } = sessionListQuery(filter, today)
  return (db.prepare<unknown[], RawRow>(sql).all(params)).map(toRow)
}

export function getSession(db: Db, id: number, today: string): SessionDetail {
  const raw = db
    .prepare<unknown[], RawDetail>(
      `${ROW_SELECT}, s.hours_centre AS hoursCentre, s.hours_company AS hoursCompany, s.weekly_hours_json AS weeklyHoursJson,
              s.trainer_name AS trainerName, s.referent_name AS referentName,
              s.registration_start_date AS registrationStartDate, s.registration_end_date AS registrationEndDate
       ${ROW_FROM} WHERE s.id = @id`
    )
    .get({ id, today })
  if (!raw) throw new AppError('not_found', `La session n° ${id} est introuvable (elle a peut-être été supprimée).`)
  const { weeklyHoursJson, ...row } = toRow(raw)
  const byStatus = db.prepare<unknown[], { status: string; n: number }>('SELECT status, count(*) AS n FROM enrolment WHERE session_id = ? GROUP BY status').all(id)
  const counts = db
    .prepare<unknown[], { events: number; registrations: number }>(
      `SELECT (SELECT count(*) FROM recruitment_event r WHERE r.session_id = @id) AS events,
              (SELECT count(*) FROM recruitment_event r JOIN registration g ON g.event_id = r.id WHERE r.session_id = @id) AS registrations`
    )
    .get({ id }) ?? { events: 0, registrations: 0 }
  return {
    ...row,
    weeklyHours: weeklyHoursJson ? (JSON.parse(weeklyHoursJson) as number[]) : null,
    enrolmentsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
    registrations: counts.registrations,
    events: counts.events,
    warnings: listRecruitmentWarnings(db, today, id).map((w) => w.message)
  }
}

// Field <-> column of the session's own columns (the place is resolved to a `place` row).
const COLUMNS = {
  label: 'label',
  intercarifSessionId: 'intercarif_session_id',
  startDate: 'start_date',
  endDate: 'end_date',
  capacity: 'capacity',
  entryMode: 'entry_mode',
  recruitmentState: 'recruitment_state',
  hoursCentre: 'hours_centre',
  hoursCompany: 'hours_company',
  trainerName: 'trainer_name',
  referentName: 'referent_name',
  registrationStartDate: 'registration_start_date',
  registrationEndDate: 'registration_end_date'
} as const satisfies Partial<Record<keyof NewSession, string>>

type ColumnField = keyof typeof COLUMNS

/**
 * What the CARIF-OREF describes for a session imported from LHEO: corrected there and re-imported,
 * never locally (domain.md §4). Recruitment state, capacity, hours, planning, trainer and referent
 * are the organisation's own and stay editable.
 */
const LHEO_FIELDS = ['startDate', 'endDate', 'registrationStartDate', 'registrationEndDate', 'intercarifSessionId', 'placeName', 'placeCity', 'entryMode'] as const
const LHEO_FIELD_LABELS: Record<(typeof LHEO_FIELDS)[number], string> = {
  startDate: 'la date de début',
  endDate: 'la date de fin',
  registrationStartDate: 'le début des inscriptions',
  registrationEndDate: 'la fin des inscriptions',
  intercarifSessionId: 'le numéro de session CARIF',
  placeName: 'le lieu',
  placeCity: 'la ville',
  entryMode: 'le mode d’entrée'
}

export function createSession(ctx: ServiceContext, input: NewSession, today: string): SessionDetail {
  return ctx.db.transaction(() => {
    const training = ctx.db.prepare<unknown[], { id: number; title: string }>('SELECT id, title FROM training WHERE id = ?').get(input.trainingId)
    if (!training) throw new AppError('not_found', `La formation n° ${input.trainingId} est introuvable (elle a peut-être été supprimée).`)
    assertSessionIdFree(ctx.db, input.trainingId, input.intercarifSessionId, null)
    const placeId = findOrCreatePlace(ctx, input.placeName, input.placeCity)
    const now = nowIso(ctx.clock)
    const { columns, params } = insertLists(COLUMNS)
    const info = ctx.db
      .prepare(
        `INSERT INTO session (training_id, ${columns}, place_id, weekly_hours_json, source, created_at, updated_at)
         VALUES (@trainingId, ${params}, @placeId, @weekly, 'local', @now, @now)`
      )
      .run({ ...toColumns(input), trainingId: input.trainingId, placeId, weekly: weeklyJson(input.weeklyHours), now })
    const created = getSession(ctx.db, Number(info.lastInsertRowid), today)
    recordAudit(ctx, { operation: 'sessions.create', entity: 'session', entityId: created.id, after: created })
    return created
  })()
}

export function updateSession(ctx: ServiceContext, id: number, changes: SessionChanges, today: string): SessionUpdateResult {
  return ctx.db.transaction(() => {
    const before = getSession(ctx.db, id, today)
    const current: NewSession = {
      trainingId: before.trainingId,
      label: before.label,
      intercarifSessionId: before.intercarifSessionId,
      startDate: before.startDate ?? '',
      endDate: before.endDate ?? '',
      placeName: before.placeName,
      placeCity: before.placeCity,
      capacity: before.capacity,
      entryMode: before.entryMode,
      recruitmentState: before.recruitmentState,
      hoursCentre: before.hoursCentre,
      hoursCompany: before.hoursCompany,
      weeklyHours: before.weeklyHours,
      trainerName: before.trainerName,
      referentName: before.referentName,
      registrationStartDate: before.registrationStartDate,
      registrationEndDate: before.registrationEndDate
    }
    const changed = (Object.keys(changes) as (keyof SessionChanges)[]).filter(
      (k) => changes[k] !== undefined && JSON.stringify(changes[k]) !== JSON.stringify(current[k])
    )
    if (changed.length === 0) return { ...before, enrolmentDates: null }
    if (before.source === 'lheo') {
      const locked = LHEO_FIELDS.filter((f) => changed.includes(f))
      if (locked.length > 0) {
        throw new AppError(
          'refused',
          `Cette session vient du catalogue de la CARIF-OREF (import LHEO) : ${locked.map((f) => LHEO_FIELD_LABELS[f]).join(', ')} ` +
            'se corrige à la CARIF-OREF, puis par un nouvel import du fichier LHEO. ' +
            'L’état du recrutement, la capacité, les heures, le planning, le formateur et le référent restent modifiables ici.'
        )
      }
    }
    const merged: NewSession = { ...current }
    for (const k of changed) Object.assign(merged, { [k]: changes[k] })
    const startDate = changed.includes('startDate') ? merged.startDate : before.startDate
    const endDate = changed.includes('endDate') ? merged.endDate : before.endDate
    if (startDate && endDate && endDate < startDate) {
      const message = `La date de fin (${formatDateFr(endDate)}) précède la date de début (${formatDateFr(startDate)}).`
      throw new AppError('invalid_input', message, [{ path: 'endDate', message }])
    }
    if (changed.includes('endDate') && endDate) assertNoEventAfter(ctx.db, id, endDate)
    const datesChanged = startDate !== before.startDate || endDate !== before.endDate
    // Recorded attendance, entries, exits and interruptions must stay inside the session.
    if (datesChanged) assertDatesKeepFacts(ctx.db, id, { start: startDate, end: endDate })
    if (changed.includes('intercarifSessionId')) assertSessionIdFree(ctx.db, before.trainingId, merged.intercarifSessionId, id)
    const placeChanged = changed.includes('placeName') || changed.includes('placeCity')
    const sets = changed.filter((k): k is ColumnField => k in COLUMNS).map((k) => `${COLUMNS[k]} = @${COLUMNS[k]}`)
    if (changed.includes('weeklyHours')) sets.push('weekly_hours_json = @weekly')
    if (placeChanged) sets.push('place_id = @placeId')
    const placeId = placeChanged ? findOrCreatePlace(ctx, merged.placeName, merged.placeCity) : null
    ctx.db
      .prepare(`UPDATE session SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`)
      .run({ ...toColumns(merged), start_date: startDate, end_date: endDate, weekly: weeklyJson(merged.weeklyHours), placeId, now: nowIso(ctx.clock), id })
    const after = getSession(ctx.db, id, today)
    recordAudit(ctx, { operation: 'sessions.update', entity: 'session', entityId: id, before, after })
    const previous = { start: before.startDate, end: before.endDate }
    return { ...after, enrolmentDates: datesChanged ? enrolmentDatesProposal(ctx.db, id, previous, { start: after.startDate, end: after.endDate }) : null }
  })()
}

function assertNoEventAfter(db: Db, sessionId: number, endDate: string): void {
  const late = db
    .prepare<unknown[], { date: string }>('SELECT date FROM recruitment_event WHERE session_id = ? AND date > ? AND cancelled_at IS NULL ORDER BY date LIMIT 1')
    .get(sessionId, endDate)
  if (late) {
    throw new AppError(
      'refused',
      `Une réunion de recrutement est prévue le ${formatDateFr(late.date)}, après la nouvelle date de fin (${formatDateFr(endDate)}) : ` +
        'déplacez-la ou annulez-la d’abord.'
    )
  }
}

function assertSessionIdFree(db: Db, trainingId: number, intercarifSessionId: string | null, selfId: number | null): void {
  if (!intercarifSessionId) return
  const other = db
    .prepare<unknown[], { id: number }>('SELECT id FROM session WHERE training_id = ? AND intercarif_session_id = ? AND id IS NOT ?')
    .get(trainingId, intercarifSessionId, selfId)
  if (other) {
    const message = `Le numéro de session CARIF ${intercarifSessionId} est déjà celui d’une autre session de cette formation (session n° ${other.id}).`
    throw new AppError('conflict', message, [{ path: 'intercarifSessionId', message }])
  }
}

function toColumns(s: NewSession): Record<string, unknown> {
  return Object.fromEntries((Object.entries(COLUMNS) as [ColumnField, string][]).map(([f, c]) => [c, s[f] ?? null]))
}

function weeklyJson(w: number[] | null): string | null {
  return w === null ? null : JSON.stringify(w)
}
