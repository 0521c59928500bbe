import type { z } from 'zod'
import type { ExitReportRow, exitReportOps } from '@shared/api/areas/exitReports'
import { AppError } from '@shared/api/result'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { enrolmentLedgers } from '../hours/hoursService'
import { nowIso, type ServiceContext } from '../context'
import { civilityOf } from '@shared/domain/frenchFormat'

export type SaveExitReportInput = z.output<(typeof exitReportOps)['exitReports:save']['input']>

const REPORT_STATUSES = ['entre', 'sorti', 'abandon'] as const

/** The joined enrolment and report as read: the row's stored fields, with the enrolment's and the report's exit apart and the raw civility, status and hours. */
type RawRow = Omit<ExitReportRow, 'civility' | 'status' | 'exitDate' | 'exitReason' | 'hoursCompleted'> & {
  civility: string | null
  status: string
  enrolmentExitDate: string | null
  enrolmentExitReason: string | null
  dropoutReason: string | null
  reportExitDate: string | null
  reportExitReason: string | null
  hoursCompleted: number | null
}

const SELECT = `
  SELECT e.id AS enrolmentId, r.id AS reportId, e.session_id AS sessionId, t.id AS traineeId,
         t.last_name AS lastName, t.first_name AS firstName, t.civility, t.ft_id AS ftId, e.status,
         e.entry_date AS entryDate, e.exit_date AS enrolmentExitDate, e.exit_reason AS enrolmentExitReason,
         e.dropout_reason AS dropoutReason,
         0 AS hoursComputed,
         r.exit_date AS reportExitDate, r.exit_reason AS reportExitReason, r.hours_completed AS hoursCompleted,
         r.hours_override_reason AS hoursOverrideReason, r.certification_result AS certificationResult,
         r.skills_acquired AS skillsAcquired, r.next_step AS nextStep, r.comments, r.completed_at AS completedAt,
         r.updated_at AS updatedAt, r.updated_by AS updatedBy
  FROM enrolment e
  JOIN trainee t ON t.id = e.trainee_id
  LEFT JOIN exit_report r ON r.enrolment_id = e.id`

const round2 = (n: number): number => Math.round(n * 100) / 100

function toRow(r: RawRow): ExitReportRow {
  const computed = round2(r.hoursComputed)
  return {
    enrolmentId: r.enrolmentId,
    reportId: r.reportId,
    sessionId: r.sessionId,
    traineeId: r.traineeId,
    lastName: r.lastName,
    firstName: r.firstName,
    civility: civilityOf(r.civility),
    ftId: r.ftId,
    status: r.status as ExitReportRow['status'],
    entryDate: r.entryDate,
    exitDate: r.reportExitDate ?? r.enrolmentExitDate,
    exitReason: r.reportExitReason ?? r.enrolmentExitReason ?? r.dropoutReason,
    hoursComputed: computed,
    hoursCompleted: r.hoursOverrideReason !== null && r.hoursCompleted !== null ? r.hoursCompleted : computed,
    hoursOverrideReason: r.hoursOverrideReason,
    certificationResult: r.certificationResult,
    skillsAcquired: r.skillsAcquired,
    nextStep: r.nextStep,
    comments: r.comments,
    completedAt: r.completedAt,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy
  }
}

/**
 * The hours each report starts from: the hours ledger's realised hours (in centre and in a
 * company) from entry to exit, as of `asOf` — never a day after it, whatever was typed.
 */
function withLedgerHours(db: Db, rows: RawRow[], asOf: string): RawRow[] {
  const realised = new Map(enrolmentLedgers(db, rows.map((r) => r.enrolmentId), asOf).map((l) => [l.enrolmentId, l.summary.realisedHours]))
  return rows.map((r) => ({ ...r, hoursComputed: realised.get(r.enrolmentId) ?? 0 }))
}

export function listExitReports(db: Db, sessionId: number, asOf: string): ExitReportRow[] {
  const rows = db
    .prepare<unknown[], RawRow>(`${SELECT} WHERE e.session_id = ? AND e.status IN ('entre', 'sorti', 'abandon') ORDER BY t.last_name COLLATE NOCASE, t.first_name COLLATE NOCASE, e.id`)
    .all(sessionId)
  return withLedgerHours(db, rows, asOf).map(toRow)
}

export function getExitReport(db: Db, enrolmentId: number, asOf: string): ExitReportRow {
  const found = db.prepare<unknown[], RawRow>(`${SELECT} WHERE e.id = ?`).get(enrolmentId)
  const row = found ? withLedgerHours(db, [found], asOf)[0] : undefined
  if (!row) throw new AppError('not_found', 'Cette inscription est introuvable.')
  if (!(REPORT_STATUSES as readonly string[]).includes(row.status)) {
    throw new AppError('refused', `Le bilan de fin de formation concerne un stagiaire entré, sorti ou en abandon : ${row.firstName} ${row.lastName.toLocaleUpperCase('fr-FR')} ne l’est pas.`)
  }
  return toRow(row)
}

