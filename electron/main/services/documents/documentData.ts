import { AppError } from '../../../../shared/api/result'
import { addDays, dayOfWeek, daysInMonth, monthOf } from '../../../../shared/domain/dates'
import { ABSENCE_CODES, FUNDINGS, type AbsenceCode, type Funding } from '../../../../shared/domain/enrolment'
import { formatHours } from '../../../../shared/domain/hours'
import { mondayOf, personSubject, type DocumentKind } from '../../../../shared/domain/documents'
import type { Db } from '../../db/open'
import type { DocumentData, OrganisationIdentity, PresenceDay, TraineeIdentity, TrainingInfo } from '../../pdf/types'

/*
 * Reads the database and assembles the plain data each template draws. Everything a template
 * prints comes from here; the templates never query.
 */

export type DocumentTarget = {
  data: DocumentData
  kind: DocumentKind
  traineeId: number | null
  sessionId: number
  enrolmentId: number | null
  /** Register period: the month of a statement, the Monday of a sign-in sheet's week, else null. */
  period: string | null
  /** « DUPONT Marie » or the session's label: the end of the file name. */
  subject: string
}

export type Skipped = { enrolmentId: number; name: string; reason: string }

type OrgRow = {
  raison_sociale: string | null
  legal_form: string | null
  siret: string | null
  nda: string | null
  region_code: string | null
  address_line1: string | null
  address_line2: string | null
  postal_code: string | null
  city: string | null
  phone: string | null
  email: string | null
  website: string | null
  qualiopi_number: string | null
  signatory_name: string | null
  signatory_title: string | null
  logo: Buffer | null
  logo_mime: 'image/png' | 'image/jpeg' | null
}

export function loadOrganisation(db: Db): OrganisationIdentity {
  const o = db.prepare('SELECT * FROM organisation WHERE id = 1').get() as OrgRow | undefined
  if (!o?.raison_sociale) throw new AppError('refused', 'Renseignez d’abord l’identité de l’organisme (Paramètres) : elle figure sur chaque document.')
  return {
    name: o.raison_sociale,
    legalForm: o.legal_form,
    siret: o.siret,
    nda: o.nda,
    regionCode: o.region_code,
    addressLines: [o.address_line1, o.address_line2].filter((s): s is string => Boolean(s)),
    postalCode: o.postal_code,
    city: o.city,
    phone: o.phone,
    email: o.email,
    website: o.website,
    qualiopiNumber: o.qualiopi_number,
    logo: o.logo && o.logo_mime ? { data: new Uint8Array(o.logo), mime: o.logo_mime } : null,
    signatoryName: o.signatory_name,
    signatoryTitle: o.signatory_title
  }
}

type SessionRow = {
  id: number
  label: string | null
  intercarif_session_id: string | null
  start_date: string | null
  end_date: string | null
  weekly_hours_json: string | null
  trainer_name: string | null
  hours_centre: number | null
  hours_company: number | null
  title: string
  intercarif_formation_id: string | null
  objectives: string | null
  total_hours: number | null
  certification_kind: string | null
  certification_code: string | null
  certification_level: number | null
  intercarif_action_id: string | null
  action_hours: number | null
  price_total_cents: number | null
  place_name: string | null
  place_address: string | null
  place_postal_code: string | null
  place_city: string | null
}

export type SessionInfo = { row: SessionRow; training: TrainingInfo; weekly: number[] }

