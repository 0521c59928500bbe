import type { dashboardOps } from '@shared/api/areas/dashboard'
import { todayIso } from '@shared/domain/dates'
import { getDashboard } from '../../services/dashboard/dashboardService'
import type { AreaHandlers } from '../types'

export const dashboardHandlers: AreaHandlers<typeof dashboardOps> = {
  // The civil day of the clerk's clock; the date picker passes another day.
  'dashboard:get': ({ today }, { db, clock }) => getDashboard(db, today ?? todayIso(clock.now()))
}
