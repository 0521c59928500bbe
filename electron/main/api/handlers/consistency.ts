import type { consistencyOps } from '@shared/api/areas/consistency'
import { checkConsistency } from '../../services/consistency/checkConsistency'
import type { AreaHandlers } from '../types'

export const consistencyHandlers: AreaHandlers<typeof consistencyOps> = {
  'consistency:check': ({ sessionId, enrolmentIds, asOf, invoiceId }, { db, clock }) =>
    checkConsistency(db, {
      sessionId,
      asOf: asOf ?? clock.now().toISOString().slice(0, 10),
      ...(enrolmentIds ? { enrolmentIds } : {}),
      ...(invoiceId ? { invoiceId } : {})
    })
}
