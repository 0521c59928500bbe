import { AppError } from '@shared/api/result'
import { ACTION_NATURES, type ActionNature, type CertificationResult } from '@shared/domain/documents'
import type { Funding } from '@shared/domain/enrolment'
import { sortByNameFr } from '@shared/domain/frenchFormat'
import { regionName } from '@shared/domain/regions'
import type { Db } from '../../db/open'
import type { OrganisationIdentity, TraineeIdentity, TrainingInfo } from '../../pdf/types'

/*
 * The rows every document reads: the organisation, a session with its training, enrolments with
 * their trainee, and exit reports. Hours are not read here: they come from the hours ledger.
 */

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
  const o = db.prepare<[], OrgRow>('SELECT * FROM organisation WHERE id = 1').get()
  if (!o?.raison_sociale) throw new AppError('refused', 'Renseignez d’abord l’identité de l’organisme (Paramètres) : elle figure sur chaque document.')
  return {
    name: o.raison_sociale,
    legalForm: o.legal_form,
    siret: o.siret,
    nda: o.nda,
    regionCode: o.region_code,
    regionName: regionName(o.region_code),
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
  action_nature: string | null
  intercarif_action_id: string | null
  action_hours: number | null
  action_hours_centre: number | null
  action_hours_company: number | null
  price_total_cents: number | null
  place_name: string | null
  place_address: string | null
  place_postal_code: string | null
  place_city: string | null
}

export type SessionInfo = {
  row: SessionRow
  training: TrainingInfo
  /** Hours per weekday, Monday first (the session's rhythm; zeros when it has none). */
  weekly: number[]
  nature: ActionNature
  /** Whether the training leads to a certification. */
  certifying: boolean
  hoursCentre: number | null
  hoursCompany: number | null
}

const isNature = (s: string | null): s is ActionNature => s !== null && Object.hasOwn(ACTION_NATURES, s)

export function parseWeekly(json: string | null): number[] {
  try {
    const parsed: unknown = json ? JSON.parse(json) : null
    if (Array.isArray(parsed) && parsed.length === 7) return parsed.map((n) => (typeof n === 'number' ? n : 0))
  } catch {
    // A malformed rhythm only loses the rhythm line of a certificate.
  }
  return [0, 0, 0, 0, 0, 0, 0]
}

