import { AppError } from '@shared/api/result'
import { SESSION_FUNDER_CODES } from '@shared/domain/aifQuoteFunding'
import { bpfReport, type BpfEnrolment, type BpfInvoice, type BpfReport } from '@shared/domain/bpf'
import type { Db } from '../../db/open'
import { enrolmentLedgers } from '../hours/hoursService'

/*
 * Reads what the BPF of a fiscal year is made of and runs the pure aggregation
 * (shared/domain/bpf.ts): the invoices and credit notes issued in the year (cadre C) and the
 * enrolments in training during the year with their hours from the ledger over the year, as of
 * the year's end or today when the year is not over (cadre F). Read only.
 */

type InvoiceRow = { id: number; number: string; kind: string; funderCode: string | null; buyerName: string; issueDate: string; totalHtCents: number }
type EnrolmentRow = {
  enrolmentId: number
  lastName: string
  firstName: string
  sessionLabel: string
  trainingTitle: string
  ftId: string | null
  prescriber: string | null
  funding: string | null
  sessionFunder: string | null
  employerName: string | null
  certificationKind: string | null
  certificationLevel: number | null
  actionNature: string | null
  nsfCode: string | null
  formacode: string | null
}

export function fiscalYearBounds(year: number): { from: string; to: string } {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('invalid_input', 'Exercice invalide : indiquez une année entre 2000 et 2100.')
  return { from: `${year}-01-01`, to: `${year}-12-31` }
}

function invoicesOf(db: Db, from: string, to: string): BpfInvoice[] {
  // A credit note without its own funder type takes the credited invoice's.
  const rows = db
    .prepare<[string, string], InvoiceRow>(
      `SELECT i.id, i.number, i.kind, coalesce(i.funder_code, c.funder_code) AS funderCode, i.buyer_name AS buyerName, i.issue_date AS issueDate, i.total_ht_cents AS totalHtCents
       FROM invoice i LEFT JOIN invoice c ON c.id = i.credited_invoice_id
       WHERE i.status = 'issued' AND i.number IS NOT NULL AND i.issue_date BETWEEN ? AND ?
       ORDER BY i.issue_date, i.number`
    )
    .all(from, to)
  return rows.map((r) => ({ ...r, number: r.number, kind: r.kind === 'credit_note' ? 'credit_note' : 'invoice' }))
}

/** The session's funders in the list's order (région first, the person last), as the funding screens show them. */
const FUNDER_ORDER = `CASE f.funder_code ${SESSION_FUNDER_CODES.map((c, i) => `WHEN '${c}' THEN ${i}`).join(' ')} ELSE ${SESSION_FUNDER_CODES.length} END`

function enrolmentsOf(db: Db, from: string, to: string, asOf: string): BpfEnrolment[] {
  const rows = db
    .prepare<[string, string], EnrolmentRow>(
      `SELECT e.id AS enrolmentId, t.last_name AS lastName, t.first_name AS firstName, coalesce(s.label, tr.title) AS sessionLabel, tr.title AS trainingTitle,
              t.ft_id AS ftId, t.prescriber, e.funding,
              (SELECT f.funder_code FROM session_funder f WHERE f.session_id = s.id ORDER BY ${FUNDER_ORDER}, f.funder_code LIMIT 1) AS sessionFunder,
              e.employer_name AS employerName, tr.certification_kind AS certificationKind, tr.certification_level AS certificationLevel,
              tr.action_nature AS actionNature, tr.nsf_code AS nsfCode, tr.formacode
       FROM enrolment e JOIN trainee t ON t.id = e.trainee_id JOIN session s ON s.id = e.session_id JOIN training tr ON tr.id = s.training_id
       WHERE e.entry_date IS NOT NULL AND e.entry_date <= ? AND (e.exit_date IS NULL OR e.exit_date >= ?)
       ORDER BY t.last_name COLLATE NOCASE, t.first_name COLLATE NOCASE, e.id`
    )
    .all(to, from)
  const hours = new Map(enrolmentLedgers(db, rows.map((r) => r.enrolmentId), asOf, { from, to }).map((l) => [l.enrolmentId, l.summary.realisedHours]))
  return rows.map((r) => ({
    enrolmentId: r.enrolmentId,
    traineeName: `${r.lastName.toLocaleUpperCase('fr-FR')} ${r.firstName}`.trim(),
    sessionLabel: r.sessionLabel,
    trainingTitle: r.trainingTitle,
    ftId: r.ftId,
    prescriber: r.prescriber,
    funding: r.funding ?? r.sessionFunder,
    employerName: r.employerName,
    certificationKind: r.certificationKind,
    certificationLevel: r.certificationLevel,
    actionNature: r.actionNature,
    nsfCode: r.nsfCode?.split(',')[0]?.trim() || null,
    formacode: r.formacode,
    hours: hours.get(r.enrolmentId) ?? 0
  }))
}

/** The BPF of a fiscal year (calendar year), as of `today` when the year is not over. */
export function computeBpf(db: Db, year: number, today: string): BpfReport {
  const { from, to } = fiscalYearBounds(year)
  if (from > today) throw new AppError('refused', `L’exercice ${year} n’a pas commencé : le bilan pédagogique et financier porte sur un exercice passé ou en cours.`)
  const asOf = to < today ? to : today
  return bpfReport(year, invoicesOf(db, from, to), enrolmentsOf(db, from, to, asOf))
}
