import { AppError } from '@shared/api/result'
import { missingSummary, organisationMissing, type MissingItem } from '@shared/domain/documentChecks'
import { personSubject, type DocumentKind } from '@shared/domain/documents'
import type { Db } from '../../db/open'
import type { DocumentData, IssueInfo } from '../../pdf/types'
import { gatherFacts, judge, type PersonCheck } from './documentFacts'
import { allSessionEnrolments, loadEnrolments, loadOrganisation, sessionCache } from './documentSources'
import { emargementTarget } from './emargementData'
import { presenceSessionData } from './presenceData'
import { isQuoteDocument, quoteTargets } from './quoteData'
import { traineeDocument } from './traineeDocuments'

export { loadOrganisation, loadSession, type SessionInfo } from './documentSources'

/*
 * The one entry point from a generation request to the plain data each template draws: it
 * dispatches by kind (the sign-in sheet, the monthly statement of a session, the documents about
 * one trainee), checks each person against the document's rules first
 * (shared/domain/documentChecks.ts), and never lets a template query.
 *
 *   documentSources.ts   rows (organisation, session, enrolments, exit reports)
 *   documentFacts.ts     facts for the rules; hours from the ledger as of the generation date
 *   presenceData.ts      états de présence (trainee, session)
 *   traineeDocuments.ts  certificate, attestations, bilan, certificat de réalisation
 *   emargementData.ts    feuille d'émargement
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
  /** Generated although mandatory data was missing (« générer quand même »): what was missing. */
  forcedMissing?: string | null
}

export type Skipped = { enrolmentId: number; name: string; reason: string }

export type BuildRequest = {
  kind: DocumentKind
  enrolmentIds?: number[]
  sessionId?: number
  period?: string
  issuedOn: string
  issuedAt: string
  /** Generate for people whose mandatory data is missing (recorded in the register). */
  force?: boolean
}

/** Statuses a session batch leaves out silently: the document does not concern them at all. */
const SILENT = ['annule', 'non_retenu', 'prospect', 'candidat', 'desiste']

/** Documents about a whole session (one file), whose only mandatory data is the organisation's. */
const isSessionDocument = (req: Pick<BuildRequest, 'kind' | 'sessionId'>): boolean => req.kind === 'emargement' || (req.kind === 'etat_presence' && req.sessionId !== undefined)

function requestEnrolments(db: Db, req: Pick<BuildRequest, 'enrolmentIds' | 'sessionId'>) {
  return req.sessionId !== undefined ? allSessionEnrolments(db, req.sessionId) : loadEnrolments(db, req.enrolmentIds ?? [])
}

export type RequestCheck = { organisation: MissingItem[]; people: PersonCheck[] }

/** What the rules say about each person of a request, generating nothing (the dialog's check before « Générer »). */
export function checkRequest(db: Db, req: Omit<BuildRequest, 'issuedAt' | 'force'>): RequestCheck {
  const organisation = loadOrganisation(db)
  const orgItems = organisationMissing(organisation)
  if (isSessionDocument(req) || isQuoteDocument(req.kind)) return { organisation: orgItems, people: [] }
  // The contract accepts a month or a day for every kind; a statement needs a month (as buildTargets says).
  if (req.kind === 'etat_presence' && req.period !== undefined && req.period.length !== 7) throw new AppError('invalid_input', 'Indiquez le mois de l’état de présence (aaaa-mm).')
  const month = req.kind === 'etat_presence' ? (req.period ?? null) : null
  const enrolments = requestEnrolments(db, req)
  const people = judge(req.kind, organisation, gatherFacts(db, enrolments, sessionCache(db), req.issuedOn, month))
  const shown = req.sessionId === undefined ? people : people.filter((p, i) => !(p.refusal && SILENT.includes(enrolments[i]?.status ?? '')))
  return { organisation: orgItems, people: shown }
}

