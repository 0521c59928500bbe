import { z } from 'zod'
import { query } from '../spec'
import { id, isoDate } from '../fields'
import type { ConsistencyReport } from '../../domain/invoiceConsistency'

export type { ConsistencyDifference, ConsistencyFix, ConsistencyReport, DifferenceKind } from '../../domain/invoiceConsistency'

export const consistencyOps = {
  /**
   * The check before invoicing a session: for each trainee (every one entered, out or dropped out,
   * or the enrolments given), hours on the sign-in sheets = certificat de réalisation = invoiced,
   * and the declared entry and exit dates. `asOf` defaults to today; `invoiceId` adds a draft.
   */
  'consistency:check': query<ConsistencyReport>()(
    z
      .object({
        sessionId: id,
        enrolmentIds: z.array(id).max(2000).optional(),
        asOf: isoDate('La date du contrôle').optional(),
        invoiceId: id.optional()
      })
      .strict()
  )
}
