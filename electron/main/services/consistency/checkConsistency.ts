import { AppError } from '@shared/api/result'
import { consistencyReport, monthsToAttest, type ConsistencyFacts, type ConsistencyReport, type DeclaredDate } from '@shared/domain/invoiceConsistency'
import type { Db } from '../../db/open'
import { enrolmentLedgers } from '../hours/hoursService'
import { invoicedHoursByEnrolment } from './invoicedHours'

/*
 * Gathers, for the enrolments of a session, what the consistency rules compare
 * (shared/domain/invoiceConsistency.ts): hours from the ledger, the days present, the attested
 * months, the entry and exit events with their KAIROS declaration, the hours on the last
 * certificat de réalisation (generated_document.hours) and the hours invoiced. Read only.
 */

export type ConsistencyInput = {
  sessionId: number
  /** Limit the check to these enrolments of the session (default: every one entered, out or dropped out). */
  enrolmentIds?: number[]
  /** The check's date: no day after it counts as done. */
  asOf: string
  /** A draft invoice to include in the hours invoiced (the one about to be issued). */
  invoiceId?: number
}

/** Statuses that can be invoiced: the trainee entered the training. */
const BILLABLE = ['entre', 'sorti', 'abandon']

type EnrolmentRow = { id: number; sessionId: number; status: string; entryDate: string | null; exitDate: string | null; lastName: string; firstName: string }
type EventRow = { enrolmentId: number; kind: string; date: string; declaredOn: string | null; requires: number }
type DayRow = { enrolmentId: number; date: string; hours: number | null; code: string | null }

function loadEnrolments(db: Db, input: ConsistencyInput): EnrolmentRow[] {
  const session = db.prepare<[number], { id: number }>('SELECT id FROM session WHERE id = ?').get(input.sessionId)
  if (!session) throw new AppError('not_found', 'Cette session est introuvable.')
  const rows = db
    .prepare<[number], EnrolmentRow>(
      `SELECT e.id, e.session_id AS sessionId, e.status, e.entry_date AS entryDate, e.exit_date AS exitDate, t.last_name AS lastName, t.first_name AS firstName
       FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
       WHERE e.session_id = ? ORDER BY t.last_name COLLATE NOCASE, t.first_name COLLATE NOCASE, e.id`
    )
    .all(input.sessionId)
  if (input.enrolmentIds === undefined) return rows.filter((r) => BILLABLE.includes(r.status))
  const wanted = new Set(input.enrolmentIds)
  const picked = rows.filter((r) => wanted.has(r.id))
  if (picked.length !== wanted.size) throw new AppError('invalid_input', 'Certaines inscriptions demandées n’appartiennent pas à cette session.')
  return picked
}

function lastEvents(db: Db, ids: string): Map<number, { entry: DeclaredDate | null; exit: DeclaredDate | null }> {
  const rows = db
    .prepare<[string], EventRow>(
      `SELECT ev.enrolment_id AS enrolmentId, ev.kind, ev.effective_date AS date, ev.kairos_declared_on AS declaredOn, ev.requires_declaration AS requires
       FROM json_each(?) AS j CROSS JOIN enrolment_event ev ON ev.enrolment_id = j.value
       WHERE ev.kind IN ('entry', 'exit', 'dropout') ORDER BY ev.id`
    )
    .all(ids)
  const map = new Map<number, { entry: DeclaredDate | null; exit: DeclaredDate | null }>()
  for (const r of rows) {
    const slot = map.get(r.enrolmentId) ?? { entry: null, exit: null }
    const event: DeclaredDate = { date: r.date, declaredOn: r.declaredOn, requiresDeclaration: r.requires === 1 }
    if (r.kind === 'entry') slot.entry = event
    else slot.exit = event
    map.set(r.enrolmentId, slot)
  }
  return map
}

function lastCertificates(db: Db, ids: string): Map<number, { hours: number | null; generatedAt: string }> {
  const rows = db
    .prepare<[string], { enrolmentId: number; hours: number | null; generatedAt: string }>(
      `SELECT d.enrolment_id AS enrolmentId, d.hours, d.generated_at AS generatedAt
       FROM json_each(?) AS j CROSS JOIN generated_document d ON d.enrolment_id = j.value
       WHERE d.kind = 'certificat_realisation' ORDER BY d.generated_at, d.id`
    )
    .all(ids)
  return new Map(rows.map((r) => [r.enrolmentId, { hours: r.hours, generatedAt: r.generatedAt }]))
}

/** Checks the enrolments of a session before invoicing: every difference per trainee, with where to fix it. */
export function checkConsistency(db: Db, input: ConsistencyInput): ConsistencyReport {
  const enrolments = loadEnrolments(db, input)
  const idList = enrolments.map((e) => e.id)
  const ids = JSON.stringify(idList)
  const ledgers = new Map(enrolmentLedgers(db, idList, input.asOf).map((l) => [l.enrolmentId, l.summary.realisedHours]))
  const days = db
    .prepare<[string], DayRow>(
      `SELECT d.enrolment_id AS enrolmentId, d.date, d.hours, d.absence_code AS code
       FROM json_each(?) AS j CROSS JOIN attendance_day d ON d.enrolment_id = j.value ORDER BY d.date`
    )
    .all(ids)
  const attested = new Set(
    db
      .prepare<[string], { key: string }>(
        `SELECT m.enrolment_id || ':' || m.month AS key FROM json_each(?) AS j CROSS JOIN attendance_month m ON m.enrolment_id = j.value WHERE m.attested_at IS NOT NULL`
      )
      .all(ids)
      .map((r) => r.key)
  )
  const events = lastEvents(db, ids)
  const certificates = lastCertificates(db, ids)
  const invoiced = invoicedHoursByEnrolment(db, idList, input.invoiceId ?? null)

  const facts = enrolments.map((e): ConsistencyFacts => {
    const own = days.filter((d) => d.enrolmentId === e.id)
    // Present: hours attended, or a company period (training, never an absence).
    const present = own.filter((d) => d.date <= input.asOf && ((d.hours ?? 0) > 0 || d.code === 'ENT')).map((d) => d.date)
    const outside = present.filter((d) => e.entryDate === null || d < e.entryDate || (e.exitDate !== null && d > e.exitDate))
    const inside = present.filter((d) => !outside.includes(d))
    const ev = events.get(e.id)
    return {
      enrolmentId: e.id,
      sessionId: e.sessionId,
      traineeName: `${e.lastName.toLocaleUpperCase('fr-FR')} ${e.firstName}`.trim(),
      status: e.status,
      entryDate: e.entryDate,
      exitDate: e.exitDate,
      entryEvent: ev?.entry ?? null,
      exitEvent: ev?.exit ?? null,
      ledgerHours: ledgers.get(e.id) ?? 0,
      firstPresent: inside[0] ?? null,
      lastPresent: inside[inside.length - 1] ?? null,
      presentOutside: outside,
      futureDays: own.filter((d) => d.date > input.asOf && (d.hours ?? 0) > 0).map((d) => d.date),
      unattestedMonths: monthsToAttest(e.entryDate, e.exitDate, input.asOf).filter((m) => !attested.has(`${e.id}:${m}`)),
      certificate: certificates.get(e.id) ?? null,
      invoicedHours: invoiced.get(e.id) ?? null
    }
  })
  return consistencyReport(facts, input.asOf)
}
