import type { AttendanceRow, HoursSummary, PrefillResult } from '@shared/api/areas/attendance'
import { monthBounds } from '@shared/domain/attendance'
import { formatDateFr } from '@shared/domain/dates'
import { formatHours } from '@shared/domain/hours'
import { sumSummaries } from '@shared/domain/hoursLedger'

/*
 * What the attendance screen says about a month, from the hours ledger the service sends with
 * each row (row.ledger): the totals shown before attesting, and the sentence after a fill.
 * Pure, so that the words and figures are unit-tested.
 */

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`

/** The ledger totals of the rows of the sessions to attest (all rows when none is given). */
export function scopeSummary(rows: readonly AttendanceRow[], sessionIds: readonly number[] | null, month: string, asOf: string): HoursSummary {
  const { first, last } = monthBounds(month)
  const inScope = sessionIds === null ? rows : rows.filter((r) => sessionIds.includes(r.sessionId))
  return sumSummaries(
    inScope.map((r) => r.ledger),
    first,
    last,
    asOf
  )
}

export type SummaryLine = { key: string; label: string; hours: number; emphasis?: 'warning' }

/** The lines of the attestation dialog: planned, attended, absences, company, unrecorded. */
export function attestationLines(s: HoursSummary): SummaryLine[] {
  const lines: SummaryLine[] = [
    { key: 'scheduled', label: 'Heures prévues au planning du mois', hours: s.scheduledHours },
    { key: 'planned', label: `Dont prévues jusqu’au ${formatDateFr(s.asOf < s.to ? s.asOf : s.to)}`, hours: s.plannedHours },
    { key: 'attended', label: 'Heures réalisées en centre', hours: s.attendedHours },
    { key: 'company', label: 'Période en entreprise (ENT)', hours: s.companyHours },
    { key: 'justified', label: 'Absences justifiées', hours: s.justifiedAbsenceHours },
    { key: 'unjustified', label: 'Absences non justifiées', hours: s.unjustifiedAbsenceHours },
    { key: 'unrecorded', label: 'Jours prévus sans saisie', hours: s.unrecordedHours, ...(s.unrecordedHours > 0 ? { emphasis: 'warning' as const } : {}) }
  ]
  if (s.shortHours > 0) lines.push({ key: 'short', label: 'Heures manquantes sans motif', hours: s.shortHours, emphasis: 'warning' })
  if (s.extraHours > 0) lines.push({ key: 'extra', label: 'Heures au-delà du planning (forcées)', hours: s.extraHours })
  return lines
}

/** « 12 jours remplis, 186 h (3 stagiaires), jusqu’au 02/12/2026. » */
export function prefillMessage(filled: PrefillResult['filled']): string {
  if (filled.days === 0) {
    return `Aucun jour à remplir : les jours passés (jusqu’au ${formatDateFr(filled.until)}) sont déjà saisis, refusés ou laissés vides volontairement ; les jours à venir ne se remplissent pas.`
  }
  const who = filled.trainees > 1 ? ` (${plural(filled.trainees, 'stagiaire', 'stagiaires')})` : ''
  return `${plural(filled.days, 'jour rempli', 'jours remplis')}, ${formatHours(filled.hours)} h${who}, selon le planning jusqu’au ${formatDateFr(filled.until)}.`
}

/** Cells the fill must leave alone: refused a moment ago (`enrolmentId|dayIndex`) or cleared on purpose (`enrolmentId|date`). */
export function prefillSkip(month: string, rejected: Iterable<string>, cleared: Iterable<string>): { enrolmentId: number; date: string }[] {
  const out = new Map<string, { enrolmentId: number; date: string }>()
  for (const key of rejected) {
    const [id, index] = key.split('|').map(Number)
    if (id === undefined || index === undefined || !Number.isInteger(id) || id <= 0 || !Number.isInteger(index) || index < 0) continue
    const date = `${month}-${String(index + 1).padStart(2, '0')}`
    out.set(`${id}|${date}`, { enrolmentId: id, date })
  }
  for (const key of cleared) {
    const [id, date] = key.split('|')
    if (!id || !date || !date.startsWith(month)) continue
    out.set(`${id}|${date}`, { enrolmentId: Number(id), date })
  }
  return [...out.values()]
}
