import { AppError } from '@shared/api/result'
import { QUOTE_FUNDERS, NON_FUNDABLE_LINES } from '@shared/domain/aifQuoteAmounts'
import { ACTIVE_QUOTE_STATUSES } from '@shared/domain/aifQuoteStatus'
import { personSubject, type DocumentKind } from '@shared/domain/documents'
import { LHEO_OBJECTIVES } from '@shared/domain/recruitment'
import type { Db } from '../../db/open'
import type { IssueInfo } from '../../pdf/types'
import type { QuoteDocumentData } from '../../pdf/templates/devisAif'
import { getQuote } from '../quotes/quoteQueries'
import { loadSession } from './documentData'

/*
 * The data of the AIF quote PDF and of the KAIROS entry sheet, for the documents pipeline
 * (register, hashes, batch). A request names enrolments (each one's current quote: the active
 * one, else the latest) or a session (every active quote of it).
 */

export type QuoteDocumentKind = 'devis_aif' | 'fiche_kairos'
export const isQuoteDocument = (kind: DocumentKind): kind is QuoteDocumentKind => kind === 'devis_aif' || kind === 'fiche_kairos'

export type QuoteTarget = {
  data: QuoteDocumentData
  kind: QuoteDocumentKind
  traineeId: number
  sessionId: number
  enrolmentId: number | null
  period: null
  subject: string
}

function quoteIds(db: Db, req: { enrolmentIds?: number[]; sessionId?: number }): number[] {
  const active = JSON.stringify(ACTIVE_QUOTE_STATUSES)
  if (req.sessionId !== undefined) {
    const ids = db
      .prepare<[number, string], { id: number }>(
        `SELECT q.id FROM aif_quote q JOIN trainee p ON p.id = q.trainee_id
         WHERE q.session_id = ? AND q.status IN (SELECT value FROM json_each(?))
         ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, q.id`
      )
      .all(req.sessionId, active)
      .map((r) => r.id)
    if (ids.length === 0) throw new AppError('refused', 'Aucun devis AIF en cours dans cette session : créez-les d’abord (onglet « Devis »).')
    return ids
  }
  const stmt = db.prepare<[number, string], { id: number }>(
    `SELECT q.id FROM aif_quote q WHERE q.enrolment_id = ?
     ORDER BY q.status IN (SELECT value FROM json_each(?)) DESC, q.id DESC LIMIT 1`
  )
  const missing: number[] = []
  const ids = (req.enrolmentIds ?? []).flatMap((id) => {
    const row = stmt.get(id, active)
    if (!row) missing.push(id)
    return row ? [row.id] : []
  })
  if (missing.length > 0) throw new AppError('refused', `Aucun devis AIF pour ${missing.length === 1 ? 'cette inscription' : `${missing.length} de ces inscriptions`} : créez-le d’abord.`)
  return ids
}

export function quoteTargets(db: Db, req: { kind: QuoteDocumentKind; enrolmentIds?: number[]; sessionId?: number }, issue: IssueInfo): { targets: QuoteTarget[]; skipped: never[] } {
  const org = db.prepare<[], { validUntil: string | null }>('SELECT qualiopi_valid_until AS validUntil FROM organisation WHERE id = 1').get()
  const traineeStmt = db.prepare<[number], { civility: 'M' | 'Mme' | null; lastName: string; firstName: string; ftId: string | null; birthDate: string | null }>(
    'SELECT civility, last_name AS lastName, first_name AS firstName, ft_id AS ftId, birth_date AS birthDate FROM trainee WHERE id = ?'
  )
  const trainingStmt = db.prepare<[number], { formacode: string | null; objectiveCode: number | null }>(
    'SELECT t.formacode, t.objective_code AS objectiveCode FROM session s JOIN training t ON t.id = s.training_id WHERE s.id = ?'
  )
  const today = issue.issuedOn
  const targets = quoteIds(db, req).map((id): QuoteTarget => {
    const q = getQuote(db, id, today)
    const trainee = traineeStmt.get(q.traineeId)
    if (!trainee) throw new AppError('not_found', 'Stagiaire introuvable.')
    const training = trainingStmt.get(q.sessionId)
    const session = loadSession(db, q.sessionId)
    const data: QuoteDocumentData = {
      ...issue,
      kind: req.kind,
      quote: { number: q.number, version: q.version, statusLabel: q.statusLabel, createdOn: q.createdAt.slice(0, 10), sentOn: q.sentOn, kairosReference: q.kairosReference },
      qualiopiValidUntil: org?.validUntil ?? null,
      trainee,
      training: session.training,
      formacode: training?.formacode ?? null,
      objective: training?.objectiveCode != null ? (LHEO_OBJECTIVES[training.objectiveCode] ?? null) : null,
      startDate: q.startDate,
      endDate: q.endDate,
      hoursCentre: q.hoursCentre,
      hoursCompany: q.hoursCompany,
      hoursTotal: q.hoursTotal,
      weeklyRhythm: q.weeklyRhythm,
      hourlyCents: q.hourlyCents,
      totalCents: q.totalCents,
      funders: q.funders.map((f) => ({ code: f.funder, label: QUOTE_FUNDERS[f.funder], amountCents: f.amountCents })),
      franceTravailCents: q.franceTravailCents,
      remainingCents: q.remainingCents,
      remainingCostReason: q.remainingCostReason,
      extraLines: q.extraLines.map((l) => ({ label: l.label ?? NON_FUNDABLE_LINES[l.kind], amountCents: l.amountCents })),
      findings: q.findings.map((f) => ({ level: f.level, message: f.message }))
    }
    return { data, kind: req.kind, traineeId: q.traineeId, sessionId: q.sessionId, enrolmentId: q.enrolmentId, period: null, subject: `${personSubject(trainee.lastName, trainee.firstName)} ${q.number}` }
  })
  return { targets, skipped: [] }
}
