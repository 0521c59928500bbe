import type { auditOps } from '@shared/api/areas/audit'
import { listAudit, verifyAudit } from '../../services/audit/auditService'
import type { AreaHandlers } from '../types'

export const auditHandlers: AreaHandlers<typeof auditOps> = {
  'audit:list': (filter, { db }) => listAudit(db, filter),
  'audit:verify': (_input, { db }) => verifyAudit(db)
}
