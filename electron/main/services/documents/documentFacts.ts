import { daysInMonth } from '@shared/domain/dates'
import { applicability, enrolmentMissing, organisationMissing, type EnrolmentFacts, type MissingItem } from '@shared/domain/documentChecks'
import { personSubject, type DocumentKind } from '@shared/domain/documents'
import type { Db } from '../../db/open'
import type { OrganisationIdentity } from '../../pdf/types'
import { enrolmentLedgers, type EnrolmentLedger } from '../hours/hoursService'
import { reportReader, type EnrolmentRow, type ReportRow, type SessionInfo } from './documentSources'

/*
 * Gathers, for each person of a batch, the facts the pure document rules judge
 * (shared/domain/documentChecks.ts): the exit report, the ledger's hours as of the generation
 * date, whether the last bilan generated is outdated, whether the month of a statement is attested.
 */

export type PersonFacts = {
  enrolment: EnrolmentRow
  report: ReportRow | undefined
  /** The whole-span ledger as of the generation date (null: never entered). */
  ledger: EnrolmentLedger | null
  facts: EnrolmentFacts
}

export type PersonCheck = {
  enrolmentId: number
  sessionId: number
  name: string
  /** Why the document cannot exist for this person (never generated). */
  refusal: string | null
  /** Mandatory data missing (generated only when the clerk forces it). */
  missing: MissingItem[]
}

export const monthBounds = (month: string): { from: string; to: string } => ({ from: `${month}-01`, to: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` })

/** Hours realised to print on end-of-training documents: the exit report's corrected hours, else the ledger's. */
export function realisedHours(report: ReportRow | undefined, ledger: EnrolmentLedger | null): number {
  if (report?.hours_override_reason && report.hours_completed !== null) return report.hours_completed
  return ledger?.summary.realisedHours ?? 0
}

export function gatherFacts(db: Db, enrolments: readonly EnrolmentRow[], session: (id: number) => SessionInfo, issuedOn: string, month: string | null): PersonFacts[] {
  const ledgers = new Map(enrolmentLedgers(db, enrolments.map((e) => e.id), issuedOn).map((l) => [l.enrolmentId, l]))
  const report = reportReader(db)
  const lastBilan = db.prepare<[number], { at: string }>(
    "SELECT max(generated_at) AS at FROM generated_document WHERE kind = 'bilan_fin' AND enrolment_id = ? HAVING count(*) > 0"
  )
  const lastAttendance = db.prepare<[number], { at: string | null }>('SELECT max(updated_at) AS at FROM attendance_day WHERE enrolment_id = ?')
  const attested = db.prepare<[number, string], { attested_at: string | null }>('SELECT attested_at FROM attendance_month WHERE enrolment_id = ? AND month = ?')
  return enrolments.map((e) => {
    const r = report(e.id)
    const ledger = ledgers.get(e.id) ?? null
    const s = session(e.session_id)
    const bilan = r ? lastBilan.get(e.id) : undefined
    const attendanceAt = bilan ? (lastAttendance.get(e.id)?.at ?? null) : null
    const bounds = month ? monthBounds(month) : null
    const inMonth =
      bounds !== null &&
      e.entry_date !== null &&
      e.entry_date <= bounds.to &&
      (e.exit_date === null || e.exit_date >= bounds.from) &&
      (s.row.start_date === null || s.row.start_date <= bounds.to) &&
      (s.row.end_date === null || s.row.end_date >= bounds.from)
    const facts: EnrolmentFacts = {
      status: e.status,
      funding: e.funding,
      fundingReference: e.funding_reference,
      entryDate: e.entry_date,
      exitDate: r?.exit_date ?? e.exit_date,
      ftId: e.ft_id,
      certifying: s.certifying,
      exitReport: r ? { certificationResult: r.certification_result } : null,
      bilanOutdated: bilan !== undefined && r !== undefined && (r.updated_at > bilan.at || (attendanceAt !== null && attendanceAt > bilan.at)),
      realisedHours: realisedHours(r, ledger),
      month,
      inTrainingThatMonth: inMonth,
      monthAttested: month !== null && Boolean(attested.get(e.id, month)?.attested_at)
    }
    return { enrolment: e, report: r, ledger, facts }
  })
}

/** The rules applied to each person: refusal, then what is missing (the organisation's gaps included). */
export function judge(kind: DocumentKind, organisation: OrganisationIdentity, people: readonly PersonFacts[]): PersonCheck[] {
  const orgMissing = organisationMissing(organisation)
  return people.map(({ enrolment: e, facts }) => {
    const refusal = applicability(kind, facts)
    return {
      enrolmentId: e.id,
      sessionId: e.session_id,
      name: personSubject(e.last_name, e.first_name),
      refusal,
      missing: refusal ? [] : [...orgMissing, ...enrolmentMissing(kind, facts)]
    }
  })
}
