import { AppError } from '@shared/api/result'
import { summarise, type HoursSummary } from '@shared/domain/hoursLedger'
import type { Db } from '../../db/open'
import { enrolmentLedgers } from '../hours/hoursService'
import { LINKED_AUDIT } from './auditRedaction'
import { personIds } from './personIds'

/*
 * Right of access (RGPD art. 15): everything Passerelle holds about one person, as stored (column
 * names kept, so nothing is hidden by a translation), grouped by what it is. Hours come from the
 * hours ledger, month by month.
 */

type Row = Record<string, unknown>

export type MonthAttendance = {
  month: string
  plannedHours: number
  attendedHours: number
  companyHours: number
  realisedHours: number
  justifiedAbsenceHours: number
  unjustifiedAbsenceHours: number
  unrecordedHours: number
}

export type EnrolmentExport = Row & {
  session: Row | null
  events: Row[]
  interruptions: Row[]
  attendanceByMonth: MonthAttendance[]
  exitReport: Row | null
}

export type PersonExport = {
  format: 'passerelle-rgpd-export'
  version: 1
  exportedAt: string
  /** Who holds the data (the controller). */
  organisation: Row | null
  person: Row
  registrations: Row[]
  enrolments: EnrolmentExport[]
  quotes: Row[]
  documents: Row[]
  audit: Row[]
}

const all = (db: Db, sql: string, ...params: unknown[]): Row[] => db.prepare<unknown[], Row>(sql).all(...params)
const one = (db: Db, sql: string, ...params: unknown[]): Row | null => db.prepare<unknown[], Row>(sql).get(...params) ?? null

function byMonth(days: Parameters<typeof summarise>[0], asOf: string): MonthAttendance[] {
  const months = new Map<string, typeof days[number][]>()
  for (const d of days) {
    const key = d.date.slice(0, 7)
    const list = months.get(key)
    if (list) list.push(d)
    else months.set(key, [d])
  }
  return [...months.entries()].map(([month, list]) => {
    const s: HoursSummary = summarise(list, list[0]?.date ?? `${month}-01`, list[list.length - 1]?.date ?? `${month}-01`, asOf)
    return {
      month,
      plannedHours: s.plannedHours,
      attendedHours: s.attendedHours,
      companyHours: s.companyHours,
      realisedHours: s.realisedHours,
      justifiedAbsenceHours: s.justifiedAbsenceHours,
      unjustifiedAbsenceHours: s.unjustifiedAbsenceHours,
      unrecordedHours: s.unrecordedHours
    }
  })
}

export function collectPersonData(db: Db, traineeId: number, today: string, exportedAt: string): PersonExport {
  const person = one(db, 'SELECT * FROM trainee WHERE id = ?', traineeId)
  if (!person) throw new AppError('not_found', `Le stagiaire n° ${traineeId} est introuvable (il a peut-être été supprimé).`)
  delete person.search_text
  const ids = personIds(db, [traineeId])
  const ledgers = new Map(enrolmentLedgers(db, ids.enrolments, today).map((l) => [l.enrolmentId, l]))
  const enrolments: EnrolmentExport[] = all(db, 'SELECT * FROM enrolment WHERE trainee_id = ? ORDER BY id', traineeId).map((e) => {
    const id = Number(e.id)
    const ledger = ledgers.get(id)
    return {
      ...e,
      session: one(
        db,
        `SELECT s.id, s.label, s.intercarif_session_id, s.start_date, s.end_date, t.title AS training_title, p.name AS place
         FROM session s JOIN training t ON t.id = s.training_id LEFT JOIN place p ON p.id = s.place_id WHERE s.id = ?`,
        e.session_id
      ),
      events: all(db, 'SELECT * FROM enrolment_event WHERE enrolment_id = ? ORDER BY effective_date, id', id),
      interruptions: all(db, 'SELECT * FROM interruption WHERE enrolment_id = ? ORDER BY start_date, id', id),
      attendanceByMonth: ledger ? byMonth(ledger.days, today) : [],
      exitReport: one(db, 'SELECT * FROM exit_report WHERE enrolment_id = ?', id)
    }
  })
  const quotes = all(db, 'SELECT * FROM aif_quote WHERE trainee_id = ? ORDER BY id', traineeId).map((q) => ({
    ...q,
    funders: all(db, 'SELECT funder, amount_cents FROM aif_quote_funder WHERE quote_id = ? ORDER BY funder', q.id),
    lines: all(db, 'SELECT kind, label, amount_cents FROM aif_quote_line WHERE quote_id = ? ORDER BY position', q.id)
  }))
  const audit = LINKED_AUDIT.flatMap(([entity, pick]) => {
    const list = pick(ids)
    return list.length === 0
      ? []
      : all(
          db,
          `SELECT id, at, clerk_name, operation, entity, entity_id, before_json, after_json, redacted_at FROM audit_log
           WHERE entity = ? AND entity_id IN (SELECT CAST(value AS TEXT) FROM json_each(?))`,
          entity,
          JSON.stringify(list)
        )
  }).sort((a, b) => Number(a.id) - Number(b.id))
  return {
    format: 'passerelle-rgpd-export',
    version: 1,
    exportedAt,
    organisation: one(db, 'SELECT raison_sociale, siret, address_line1, postal_code, city, phone, email FROM organisation WHERE id = 1'),
    person,
    registrations: all(
      db,
      `SELECT r.*, ev.kind AS event_kind, ev.date AS event_date, ev.start_time AS event_start_time, s.label AS session_label, t.title AS training_title
       FROM registration r JOIN recruitment_event ev ON ev.id = r.event_id JOIN session s ON s.id = ev.session_id JOIN training t ON t.id = s.training_id
       WHERE r.trainee_id = ? ORDER BY ev.date, r.id`,
      traineeId
    ),
    enrolments,
    quotes,
    documents: all(
      db,
      `SELECT id, kind, period, file_name, sha256, size_bytes, verification_code, generated_at, generated_by, supersedes_id FROM generated_document
       WHERE trainee_id = ? OR enrolment_id IN (SELECT id FROM enrolment WHERE trainee_id = ?) ORDER BY id`,
      traineeId,
      traineeId
    ),
    audit
  }
}