export function loadSession(db: Db, sessionId: number): SessionInfo {
  const row = db
    .prepare(
      `SELECT s.id, s.label, s.intercarif_session_id, s.start_date, s.end_date, s.weekly_hours_json, s.trainer_name, s.hours_centre, s.hours_company,
              t.title, t.intercarif_formation_id, t.objectives, t.total_hours, t.certification_kind, t.certification_code, t.certification_level,
              a.intercarif_action_id, a.hours_total AS action_hours, a.price_total_cents,
              p.name AS place_name, p.address_line1 AS place_address, p.postal_code AS place_postal_code, p.city AS place_city
       FROM session s JOIN training t ON t.id = s.training_id
       LEFT JOIN training_action a ON a.id = s.action_id
       LEFT JOIN place p ON p.id = coalesce(s.place_id, a.place_id)
       WHERE s.id = ?`
    )
    .get(sessionId) as SessionRow | undefined
  if (!row) throw new AppError('not_found', 'Cette session est introuvable.')
  const place = row.place_name ? [row.place_name, row.place_address, [row.place_postal_code, row.place_city].filter(Boolean).join(' ')].filter((s) => s && s.trim() !== '').join(', ') : null
  const hours = row.hours_centre !== null || row.hours_company !== null ? (row.hours_centre ?? 0) + (row.hours_company ?? 0) : row.action_hours ?? row.total_hours
  const certification = row.certification_kind && row.certification_code
    ? `${row.certification_code.startsWith(row.certification_kind) ? row.certification_code : `${row.certification_kind} ${row.certification_code}`}${row.certification_level ? ` – niveau ${row.certification_level}` : ''}`
    : null
  let weekly = [0, 0, 0, 0, 0, 0, 0]
  try {
    const parsed: unknown = row.weekly_hours_json ? JSON.parse(row.weekly_hours_json) : null
    if (Array.isArray(parsed) && parsed.length === 7) weekly = parsed.map((n) => (typeof n === 'number' ? n : 0))
  } catch {
    // A malformed planning only loses the planned hours of the statement.
  }
  return {
    row,
    weekly,
    training: {
      title: row.title,
      formationNumber: row.intercarif_formation_id,
      actionNumber: row.intercarif_action_id,
      sessionNumber: row.intercarif_session_id,
      sessionLabel: row.label,
      startDate: row.start_date,
      endDate: row.end_date,
      place,
      totalHours: hours,
      certification,
      objectives: row.objectives
    }
  }
}

type EnrolmentRow = {
  id: number
  session_id: number
  trainee_id: number
  status: string
  funding: Funding | null
  planned_start_date: string | null
  planned_end_date: string | null
  planned_hours: number | null
  entry_date: string | null
  exit_date: string | null
  exit_reason: string | null
  dropout_reason: string | null
  civility: 'M' | 'Mme' | null
  last_name: string
  first_name: string
  ft_id: string | null
  birth_date: string | null
  adviser_name: string | null
  adviser_email: string | null
  attended: number
}

const ENROLMENT_SELECT = `
  SELECT e.id, e.session_id, e.trainee_id, e.status, e.funding, e.planned_start_date, e.planned_end_date, e.planned_hours,
         e.entry_date, e.exit_date, e.exit_reason, e.dropout_reason,
         t.civility, t.last_name, t.first_name, t.ft_id, t.birth_date, t.adviser_name, t.adviser_email,
         coalesce((SELECT sum(a.hours) FROM attendance_day a WHERE a.enrolment_id = e.id), 0) AS attended
  FROM enrolment e JOIN trainee t ON t.id = e.trainee_id`

const traineeOf = (e: EnrolmentRow): TraineeIdentity => ({ civility: e.civility, lastName: e.last_name, firstName: e.first_name, ftId: e.ft_id, birthDate: e.birth_date })

type ReportRow = {
  exit_date: string | null
  exit_reason: string | null
  hours_completed: number | null
  hours_override_reason: string | null
  certification_result: 'totale' | 'partielle' | 'non_obtenue' | 'non_presentee' | null
  skills_acquired: string | null
  next_step: string | null
  comments: string | null
}

/** Why an enrolment cannot have this document (null: it can). */
function refusal(kind: DocumentKind, e: EnrolmentRow, report: ReportRow | undefined): string | null {
  switch (kind) {
    case 'certificat_inscription':
      return e.status === 'retenu' || e.status === 'inscrit' ? null : 'le certificat d’inscription n’existe que pour un stagiaire retenu ou inscrit'
    case 'attestation_entree':
    case 'certificat_realisation':
    case 'etat_presence':
      return e.entry_date ? null : 'pas encore entré en formation'
    case 'attestation_fin':
      return e.status === 'sorti' || e.status === 'abandon' ? null : 'pas encore sorti de formation'
    case 'bilan_fin':
      if (e.status !== 'sorti' && e.status !== 'abandon') return 'pas encore sorti de formation'
      return report ? null : 'bilan de fin de formation non saisi'
    case 'emargement':
      return 'la feuille d’émargement concerne une session'
  }
}