/**
 * Creates or updates one report. The hours are those computed from attendance unless the clerk
 * states others, which needs a reason (kept in the report and the audit log).
 */
export function saveExitReport(ctx: ServiceContext, input: SaveExitReportInput): ExitReportRow {
  return ctx.db.transaction(() => {
    const today = nowIso(ctx.clock).slice(0, 10)
    const before = getExitReport(ctx.db, input.enrolmentId, today)
    const now = nowIso(ctx.clock)
    const pick = <K extends keyof SaveExitReportInput>(key: K, current: SaveExitReportInput[K]): SaveExitReportInput[K] =>
      input[key] === undefined ? current : input[key]

    // Hours: undefined keeps the current state, null returns to the computed hours.
    let hoursCompleted: number | null = before.hoursOverrideReason !== null ? before.hoursCompleted : null
    let overrideReason: string | null = before.hoursOverrideReason
    if (input.hoursCompleted !== undefined) {
      hoursCompleted = input.hoursCompleted === null || round2(input.hoursCompleted) === before.hoursComputed ? null : round2(input.hoursCompleted)
      overrideReason = hoursCompleted === null ? null : input.hoursOverrideReason ?? (before.hoursOverrideReason ?? null)
    } else if (input.hoursOverrideReason !== undefined && hoursCompleted !== null) {
      overrideReason = input.hoursOverrideReason
    }
    if (hoursCompleted !== null && (overrideReason === null || overrideReason.trim().length < 5)) {
      throw new AppError('invalid_input', `Les heures réalisées (${String(hoursCompleted).replace('.', ',')}) diffèrent de celles de l’assiduité (${String(before.hoursComputed).replace('.', ',')}) : indiquez le motif de la correction.`, [
        { path: 'hoursOverrideReason', message: 'Motif obligatoire quand les heures sont corrigées (5 caractères au moins).' }
      ])
    }
    const values = {
      enrolment_id: input.enrolmentId,
      exit_date: pick('exitDate', before.exitDate) ?? null,
      exit_reason: pick('exitReason', before.exitReason) ?? null,
      hours_computed: before.hoursComputed,
      hours_completed: hoursCompleted ?? before.hoursComputed,
      hours_override_reason: overrideReason,
      certification_result: pick('certificationResult', before.certificationResult) ?? null,
      skills_acquired: pick('skillsAcquired', before.skillsAcquired) ?? null,
      next_step: pick('nextStep', before.nextStep) ?? null,
      comments: pick('comments', before.comments) ?? null,
      completed_at: input.completed === undefined ? before.completedAt : input.completed ? (before.completedAt ?? now) : null,
      now,
      by: ctx.actor.name
    }
    if (values.exit_date !== null && before.entryDate !== null && values.exit_date < before.entryDate) {
      throw new AppError('invalid_input', 'La date de sortie ne peut précéder la date d’entrée.', [{ path: 'exitDate', message: 'Date antérieure à l’entrée.' }])
    }
    ctx.db
      .prepare(
        `INSERT INTO exit_report (enrolment_id, exit_date, exit_reason, hours_computed, hours_completed, hours_override_reason,
           certification_result, skills_acquired, next_step, comments, completed_at, created_at, created_by, updated_at, updated_by)
         VALUES (@enrolment_id, @exit_date, @exit_reason, @hours_computed, @hours_completed, @hours_override_reason,
           @certification_result, @skills_acquired, @next_step, @comments, @completed_at, @now, @by, @now, @by)
         ON CONFLICT (enrolment_id) DO UPDATE SET exit_date = excluded.exit_date, exit_reason = excluded.exit_reason,
           hours_computed = excluded.hours_computed, hours_completed = excluded.hours_completed,
           hours_override_reason = excluded.hours_override_reason, certification_result = excluded.certification_result,
           skills_acquired = excluded.skills_acquired, next_step = excluded.next_step, comments = excluded.comments,
           completed_at = excluded.completed_at, updated_at = excluded.updated_at, updated_by = excluded.updated_by`
      )
      .run(values)
    const after = getExitReport(ctx.db, input.enrolmentId, today)
    recordAudit(ctx, {
      operation: before.reportId === null ? 'exitReport.create' : 'exitReport.update',
      entity: 'exit_report',
      entityId: after.reportId,
      before: before.reportId === null ? undefined : before,
      after
    })
    return after
  })()
}
