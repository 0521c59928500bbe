import { z } from 'zod'
import { query } from '../spec'
import { id, optionalIsoDate } from '../fields'

/** One line of « Historique »: who did what, when, on which object. */
export type AuditLine = {
  id: number
  at: string
  clerkName: string
  operation: string
  entity: string
  entityId: string | null
  /** The values before and after (null once anonymised or when the operation has none). */
  before: string | null
  after: string | null
  redacted: boolean
}

export type AuditPage = { lines: AuditLine[]; clerks: string[]; operations: string[]; hasMore: boolean }

export type AuditVerification = { rows: number; ok: boolean; broken: { id: number; reason: string } | null; redacted: number }

const AuditFilter = z
  .object({
    clerk: z.string().trim().max(80).optional(),
    operation: z.string().trim().max(80).optional(),
    entity: z.string().trim().max(40).optional(),
    entityId: z.string().trim().max(40).optional(),
    /** A person: their own rows and those of their enrolments. */
    traineeId: id.optional(),
    enrolmentId: id.optional(),
    from: optionalIsoDate('La date de début'),
    to: optionalIsoDate('La date de fin'),
    /** Paging backwards: rows older than this id. */
    beforeId: id.optional(),
    limit: z.number().int().min(1).max(1000).default(200)
  })
  .strict()

export const auditOps = {
  'audit:list': query<AuditPage>()(AuditFilter),
  'audit:verify': query<AuditVerification>()(z.object({}).strict())
}