export type BuildRequest = { kind: DocumentKind; enrolmentIds?: number[]; sessionId?: number; period?: string; issuedOn: string; issuedAt: string }

/** Assembles every document of a request; enrolments that cannot have it are skipped (session) or refused (explicit list). */
export function buildTargets(db: Db, req: BuildRequest): { targets: DocumentTarget[]; skipped: Skipped[] } {
  const organisation = loadOrganisation(db)
  const issue = { organisation, issuedOn: req.issuedOn, issuedAt: req.issuedAt }

  if (req.kind === 'emargement') {
    if (req.sessionId === undefined) throw new AppError('invalid_input', 'La feuille d’émargement se génère pour une session : choisissez la session.')
    if (!req.period || req.period.length !== 10) throw new AppError('invalid_input', 'Indiquez un jour de la semaine de la feuille d’émargement (aaaa-mm-jj).')
    return { targets: [emargementTarget(db, req.sessionId, req.period, issue)], skipped: [] }
  }
  if (req.kind === 'etat_presence') {
    if (!req.period || req.period.length !== 7) throw new AppError('invalid_input', 'Indiquez le mois de l’état de présence (aaaa-mm).')
    if (req.sessionId !== undefined) return { targets: [presenceSessionTarget(db, req.sessionId, req.period, issue)], skipped: [] }
  }

  const enrolments =
    req.sessionId !== undefined
      ? (db.prepare(`${ENROLMENT_SELECT} WHERE e.session_id = ? ORDER BY t.last_name COLLATE NOCASE, t.first_name COLLATE NOCASE, e.id`).all(req.sessionId) as EnrolmentRow[])
      : loadEnrolments(db, req.enrolmentIds ?? [])
  const reportStmt = db.prepare('SELECT * FROM exit_report WHERE enrolment_id = ?')
  const sessions = new Map<number, SessionInfo>()
  const targets: DocumentTarget[] = []
  const skipped: Skipped[] = []
  for (const e of enrolments) {
    const report = reportStmt.get(e.id) as ReportRow | undefined
    const why = refusal(req.kind, e, report)
    const name = personSubject(e.last_name, e.first_name)
    if (why) {
      // A session batch leaves out the trainees the document does not concern (annulés, non retenus…).
      if (req.sessionId === undefined) skipped.push({ enrolmentId: e.id, name, reason: why })
      else if (req.kind !== 'certificat_inscription' || ['retenu', 'inscrit'].includes(e.status)) skipped.push({ enrolmentId: e.id, name, reason: why })
      continue
    }
    let session = sessions.get(e.session_id)
    if (!session) {
      session = loadSession(db, e.session_id)
      sessions.set(e.session_id, session)
    }
    const data = traineeDocument(db, req, e, report, session, issue)
    targets.push({ data, kind: req.kind, traineeId: e.trainee_id, sessionId: e.session_id, enrolmentId: e.id, period: req.kind === 'etat_presence' ? (req.period ?? null) : null, subject: name })
  }
  if (req.sessionId === undefined && skipped.length > 0) {
    const list = skipped.slice(0, 5).map((s) => `${s.name} (${s.reason})`).join(' ; ')
    throw new AppError('refused', `Document impossible pour ${skipped.length === 1 ? 'ce stagiaire' : `${skipped.length} stagiaires`} : ${list}${skipped.length > 5 ? ' ; …' : ''}.`)
  }
  if (targets.length === 0) throw new AppError('refused', 'Aucun stagiaire de cette session n’est concerné par ce document.')
  return { targets, skipped }
}

function loadEnrolments(db: Db, ids: number[]): EnrolmentRow[] {
  const stmt = db.prepare(`${ENROLMENT_SELECT} WHERE e.id = ?`)
  return ids.map((id) => {
    const row = stmt.get(id) as EnrolmentRow | undefined
    if (!row) throw new AppError('not_found', `L’inscription n° ${id} est introuvable.`)
    return row
  })
}

type Issue = { organisation: OrganisationIdentity; issuedOn: string; issuedAt: string }