export function loadSession(db: Db, sessionId: number): SessionInfo {
  const row = db
    .prepare<[number], SessionRow>(
      `SELECT s.id, s.label, s.intercarif_session_id, s.start_date, s.end_date, s.weekly_hours_json, s.trainer_name, s.hours_centre, s.hours_company,
              t.title, t.intercarif_formation_id, t.objectives, t.total_hours, t.certification_kind, t.certification_code, t.certification_level, t.action_nature,
              a.intercarif_action_id, a.hours_total AS action_hours, a.hours_centre AS action_hours_centre, a.hours_company AS action_hours_company, a.price_total_cents,
              p.name AS place_name, p.address_line1 AS place_address, p.postal_code AS place_postal_code, p.city AS place_city
       FROM session s JOIN training t ON t.id = s.training_id
       LEFT JOIN training_action a ON a.id = s.action_id
       LEFT JOIN place p ON p.id = coalesce(s.place_id, a.place_id)
       WHERE s.id = ?`
    )
    .get(sessionId)
  if (!row) throw new AppError('not_found', 'Cette session est introuvable.')
  const place = row.place_name ? [row.place_name, row.place_address, [row.place_postal_code, row.place_city].filter(Boolean).join(' ')].filter((s) => s && s.trim() !== '').join(', ') : null
  const hoursCentre = row.hours_centre ?? row.action_hours_centre
  const hoursCompany = row.hours_company ?? row.action_hours_company
  const hours = hoursCentre !== null || hoursCompany !== null ? (hoursCentre ?? 0) + (hoursCompany ?? 0) : (row.action_hours ?? row.total_hours)
  const certification =
    row.certification_kind && row.certification_code
      ? `${row.certification_code.startsWith(row.certification_kind) ? row.certification_code : `${row.certification_kind} ${row.certification_code}`}${row.certification_level ? ` – niveau ${row.certification_level}` : ''}`
      : null
  return {
    row,
    weekly: parseWeekly(row.weekly_hours_json),
    nature: isNature(row.action_nature) ? row.action_nature : 'formation',
    certifying: certification !== null,
    hoursCentre,
    hoursCompany,
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

/** Sessions read once per batch. */
export function sessionCache(db: Db): (id: number) => SessionInfo {
  const cache = new Map<number, SessionInfo>()
  return (id) => {
    let s = cache.get(id)
    if (!s) {
      s = loadSession(db, id)
      cache.set(id, s)
    }
    return s
  }
}

export type EnrolmentRow = {
  id: number
  session_id: number
  trainee_id: number
  status: string
  funding: Funding | null
  funding_reference: string | null
  employer_name: string | null
  planned_start_date: string | null
  planned_end_date: string | null
  planned_hours: number | null
  weekly_hours_json: string | null
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
}

const ENROLMENT_SELECT = `
  SELECT e.id, e.session_id, e.trainee_id, e.status, e.funding, e.funding_reference, e.employer_name,
         e.planned_start_date, e.planned_end_date, e.planned_hours, e.weekly_hours_json,
         e.entry_date, e.exit_date, e.exit_reason, e.dropout_reason,
         t.civility, t.last_name, t.first_name, t.ft_id, t.birth_date, t.adviser_name, t.adviser_email
  FROM enrolment e JOIN trainee t ON t.id = e.trainee_id`

const byName = (rows: EnrolmentRow[]): EnrolmentRow[] => sortByNameFr(rows, (r) => ({ lastName: r.last_name, firstName: r.first_name }))

/** Enrolments of the ids given, in that order; an unknown id is refused. */
export function loadEnrolments(db: Db, ids: readonly number[]): EnrolmentRow[] {
  const stmt = db.prepare<[number], EnrolmentRow>(`${ENROLMENT_SELECT} WHERE e.id = ?`)
  return ids.map((id) => {
    const row = stmt.get(id)
    if (!row) throw new AppError('not_found', `L’inscription n° ${id} est introuvable.`)
    return row
  })
}

/** Every enrolment of a session, in French alphabetical order. */
export function allSessionEnrolments(db: Db, sessionId: number): EnrolmentRow[] {
  return byName(db.prepare<[number], EnrolmentRow>(`${ENROLMENT_SELECT} WHERE e.session_id = ?`).all(sessionId))
}

/** The people of a session in training at some point of [from, to] (entered, or inscrit and not yet entered). */
export function sessionEnrolments(db: Db, sessionId: number, from: string, to: string): EnrolmentRow[] {
  return byName(
    db
      .prepare<[number, string, string], EnrolmentRow>(
        `${ENROLMENT_SELECT} WHERE e.session_id = ? AND e.status IN ('inscrit', 'entre', 'sorti', 'abandon')
           AND (e.entry_date IS NULL OR e.entry_date <= ?) AND (e.exit_date IS NULL OR e.exit_date >= ?)
           AND (e.status = 'inscrit' OR e.entry_date IS NOT NULL)`
      )
      .all(sessionId, to, from)
  )
}

export const traineeOf = (e: EnrolmentRow): TraineeIdentity => ({ civility: e.civility, lastName: e.last_name, firstName: e.first_name, ftId: e.ft_id, birthDate: e.birth_date })

export type ReportRow = {
  exit_date: string | null
  exit_reason: string | null
  hours_completed: number | null
  hours_override_reason: string | null
  certification_result: CertificationResult | null
  skills_acquired: string | null
  next_step: string | null
  comments: string | null
  updated_at: string
}

export function reportReader(db: Db): (enrolmentId: number) => ReportRow | undefined {
  const stmt = db.prepare<[number], ReportRow>(
    'SELECT exit_date, exit_reason, hours_completed, hours_override_reason, certification_result, skills_acquired, next_step, comments, updated_at FROM exit_report WHERE enrolment_id = ?'
  )
  return (id) => stmt.get(id)
}
