import type { AttendanceRow, AttendanceSessionSummary, CellValue } from '@shared/api/areas/attendance'
import { formatHours } from '@shared/domain/hours'
import { type Rect, rectSize } from './gridOps'

/*
 * Words of the attendance grid, pure: who a row is, a day's short label, the selection's summary
 * and the state of the month for the attestation banner.
 */

/**
 * The grid's status after a failed save. A lost answer is read back by the client (api/readBack.ts):
 * never applied → « à refaire »; applied but its answer too large to keep → reload to see it; the
 * backend never came back → « Non confirmé » (it may have been committed).
 */
export function failedSaveStatus(code: string): string {
  if (code === 'unanswered') return 'Non confirmé'
  if (code === 'not_applied') return 'Non enregistré, à refaire'
  if (code === 'applied_unread') return 'Enregistré : rechargez la page'
  return 'Non enregistré'
}

export const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`

/** « DUPONT Marie » */
export const who = (r: Pick<AttendanceRow, 'lastName' | 'firstName'> | undefined): string => (r ? `${r.lastName.toUpperCase()} ${r.firstName}` : '?')

/** « 05/11 » for a day index of the month. */
export function dayText(days: readonly { day: number; date: string }[] | undefined, col: number): string {
  const d = days?.[col]
  return d ? `${String(d.day).padStart(2, '0')}/${d.date.slice(5, 7)}` : '?'
}

/** Day index of a date of `month` (yyyy-mm-dd: the day number minus one), −1 for another month. */
export const dayIndexIn = (month: string | undefined, date: string): number => (month !== undefined && date.startsWith(month) ? Number(date.slice(8, 10)) - 1 : -1)

/** « 2 × 3 = 6 cellules · 42 h · 1 absence » for a selection of two cells or more ('' otherwise). */
export function selectionSummary(rect: Rect | null, valueAt: (row: number, col: number) => CellValue): string {
  if (!rect || rectSize(rect).cells < 2) return ''
  let hundredths = 0
  let codes = 0
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = valueAt(r, c)
      if (typeof v === 'number') hundredths += Math.round(v * 100)
      else if (v !== null) {
        codes++
        if (typeof v === 'object') hundredths += Math.round(v.hours * 100)
      }
    }
  }
  const s = rectSize(rect)
  return `${s.rows} × ${s.cols} = ${plural(s.cells, 'cellule', 'cellules')} · ${formatHours(hundredths / 100)} h${codes ? ` · ${plural(codes, 'absence', 'absences')}` : ''}`
}

/** « 25/11/2026 » from an ISO date. */
export const shortFr = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

export type MonthState =
  | { kind: 'loading' }
  | { kind: 'attested'; at: string; by: string }
  | { kind: 'partly'; attested: number; sessions: number }
  | { kind: 'not_yet'; opensOn: string }
  | { kind: 'to_attest' }

/** What the banner says of the month: attested, partly attested, not open yet, or to attest. */
export function monthState(sessions: readonly AttendanceSessionSummary[] | null, today: string, canAttestFrom: string | null): MonthState {
  if (sessions === null || canAttestFrom === null) return { kind: 'loading' }
  const attested = sessions.map((s) => s.attested).filter((a): a is { at: string; by: string } => a !== null)
  const last = [...attested].sort((a, b) => b.at.localeCompare(a.at))[0]
  if (sessions.length > 0 && attested.length === sessions.length && last) return { kind: 'attested', ...last }
  if (attested.length > 0) return { kind: 'partly', attested: attested.length, sessions: sessions.length }
  if (today < canAttestFrom) return { kind: 'not_yet', opensOn: canAttestFrom }
  return { kind: 'to_attest' }
}