function traineeDocument(db: Db, req: BuildRequest, e: EnrolmentRow, report: ReportRow | undefined, s: SessionInfo, issue: Issue): DocumentData {
  const trainee = traineeOf(e)
  const training = s.training
  const funding = e.funding ? FUNDINGS[e.funding] : null
  const exitDate = report?.exit_date ?? e.exit_date
  const hoursCompleted = report?.hours_override_reason && report.hours_completed !== null ? report.hours_completed : Math.round(e.attended * 100) / 100
  switch (req.kind) {
    case 'certificat_inscription':
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
        costCents: s.row.price_total_cents
      }
    case 'attestation_entree':
      return { ...issue, kind: 'attestation_entree', trainee, training, entryDate: e.entry_date ?? '', plannedEnd: e.planned_end_date, plannedHours: e.planned_hours, funding }
    case 'etat_presence':
      return presenceTrainee(db, req.period ?? monthOf(req.issuedOn), e, s, issue)
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
        hoursOverrideReason: report?.hours_override_reason ?? null,
        certificationResult: report?.certification_result ?? null,
        skillsAcquired: report?.skills_acquired ?? null,
        nextStep: report?.next_step ?? null,
        comments: report?.comments ?? null,
        adviserName: e.adviser_name,
        adviserEmail: e.adviser_email,
        costCents: s.row.price_total_cents
      }
    // Nature of the action (art. L6313-1): always « action de formation ». Nothing stored says
    // otherwise: the training has no nature field, its certification is RNCP/RS only, and the
    // LHEO 2.3 elements that would tell (certification › code-CPF: CPF200 = VAE, CPF202 = bilan
    // de compétences; session › cycle › type-cycle 1 or alternance › type-alternance 1 =
    // apprentissage) are not imported.
    case 'attestation_fin':
      return { ...issue, kind: 'attestation_fin', trainee, training, nature: 'formation', entryDate: e.entry_date, exitDate, hoursCompleted, certificationResult: report?.certification_result ?? null, skillsAcquired: report?.skills_acquired ?? null }
    case 'certificat_realisation':
      return { ...issue, kind: 'certificat_realisation', trainee, training, nature: 'formation', employer: null, entryDate: e.entry_date, exitDate, hoursCompleted }
    case 'emargement':
      throw new AppError('invalid_input', 'La feuille d’émargement concerne une session.')
  }
}

type DayRow = { enrolment_id: number; date: string; hours: number | null; absence_code: AbsenceCode | null; absence_hours: number | null }

const monthDates = (month: string): string[] => Array.from({ length: daysInMonth(month) }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)
const absenceLabel = (code: AbsenceCode | null): string => (code ? `${code} – ${ABSENCE_CODES[code]?.label ?? code}` : '')

function presenceTrainee(db: Db, month: string, e: EnrolmentRow, s: SessionInfo, issue: Issue): DocumentData {
  const rows = db.prepare('SELECT * FROM attendance_day WHERE enrolment_id = ? AND date BETWEEN ? AND ? ORDER BY date').all(e.id, `${month}-01`, `${month}-31`) as DayRow[]
  const days: PresenceDay[] = rows.map((r) => ({ date: r.date, hours: r.hours, absence: r.absence_code ? `${absenceLabel(r.absence_code)}${r.absence_hours ? ` (${formatHours(r.absence_hours)} h)` : ''}` : null }))
  let planned = 0
  const from = [e.entry_date, s.row.start_date].filter((d): d is string => Boolean(d)).sort().pop() ?? `${month}-01`
  const to = [e.exit_date, s.row.end_date].filter((d): d is string => Boolean(d)).sort()[0] ?? `${month}-31`
  for (const date of monthDates(month)) if (date >= from && date <= to) planned += s.weekly[dayOfWeek(date) - 1] ?? 0
  const absence = (justified: boolean) =>
    rows.filter((r) => r.absence_code && ABSENCE_CODES[r.absence_code]?.justified === justified).reduce((a, r) => a + (r.absence_hours ?? s.weekly[dayOfWeek(r.date) - 1] ?? 0), 0)
  const justified = absence(true)
  const unjustified = absence(false)
  const codes = [...new Set(rows.map((r) => r.absence_code).filter((c): c is AbsenceCode => c !== null))]
  return {
    ...issue,
    kind: 'etat_presence',
    scope: 'trainee',
    month,
    trainee: traineeOf(e),
    training: s.training,
    days,
    totals: { hours: rows.reduce((a, r) => a + (r.hours ?? 0), 0), planned, absenceHours: justified + unjustified, justified, unjustified },
    absenceLegend: codes.map((code) => ({ code, label: ABSENCE_CODES[code]?.label ?? code }))
  }
}

