import type { trainingOps } from '@shared/api/areas/trainings'
import { todayIso } from '@shared/domain/dates'
import { createTraining, getTraining, listTrainings, updateTraining } from '../../services/catalogue/trainingService'
import { services } from '../serviceContext'
import type { AreaHandlers, CallContext } from '../types'

const today = (call: CallContext) => todayIso(call.clock.now())

export const trainingHandlers: AreaHandlers<typeof trainingOps> = {
  'trainings:list': ({ search }, call) => listTrainings(call.db, { today: today(call), search }),
  'trainings:get': ({ id }, call) => getTraining(call.db, id, today(call)),
  'trainings:create': (input, call) => createTraining(services(call), input, today(call)),
  'trainings:update': ({ id, changes }, call) => updateTraining(services(call), id, changes, today(call))
}
