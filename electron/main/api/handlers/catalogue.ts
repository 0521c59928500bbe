import type { catalogueOps } from '../../../../shared/api/areas/catalogue'
import { todayIso } from '../../../../shared/domain/dates'
import { moveEnrolmentDates } from '../../services/catalogue/sessionDates'
import { createSession, getSession, listSessions, updateSession } from '../../services/catalogue/sessionService'
import { createTraining, getTraining, listTrainings, updateTraining } from '../../services/catalogue/trainingService'
import { services } from '../serviceContext'
import type { AreaHandlers, CallContext } from '../types'

const today = (call: CallContext) => todayIso(call.clock.now())

export const catalogueHandlers: AreaHandlers<typeof catalogueOps> = {
  'trainings:list': ({ search }, call) => listTrainings(call.db, { today: today(call), search }),
  'trainings:get': ({ id }, call) => getTraining(call.db, id, today(call)),
  'trainings:create': (input, call) => createTraining(services(call), input, today(call)),
  'trainings:update': ({ id, changes }, call) => updateTraining(services(call), id, changes, today(call)),
  'sessions:list': (filter, call) => listSessions(call.db, filter, today(call)),
  'sessions:get': ({ id }, call) => getSession(call.db, id, today(call)),
  'sessions:create': (input, call) => createSession(services(call), input, today(call)),
  'sessions:update': ({ id, changes }, call) => updateSession(services(call), id, changes, today(call)),
  'sessions:moveEnrolmentDates': ({ id, previous }, call) => moveEnrolmentDates(services(call), id, previous)
}
