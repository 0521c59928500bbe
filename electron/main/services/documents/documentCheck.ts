import type { z } from 'zod'
import type { DocumentCheck, documentOps } from '@shared/api/areas/documents'
import { defaultStatementMonth, FIX_PLACES, type MissingItem } from '@shared/domain/documentChecks'
import type { Db } from '../../db/open'
import { nowIso, type Clock } from '../context'
import { checkRequest } from './documentData'

export type CheckInput = z.output<(typeof documentOps)['documents:check']['input']>

const item = (m: MissingItem) => ({ message: m.message, fix: m.fix, fixLabel: FIX_PLACES[m.fix] })

/**
 * The check before « Générer » (documents:check): the same rules buildTargets applies, as of the
 * same generation date, so what the dialog announces is what generation does.
 */
export function checkDocuments(db: Db, clock: Clock, input: CheckInput): DocumentCheck {
  const issuedOn = nowIso(clock).slice(0, 10)
  const r = checkRequest(db, {
    kind: input.kind,
    issuedOn,
    ...(input.enrolmentIds ? { enrolmentIds: input.enrolmentIds } : {}),
    ...(input.sessionId !== undefined ? { sessionId: input.sessionId } : {}),
    ...(input.period ? { period: input.period } : {})
  })
  const people = r.people.map((p) => ({ ...p, missing: p.missing.map(item) }))
  const refused = people.filter((p) => p.refusal !== null).length
  const incomplete = people.filter((p) => p.refusal === null && p.missing.length > 0).length
  return {
    kind: input.kind,
    organisation: r.organisation.map(item),
    people,
    ready: people.length - refused - incomplete,
    incomplete,
    refused,
    defaultMonth: input.kind === 'etat_presence' ? statementMonth(db, input, issuedOn) : null
  }
}

/**
 * The month a statement defaults to: the latest month any of the people was in training up to
 * today (someone who left in November gets November, not December); for a session, the month of
 * its end when it is over.
 */
function statementMonth(db: Db, input: CheckInput, today: string): string {
  const current = today.slice(0, 7)
  if (input.sessionId !== undefined) {
    const end = db.prepare<[number], { end: string | null }>('SELECT end_date AS end FROM session WHERE id = ?').get(input.sessionId)?.end ?? null
    return end !== null && end < today ? end.slice(0, 7) : current
  }
  const stmt = db.prepare<[number], { entry: string | null; exit: string | null }>('SELECT entry_date AS entry, exit_date AS exit FROM enrolment WHERE id = ?')
  const months = (input.enrolmentIds ?? []).flatMap((id) => {
    const e = stmt.get(id)
    return e?.entry && e.entry <= today ? [defaultStatementMonth(today, e.entry, e.exit)] : []
  })
  return months.sort().pop() ?? current
}