function sessionEnrolments(db: Db, sessionId: number, from: string, to: string): EnrolmentRow[] {
  return db
    .prepare(
      `${ENROLMENT_SELECT} WHERE e.session_id = ? AND e.status IN ('inscrit', 'entre', 'sorti', 'abandon')
         AND (e.entry_date IS NULL OR e.entry_date <= ?) AND (e.exit_date IS NULL OR e.exit_date >= ?)
         AND (e.status = 'inscrit' OR e.entry_date IS NOT NULL)
       ORDER BY t.last_name COLLATE NOCASE, t.first_name COLLATE NOCASE, e.id`
    )
    .all(sessionId, to, from) as EnrolmentRow[]
}

function presenceSessionTarget(db: Db, sessionId: number, month: string, issue: Issue): DocumentTarget {
  const s = loadSession(db, sessionId)
  const dates = monthDates(month)
  const enrolments = sessionEnrolments(db, sessionId, `${month}-01`, `${month}-31`).filter((e) => e.entry_date !== null)
  if (enrolments.length === 0) throw new AppError('refused', 'Aucun stagiaire entré dans cette session ce mois-ci : pas d’état de présence à établir.')
  const dayStmt = db.prepare('SELECT * FROM attendance_day WHERE enrolment_id = ? AND date BETWEEN ? AND ?')
  const codes = new Set<AbsenceCode>()
  const rows = enrolments.map((e) => {
    const byDate = new Map((dayStmt.all(e.id, `${month}-01`, `${month}-31`) as DayRow[]).map((r) => [r.date, r]))
    let hours = 0
    const cells = dates.map((date) => {
      const r = byDate.get(date)
      if (!r) return null
      hours += r.hours ?? 0
      if (r.absence_code) codes.add(r.absence_code)
      if (r.absence_code && r.hours) return `${formatHours(r.hours)} ${r.absence_code}`
      return r.absence_code ?? (r.hours === null ? null : formatHours(r.hours))
    })
    return { trainee: traineeOf(e), cells, hours }
  })
  const data: DocumentData = {
    ...issue,
    kind: 'etat_presence',
    scope: 'session',
    month,
    training: s.training,
    dates,
    rows,
    absenceLegend: [...codes].map((code) => ({ code, label: ABSENCE_CODES[code]?.label ?? code }))
  }
  return { data, kind: 'etat_presence', traineeId: null, sessionId, enrolmentId: null, period: month, subject: s.row.label ?? s.training.title }
}

function emargementTarget(db: Db, sessionId: number, day: string, issue: Issue): DocumentTarget {
  const s = loadSession(db, sessionId)
  const monday = mondayOf(day)
  const week = Array.from({ length: 7 }, (_, i) => addDays(monday, i))
  // The days the session sits (its weekly planning), Monday to Friday when it has none.
  const planned = s.weekly.some((h) => h > 0)
  const dates = week.filter((d, i) => (planned ? (s.weekly[i] ?? 0) > 0 : i < 5)).filter((d) => (!s.row.start_date || d >= s.row.start_date) && (!s.row.end_date || d <= s.row.end_date))
  if (dates.length === 0) throw new AppError('refused', 'La session ne se tient pas cette semaine-là : choisissez une semaine entre ses dates.')
  const first = dates[0] ?? monday
  const last = dates[dates.length - 1] ?? monday
  const trainees = sessionEnrolments(db, sessionId, first, last).map(traineeOf)
  const data: DocumentData = {
    ...issue,
    kind: 'emargement',
    training: s.training,
    dates,
    trainees,
    trainerName: s.row.trainer_name,
    halfDays: { morning: '9h00–12h30', afternoon: '13h30–17h00' }
  }
  return { data, kind: 'emargement', traineeId: null, sessionId, enrolmentId: null, period: monday, subject: s.row.label ?? s.training.title }
}
