import { AppError } from '@shared/api/result'
import { FUNDINGS } from '@shared/domain/enrolment'
import { hoursFr } from '@shared/domain/frenchFormat'
import type { DocumentKind } from '@shared/domain/documents'
import type { Db } from '../../db/open'
import type { DocumentData, IssueInfo } from '../../pdf/types'
import { realisedHours, type PersonFacts } from './documentFacts'
import { parseWeekly, traineeOf, type SessionInfo } from './documentSources'
import { presenceTraineeData, totalsOf } from './presenceData'

/*
 * The documents about one trainee (certificate of enrolment, attestation of entry, bilan,
 * end-of-training attestation, certificat de réalisation). Hours come from the hours ledger as of
 * the generation date (gatherFacts), or from the exit report when the clerk corrected them there:
 * the bilan and the attestation de fin read the same exit report and the same ledger, so they
 * cannot disagree.
 */

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']

/** « lundi 7 h · mardi 7 h · … », null when there is no rhythm. */
export function rhythmText(weekly: readonly number[]): string | null {
  const parts = weekly.flatMap((h, i) => (h > 0 ? [`${WEEKDAYS[i] ?? ''} ${hoursFr(h)}`] : []))
  return parts.length > 0 ? parts.join(' · ') : null
}

/** How the hours printed on a certificat de réalisation were established, stated truthfully. */
export function hoursSourceText(p: { overrideReason: string | null; allMonthsAttested: boolean; attended: number; company: number }): string {
  if (p.overrideReason) return `heures corrigées à la main lors du bilan de fin de formation (motif : ${p.overrideReason})`
  const parts: string[] = []
  if (p.attended > 0 || p.company === 0) {
    parts.push(p.allMonthsAttested ? 'heures établies d’après les feuilles d’émargement, reprises dans les états de présence mensuels attestés' : 'heures établies d’après les feuilles d’émargement (états de présence mensuels non encore tous attestés)')
  }
  if (p.company > 0) parts.push(`${hoursFr(p.company)} en entreprise, déclarées par l’entreprise d’accueil`)
  return parts.join(' ; ')
}

/** Whether every month from entry to the last day counted has been attested. */
function allMonthsAttested(db: Db, enrolmentId: number, from: string | null, to: string): boolean {
  if (!from || to < from) return false
  const months: string[] = []
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
    months.push(m)
    const [y, mm] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))]
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`
  }
  const attested = db
    .prepare<[number], { month: string }>('SELECT month FROM attendance_month WHERE enrolment_id = ? AND attested_at IS NOT NULL')
    .all(enrolmentId)
    .map((r) => r.month)
  return months.every((m) => attested.includes(m))
}

export function traineeDocument(db: Db, kind: DocumentKind, month: string | null, p: PersonFacts, s: SessionInfo, issue: IssueInfo): DocumentData {
  const { enrolment: e, report, ledger } = p
  const trainee = traineeOf(e)
  const training = s.training
  const funding = e.funding ? FUNDINGS[e.funding] : null
  const exitDate = report?.exit_date ?? e.exit_date
  const hoursCompleted = realisedHours(report, ledger)
  const overridden = Boolean(report?.hours_override_reason && report.hours_completed !== null)
  const companyHours = overridden ? 0 : (ledger?.summary.companyHours ?? 0)
  switch (kind) {
    case 'certificat_inscription': {
      const weekly = e.weekly_hours_json ? parseWeekly(e.weekly_hours_json) : s.weekly
      const perWeek = weekly.reduce((a, b) => a + b, 0)
      return {
        ...issue,
        kind: 'certificat_inscription',
        trainee,
        training,
        status: e.status === 'retenu' ? 'retenu' : 'inscrit',
        plannedStart: e.planned_start_date,
        plannedEnd: e.planned_end_date,
        plannedHours: e.planned_hours,
        funding,
        fundingReference: e.funding_reference,
        costCents: s.row.price_total_cents,
        rhythm: rhythmText(weekly),
        weeklyHours: perWeek > 0 ? perWeek : null,
        hoursCentre: s.hoursCentre,
        hoursCompany: s.hoursCompany
      }
    }
    case 'attestation_entree':
      return { ...issue, kind: 'attestation_entree', trainee, training, entryDate: e.entry_date ?? '', plannedEnd: e.planned_end_date, plannedHours: e.planned_hours, funding }
    case 'etat_presence':
      return presenceTraineeData(db, month ?? issue.issuedOn.slice(0, 7), e, s, issue)
    case 'bilan_fin':
      return {
        ...issue,
        kind: 'bilan_fin',
        trainee,
        training,
        entryDate: e.entry_date,
        exitDate,
        exitReason: report?.exit_reason ?? e.exit_reason ?? e.dropout_reason,
        hoursPlanned: e.planned_hours ?? training.totalHours,
        hoursCompleted,
        companyHours,
        totals: ledger ? totalsOf(ledger.summary) : null,
        hoursOverrideReason: report?.hours_override_reason ?? null,
        certificationResult: report?.certification_result ?? null,
        certifying: s.certifying,
        skillsAcquired: report?.skills_acquired ?? null,
        nextStep: report?.next_step ?? null,
        comments: report?.comments ?? null,
        adviserName: e.adviser_name,
        adviserEmail: e.adviser_email,
        costCents: s.row.price_total_cents
      }
    case 'attestation_fin':
      // From the exit report's data (applicability refuses it without one), as the bilan.
      return {
        ...issue,
        kind: 'attestation_fin',
        trainee,
        training,
        nature: s.nature,
        entryDate: e.entry_date,
        exitDate,
        hoursCompleted,
        hoursPlanned: e.planned_hours ?? training.totalHours,
        certificationResult: report?.certification_result ?? null,
        certifying: s.certifying,
        skillsAcquired: report?.skills_acquired ?? null
      }
    case 'certificat_realisation': {
      const lastCounted = exitDate && exitDate < issue.issuedOn ? exitDate : issue.issuedOn
      return {
        ...issue,
        kind: 'certificat_realisation',
        trainee,
        training,
        nature: s.nature,
        employer: e.employer_name,
        entryDate: e.entry_date,
        exitDate,
        hoursCompleted,
        companyHours,
        hoursSource: hoursSourceText({
          overrideReason: overridden ? (report?.hours_override_reason ?? null) : null,
          allMonthsAttested: allMonthsAttested(db, e.id, e.entry_date, lastCounted),
          attended: ledger?.summary.attendedHours ?? 0,
          company: companyHours
        })
      }
    }
    case 'emargement':
      throw new AppError('invalid_input', 'La feuille d’émargement concerne une session.')
    case 'devis_aif':
    case 'fiche_kairos':
      throw new AppError('invalid_input', 'Le devis AIF se génère à partir des devis.')
  }
}
