import type { interruptionOps } from '@shared/api/areas/interruptions'
import { createInterruption, deleteInterruption, updateInterruption } from '../../services/enrolments/interruptionService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const interruptionHandlers: AreaHandlers<typeof interruptionOps> = {
  'interruptions:create': (input, call) => createInterruption(services(call), input),
  'interruptions:update': ({ id, ...changes }, call) => updateInterruption(services(call), id, changes),
  'interruptions:delete': ({ id }, call) => deleteInterruption(services(call), id)
}
