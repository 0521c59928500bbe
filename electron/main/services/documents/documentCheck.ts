import type { z } from 'zod'
import type { DocumentCheck, documentOps } from '../../../../shared/api/areas/documents'
import { FIX_PLACES, type MissingItem } from '../../../../shared/domain/documentChecks'
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
  return { kind: input.kind, organisation: r.organisation.map(item), people, ready: people.length - refused - incomplete, incomplete, refused }
}