/** Assembles every document of a request; people who cannot have it or lack mandatory data are skipped (session) or refused (explicit list). */
export function buildTargets(db: Db, req: BuildRequest): { targets: DocumentTarget[]; skipped: Skipped[] } {
  const organisation = loadOrganisation(db)
  const issue: IssueInfo = { organisation, issuedOn: req.issuedOn, issuedAt: req.issuedAt }
  // AIF quotes and their KAIROS sheets come from the quotes, not from the enrolments' facts.
  if (isQuoteDocument(req.kind)) return quoteTargets(db, { ...req, kind: req.kind }, issue)

  if (isSessionDocument(req)) {
    const missing = organisationMissing(organisation)
    if (missing.length > 0 && !req.force) {
      throw new AppError('refused', `Données obligatoires manquantes (Paramètres › Organisme) : ${missingSummary(missing)}. Complétez-les ou cochez « générer quand même ».`)
    }
    const forcedMissing = missing.length > 0 ? missingSummary(missing) : null
    // The sign-in sheet: one per session and week (emargementData.ts).
    if (req.kind === 'emargement') {
      if (req.sessionId === undefined) throw new AppError('invalid_input', 'La feuille d’émargement se génère pour une session : choisissez la session.')
      if (!req.period || req.period.length !== 10) throw new AppError('invalid_input', 'Indiquez un jour de la semaine de la feuille d’émargement (aaaa-mm-jj).')
      return { targets: [{ ...emargementTarget(db, req.sessionId, req.period, issue), forcedMissing }], skipped: [] }
    }
  }
  if (req.kind === 'etat_presence') {
    if (!req.period || req.period.length !== 7) throw new AppError('invalid_input', 'Indiquez le mois de l’état de présence (aaaa-mm).')
    if (req.period > req.issuedOn.slice(0, 7)) throw new AppError('refused', 'Un état de présence ne peut porter sur un mois à venir.')
    if (req.sessionId !== undefined) {
      const missing = organisationMissing(organisation)
      const { data, subject } = presenceSessionData(db, req.sessionId, req.period, issue)
      return {
        targets: [{ data, kind: 'etat_presence', traineeId: null, sessionId: req.sessionId, enrolmentId: null, period: req.period, subject, forcedMissing: missing.length > 0 ? missingSummary(missing) : null }],
        skipped: []
      }
    }
  }

  const month = req.kind === 'etat_presence' ? (req.period ?? null) : null
  const enrolments = requestEnrolments(db, req)
  const session = sessionCache(db)
  const people = gatherFacts(db, enrolments, session, req.issuedOn, month)
  const checks = judge(req.kind, organisation, people)
  const targets: DocumentTarget[] = []
  const skipped: Skipped[] = []
  const refused: Skipped[] = []
  people.forEach((p, i) => {
    const e = p.enrolment
    const check = checks[i]
    const name = personSubject(e.last_name, e.first_name)
    if (check?.refusal) {
      if (req.sessionId === undefined) refused.push({ enrolmentId: e.id, name, reason: check.refusal })
      else if (!SILENT.includes(e.status)) skipped.push({ enrolmentId: e.id, name, reason: check.refusal })
      return
    }
    const missing = check?.missing ?? []
    if (missing.length > 0 && !req.force) {
      skipped.push({ enrolmentId: e.id, name, reason: `données obligatoires manquantes : ${missingSummary(missing)}` })
      return
    }
    targets.push({
      data: traineeDocument(db, req.kind, month, p, session(e.session_id), issue),
      kind: req.kind,
      traineeId: e.trainee_id,
      sessionId: e.session_id,
      enrolmentId: e.id,
      period: month,
      subject: name,
      forcedMissing: missing.length > 0 ? missingSummary(missing) : null
    })
  })
  const list = (items: Skipped[]) => `${items.slice(0, 5).map((s) => `${s.name} (${s.reason})`).join(' ; ')}${items.length > 5 ? ' ; …' : ''}`
  if (refused.length > 0) throw new AppError('refused', `Document impossible pour ${refused.length === 1 ? 'ce stagiaire' : `${refused.length} stagiaires`} : ${list(refused)}.`)
  if (targets.length === 0) {
    if (skipped.length > 0) throw new AppError('refused', `Aucun document généré : ${list(skipped)}. Complétez ces données ou cochez « générer quand même ».`)
    throw new AppError('refused', 'Aucun stagiaire de cette session n’est concerné par ce document.')
  }
  return { targets, skipped }
}
