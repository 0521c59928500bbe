import { rmSync } from 'node:fs'
import type { AnonymisePreview, AnonymiseResult } from '@shared/api/areas/privacy'
import { AppError } from '@shared/api/result'
import { todayIso } from '@shared/domain/dates'
import { identifierMatcher, type PersonIdentifiers } from '@shared/domain/redaction'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type Clock, type ServiceContext } from '../context'
import { redactAudit } from './auditRedaction'
import { anonymisationCandidates } from './eligibility'
import { personIds } from './personIds'
import { scrubPersonRows } from './scrubRows'
import { prepareSweep, sweepIdentifiers } from './sweep'

/*
 * Anonymisation (RGPD art. 17 and 5-1-e; docs/domain.md §4 « Retention »): the preview lists who;
 * the clerk confirms exactly those people, each checked again. One write transaction rewrites their
 * rows, sweeps every text column for their identifiers and redacts the audit log; then their PDF
 * files are deleted (the register keeps each document's hash and verification code, not the name).
 */

function checkBefore(before: string, today: string): void {
  if (before > today) throw new AppError('invalid_input', 'La date limite ne peut pas être dans le futur.', [{ path: 'before', message: 'Date future.' }])
}

export function anonymisePreview(db: Db, clock: Clock, before: string): AnonymisePreview {
  const today = todayIso(clock.now())
  checkBefore(before, today)
  const candidates = anonymisationCandidates(db, before, today)
  return { before, candidates, documents: candidates.reduce((n, c) => n + c.documents, 0) }
}

type IdentityRow = { id: number; lastName: string; firstName: string; birthName: string | null; email: string | null; phone: string | null; ftId: string | null }

function identities(db: Db, ids: readonly number[]): PersonIdentifiers[] {
  return db
    .prepare<[string], IdentityRow>(
      `SELECT t.id, t.last_name AS lastName, t.first_name AS firstName, t.birth_name AS birthName, t.email, t.phone, t.ft_id AS ftId
       FROM json_each(?) j JOIN trainee t ON t.id = j.value`
    )
    .all(JSON.stringify(ids))
}

export function anonymisePeople(ctx: ServiceContext, input: { before: string; ids: readonly number[] }): AnonymiseResult {
  const today = todayIso(ctx.clock.now())
  checkBefore(input.before, today)
  const wanted = new Set(input.ids)
  prepareSweep(ctx.db)
  const { result, files } = ctx.db.transaction(() => {
    const confirmed = anonymisationCandidates(ctx.db, input.before, today, wanted)
    const missing = wanted.size - confirmed.length
    if (missing > 0) {
      throw new AppError(
        'conflict',
        `${missing === 1 ? 'Une des personnes choisies n’est plus concernée' : `${missing} des personnes choisies ne sont plus concernées`} ` +
          '(activité plus récente que la date, déjà anonymisée ou supprimée) : personne n’a été anonymisé. Affichez de nouveau la liste.'
      )
    }
    const ids = confirmed.map((c) => c.id)
    const now = nowIso(ctx.clock)
    const matcher = identifierMatcher(identities(ctx.db, ids))
    const p = personIds(ctx.db, ids)
    scrubPersonRows(ctx.db, p, now)
    const kept = sweepIdentifiers(ctx.db, matcher, new Set(['audit_log']))
    const auditRowsRedacted = redactAudit(ctx.db, p, matcher, now)
    // Stored answers of recent writes (kept for a read-back after a lost connection) may hold the
    // people's rows whole: they only serve a few minutes, so all of them go rather than be searched.
    ctx.db.prepare('DELETE FROM answered_request').run()
    const summary = { before: input.before, people: ids.length, documents: p.documents.length, auditRowsRedacted, kept }
    // Ids only: the trace of an anonymisation must not bring back what it removed.
    recordAudit(ctx, { operation: 'privacy.anonymise', entity: 'trainee', entityId: null, after: { ...summary, traineeIds: ids } })
    return { result: summary, files: p.documents.map((d) => d.path) }
  })()
  let deleted = 0
  for (const path of files) {
    try {
      rmSync(path)
      deleted++
    } catch {
      // Already moved or deleted by hand, or locked by a viewer: counted, the anonymisation stands.
    }
  }
  return {
    anonymised: result.people,
    auditRowsRedacted: result.auditRowsRedacted,
    documentsDeleted: deleted,
    documentsNotDeleted: files.length - deleted,
    kept: result.kept
  }
}
