import type { traineeOps } from '@shared/api/areas/trainees'
import { createTrainee, deleteTrainee, getTrainee, listTrainees, pageTrainees, updateTrainee } from '../../services/trainees/traineeService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const traineeHandlers: AreaHandlers<typeof traineeOps> = {
  'trainees:list': ({ search }, { db }) => listTrainees(db, search),
  'trainees:page': (input, { db }) => pageTrainees(db, input),
  'trainees:get': ({ id }, { db }) => getTrainee(db, id),
  'trainees:create': (input, call) => createTrainee(services(call), input),
  'trainees:update': ({ id, changes }, call) => updateTrainee(services(call), id, changes),
  'trainees:delete': ({ id }, call) => deleteTrainee(services(call), id)
}
