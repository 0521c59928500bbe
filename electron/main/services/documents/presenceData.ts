import { AppError } from '@shared/api/result'
import { dateFr } from '@shared/domain/frenchFormat'
import { ABSENCE_CODES, type AbsenceCode } from '@shared/domain/enrolment'
import { COMPANY_CODE, type HoursSummary, type LedgerDay } from '@shared/domain/hoursLedger'
import { formatHours } from '@shared/domain/hours'
import type { Db } from '../../db/open'
import type { DocumentData, IssueInfo, PresenceCell, PresenceDay, PresenceTotals } from '../../pdf/types'
import { enrolmentLedgers, type EnrolmentLedger } from '../hours/hoursService'
import { monthBounds } from './documentFacts'
import { loadSession, sessionEnrolments, traineeOf, type EnrolmentRow, type SessionInfo } from './documentSources'

/*
 * The monthly attendance statement (état de présence), per trainee or per session, read from the
 * hours ledger as of the generation date: planned hours exclude holidays, closures and days outside
 * entry and exit; company periods (ENT) are counted apart, never as absences; a day after the
 * generation date is never counted.
 */

const codeLabel = (code: AbsenceCode): string => ABSENCE_CODES[code]?.label ?? code

export function totalsOf(s: HoursSummary): PresenceTotals {
  const byCode = (Object.keys(s.absenceHours) as AbsenceCode[]).map((code) => ({ code, hours: s.absenceHours[code as Exclude<AbsenceCode, 'ENT'>] ?? 0, days: s.absenceDays[code as Exclude<AbsenceCode, 'ENT'>] ?? 0 }))
  return {
    planned: s.plannedHours,
    attended: s.attendedHours,
    company: s.companyHours,
    justified: s.justifiedAbsenceHours,
    unjustified: s.unjustifiedAbsenceHours,
    unrecorded: s.unrecordedHours,
    extra: s.extraHours,
    short: 'shortHours' in s && typeof s.shortHours === 'number' ? s.shortHours : 0,
    byCode: byCode.sort((a, b) => a.code.localeCompare(b.code))
  }
}

/** What a day says besides its hours: absence, company period, holiday, closure, exit, interruption, future. */
function dayNote(d: LedgerDay): string | null {
  if (d.presence === 'after_exit') return 'Sortie'
  if (d.presence === 'interruption') return 'Interruption'
  if (d.presence === 'before_entry') return 'Avant l’entrée'
  if (d.holiday && !d.weekend) return `Férié (${d.holiday})`
  if (d.presence === 'session_break') return 'Fermeture'
  if (d.future) return d.planned > 0 ? 'à venir' : null
  const v = d.value
  if (v === null || typeof v === 'number') return v === null && d.planned > 0 ? 'non saisi' : null
  const code = typeof v === 'string' ? v : v.code
  const absent = typeof v === 'string' ? d.planned : Math.max(0, Math.round((d.planned - v.hours) * 100) / 100)
  const what = code === COMPANY_CODE ? 'Période en entreprise' : `${code} – ${codeLabel(code)}`
  return `${what}${absent > 0 ? ` (${formatHours(absent)} h)` : ''}`
}

// A whole day of absence has no hours column (its note says why); a partial one has the hours attended.
const hoursOf = (d: LedgerDay): number | null => (d.future || d.value === null || typeof d.value === 'string' ? null : typeof d.value === 'number' ? d.value : d.value.hours)

/** Exit and interruptions falling within the month, in words. */
function eventsOf(e: EnrolmentRow, l: EnrolmentLedger, from: string, to: string): string[] {
  const out: string[] = []
  if (e.entry_date && e.entry_date >= from && e.entry_date <= to) out.push(`Entrée le ${dateFr(e.entry_date)}`)
  for (const p of l.calendar.interruptions) {
    if (p.start <= to && (p.end === null || p.end >= from)) out.push(p.end ? `Interruption du ${dateFr(p.start)} au ${dateFr(p.end)}` : `Interruption depuis le ${dateFr(p.start)}`)
  }
  if (e.exit_date && e.exit_date >= from && e.exit_date <= to) out.push(`Sortie le ${dateFr(e.exit_date)}${e.exit_reason ? ` (${e.exit_reason})` : ''}`)
  return out
}

