import type { clerkOps } from '@shared/api/areas/clerks'
import { selectClerk } from '../../services/clerks/clerkService'
import type { AreaHandlers } from '../types'

export const clerkHandlers: AreaHandlers<typeof clerkOps> = {
  'clerks:select': ({ name }, { db, clock, actor }) => selectClerk(db, clock, name, actor?.name ?? null)
}
