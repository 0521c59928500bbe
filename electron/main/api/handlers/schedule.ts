import type { scheduleOps } from '../../../../shared/api/areas/schedule'
import { getSchedule, saveSchedule, saveSubjects } from '../../services/sessions/scheduleService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const scheduleHandlers: AreaHandlers<typeof scheduleOps> = {
  'sessions:schedule': ({ sessionId }, { db }) => getSchedule(db, sessionId),
  'sessions:saveSchedule': ({ sessionId, week }, call) => saveSchedule(services(call), sessionId, week),
  'sessions:saveSubjects': ({ sessionId, subjects }, call) => saveSubjects(services(call), sessionId, subjects)
}
