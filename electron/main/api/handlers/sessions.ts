import type { sessionOps } from '@shared/api/areas/sessions'
import { todayIso } from '@shared/domain/dates'
import { moveEnrolmentDates } from '../../services/catalogue/sessionDates'
import { listSessionOptions } from '../../services/catalogue/sessionOptions'
import { createSession, getSession, listSessions, updateSession } from '../../services/catalogue/sessionService'
import { getSchedule, saveSchedule, saveSubjects } from '../../services/sessions/scheduleService'
import { services } from '../serviceContext'
import type { AreaHandlers, CallContext } from '../types'

const today = (call: CallContext) => todayIso(call.clock.now())

export const sessionHandlers: AreaHandlers<typeof sessionOps> = {
  'sessions:list': (filter, call) => listSessions(call.db, filter, today(call)),
  'sessions:options': (filter, { db }) => listSessionOptions(db, filter),
  'sessions:get': ({ id }, call) => getSession(call.db, id, today(call)),
  'sessions:create': (input, call) => createSession(services(call), input, today(call)),
  'sessions:update': ({ id, changes }, call) => updateSession(services(call), id, changes, today(call)),
  'sessions:moveEnrolmentDates': ({ id, previous }, call) => moveEnrolmentDates(services(call), id, previous),
  'sessions:schedule': ({ sessionId }, { db }) => getSchedule(db, sessionId),
  'sessions:saveSchedule': ({ sessionId, week }, call) => saveSchedule(services(call), sessionId, week),
  'sessions:saveSubjects': ({ sessionId, subjects }, call) => saveSubjects(services(call), sessionId, subjects)
}
