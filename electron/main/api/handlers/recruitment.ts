import type { recruitmentOps } from '@shared/api/areas/recruitment'
import { todayIso } from '@shared/domain/dates'
import { cancelEvent, createEvents, deleteEvent, duplicateEvent, firstEvent, listEvents, updateEvent } from '../../services/recruitment/eventService'
import { listRecruitmentWarnings } from '../../services/recruitment/warningService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const recruitmentHandlers: AreaHandlers<typeof recruitmentOps> = {
  'recruitment:listEvents': (filter, { db }) => listEvents(db, filter),
  'recruitment:firstEvent': ({ today, ...filter }, { db }) => firstEvent(db, filter, today),
  'recruitment:createEvents': (input, call) => createEvents(services(call), input),
  'recruitment:updateEvent': ({ id, changes }, call) => updateEvent(services(call), id, changes),
  'recruitment:duplicateEvent': ({ id, date }, call) => duplicateEvent(services(call), id, date),
  'recruitment:cancelEvent': ({ id, reason }, call) => cancelEvent(services(call), id, reason),
  'recruitment:deleteEvent': ({ id }, call) => deleteEvent(services(call), id),
  'recruitment:warnings': ({ today }, { db, clock }) => listRecruitmentWarnings(db, today ?? todayIso(clock.now()))
}