const legendOf = (codes: Iterable<string>): { code: string; label: string }[] =>
  [...new Set(codes)].sort().map((code) => ({ code, label: code === COMPANY_CODE ? 'Période en entreprise (comptée à part, jamais comme absence)' : (ABSENCE_CODES[code as AbsenceCode]?.label ?? code) }))

function usedCodes(days: readonly LedgerDay[]): string[] {
  return days.flatMap((d) => (d.value !== null && typeof d.value !== 'number' && !d.future ? [typeof d.value === 'string' ? d.value : d.value.code] : []))
}

export function presenceTraineeData(db: Db, month: string, e: EnrolmentRow, s: SessionInfo, issue: IssueInfo): DocumentData {
  const bounds = monthBounds(month)
  const ledger = enrolmentLedgers(db, [e.id], issue.issuedOn, bounds)[0]
  if (!ledger) throw new AppError('refused', 'Pas d’état de présence : ce stagiaire n’a pas de période de formation connue.')
  // The working days of the month and every day with something entered (a Saturday worked).
  const days: PresenceDay[] = ledger.days
    .filter((d) => !d.weekend || d.planned > 0 || (d.value !== null && !d.future))
    .map((d) => ({ date: d.date, planned: d.planned, hours: hoursOf(d), note: dayNote(d), off: d.presence !== null || d.holiday !== null }))
  return {
    ...issue,
    kind: 'etat_presence',
    scope: 'trainee',
    month,
    trainee: traineeOf(e),
    training: s.training,
    days,
    totals: totalsOf(ledger.summary),
    absenceLegend: legendOf(usedCodes(ledger.days)),
    events: eventsOf(e, ledger, bounds.from, bounds.to)
  }
}

/** The short text of a session statement's cell. */
function cellOf(d: LedgerDay, firstAfterExit: boolean): PresenceCell {
  if (d.presence === 'after_exit') return { text: firstAfterExit ? 'Sortie' : '', off: true, exit: true }
  if (d.presence === 'interruption') return { text: d.weekend || d.holiday ? '' : 'Interr.', off: true }
  if (d.presence === 'before_entry') return { text: '', off: true }
  if (d.holiday || d.presence === 'session_break') return { text: d.holiday && !d.weekend ? 'F' : '', off: true }
  if (d.future) return { text: '', off: d.weekend }
  const v = d.value
  if (v === null) return { text: '', off: d.weekend }
  if (typeof v === 'number') return { text: formatHours(v), off: d.weekend }
  if (typeof v === 'string') return { text: v, off: d.weekend }
  return { text: `${formatHours(v.hours)} ${v.code}`, off: d.weekend }
}

export function presenceSessionData(db: Db, sessionId: number, month: string, issue: IssueInfo): { data: DocumentData; subject: string } {
  const s = loadSession(db, sessionId)
  const bounds = monthBounds(month)
  const enrolments = sessionEnrolments(db, sessionId, bounds.from, bounds.to).filter((e) => e.entry_date !== null && e.entry_date <= issue.issuedOn)
  if (enrolments.length === 0) throw new AppError('refused', 'Aucun stagiaire entré dans cette session ce mois-ci : pas d’état de présence à établir.')
  const ledgers = new Map(enrolmentLedgers(db, enrolments.map((e) => e.id), issue.issuedOn, bounds).map((l) => [l.enrolmentId, l]))
  const codes: string[] = []
  let dates: string[] = []
  let closed: (string | null)[] = []
  const rows = enrolments.flatMap((e) => {
    const l = ledgers.get(e.id)
    if (!l) return []
    if (dates.length === 0) {
      dates = l.days.map((d) => d.date)
      closed = l.days.map((d) => (d.holiday && !d.weekend ? 'F' : d.presence === 'session_break' ? 'Fermeture' : null))
    }
    codes.push(...usedCodes(l.days))
    const firstAfter = l.days.findIndex((d) => d.presence === 'after_exit' && !d.weekend && !d.holiday)
    return [{ trainee: traineeOf(e), cells: l.days.map((d, i) => cellOf(d, i === firstAfter)), totals: totalsOf(l.summary), events: eventsOf(e, l, bounds.from, bounds.to) }]
  })
  const data: DocumentData = { ...issue, kind: 'etat_presence', scope: 'session', month, training: s.training, dates, closed, rows, absenceLegend: legendOf(codes) }
  return { data, subject: s.row.label ?? s.training.title }
}
