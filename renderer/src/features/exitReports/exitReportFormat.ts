import type { Input } from '@shared/api/contract'
import type { ExitReportRow } from '@shared/api/areas/exitReports'
import { CERTIFICATION_RESULTS, CERTIFICATION_RESULT_CODES, certificationResultText, type CertificationResult } from '@shared/domain/documents'
import { participleFr, type Civility } from '@shared/domain/frenchFormat'
import { DROPOUT_REASONS, EXIT_REASONS } from '@shared/domain/enrolmentStateMachine'

export type SaveInput = Input<'exitReports:save'>

/** Short labels for the grid's select (the long ones are printed on the report). */
export const CERTIFICATION_SHORT: Record<CertificationResult, string> = {
  totale: 'Totale',
  partielle: 'Partielle',
  non_obtenue: 'Non obtenue',
  non_presentee: 'Non présentée'
}

export const CERTIFICATION_OPTIONS = CERTIFICATION_RESULT_CODES.map((value) => ({ value, label: CERTIFICATION_SHORT[value], long: CERTIFICATION_RESULTS[value] }))

const isResult = (value: unknown): value is CertificationResult => typeof value === 'string' && value in CERTIFICATION_SHORT

/** The grid's short label, agreed with the person: « Non présenté », « Non présentée » (« Non présenté(e) » when unknown). */
export function certificationLabel(value: unknown, civility: Civility = null): string {
  if (!isResult(value)) return ''
  return value === 'non_presentee' ? `Non ${participleFr('présenté', civility)}` : CERTIFICATION_SHORT[value]
}

/** The long label for one person (the dialog's options, the cell's tooltip): « Ne s’est pas présentée à la certification ». */
export function certificationLongLabel(value: unknown, civility: Civility = null): string {
  return isResult(value) ? certificationResultText(value, true, civility) : ''
}

export const EXIT_STATUS_LABELS: Record<ExitReportRow['status'], string> = { entre: 'En formation', sorti: 'Sorti', abandon: 'Abandon' }

/** A reason code of the exit or dropout becomes its French label; free text stays as typed. */
export function exitReasonLabel(reason: string | null): string {
  if (!reason) return ''
  const all: Record<string, string> = { ...EXIT_REASONS, ...DROPOUT_REASONS }
  return all[reason] ?? reason
}

export const personLabel = (r: Pick<ExitReportRow, 'lastName' | 'firstName'>): string => `${r.lastName} ${r.firstName}`

/** Whether saving these hours overrides the attendance (then a reason is needed). */
export function isHoursOverride(row: Pick<ExitReportRow, 'hoursComputed'>, hours: number | null): boolean {
  return hours !== null && Math.round(hours * 100) !== Math.round(row.hoursComputed * 100)
}

const TEXT_FIELDS = ['exitReason', 'skillsAcquired', 'nextStep', 'comments'] as const
type TextField = (typeof TEXT_FIELDS)[number]
const isTextField = (f: string): f is TextField => (TEXT_FIELDS as readonly string[]).includes(f)

/**
 * One grid cell edit as an `exitReports:save` input, or null when the field is not editable.
 * Hours equal to the computed ones (or blank) return to the attendance: `hoursCompleted: null`.
 */
export function cellEditInput(row: ExitReportRow, field: string, value: unknown, overrideReason?: string): SaveInput | null {
  const enrolmentId = row.enrolmentId
  if (isTextField(field)) return { enrolmentId, [field]: typeof value === 'string' && value.trim() !== '' ? value.trim() : null }
  if (field === 'exitDate') return { enrolmentId, exitDate: typeof value === 'string' ? value : null }
  if (field === 'certificationResult') {
    const code = typeof value === 'string' && (CERTIFICATION_RESULT_CODES as readonly string[]).includes(value) ? (value as CertificationResult) : null
    return { enrolmentId, certificationResult: code }
  }
  if (field === 'hoursCompleted') {
    const hours = typeof value === 'number' ? value : null
    if (!isHoursOverride(row, hours)) return { enrolmentId, hoursCompleted: null }
    return { enrolmentId, hoursCompleted: hours, ...(overrideReason ? { hoursOverrideReason: overrideReason } : {}) }
  }
  return null
}
