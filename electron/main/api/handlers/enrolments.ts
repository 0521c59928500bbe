import type { enrolmentOps } from '@shared/api/areas/enrolments'
import { todayIso } from '@shared/domain/dates'
import { markDeclared, unmarkDeclared } from '../../services/enrolments/declarationService'
import { getEnrolment, listEnrolments, pageEnrolments } from '../../services/enrolments/enrolmentQueries'
import { createEnrolment, transitionEnrolments, updateEnrolment } from '../../services/enrolments/enrolmentService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const enrolmentHandlers: AreaHandlers<typeof enrolmentOps> = {
  'enrolments:list': ({ today, ...filter }, { db, clock }) => listEnrolments(db, filter, today ?? todayIso(clock.now())),
  'enrolments:page': ({ today, after, limit, ...filter }, { db, clock }) => pageEnrolments(db, filter, { after, limit }, today ?? todayIso(clock.now())),
  'enrolments:get': ({ id, today }, { db, clock }) => getEnrolment(db, id, today ?? todayIso(clock.now())),
  'enrolments:create': (input, call) => createEnrolment(services(call), input),
  'enrolments:update': ({ id, changes }, call) => updateEnrolment(services(call), id, changes),
  'enrolments:transition': ({ ids, change }, call) => transitionEnrolments(services(call), ids, change),
  'enrolments:markDeclared': (input, call) => markDeclared(services(call), input),
  'enrolments:unmarkDeclared': ({ eventId }, call) => unmarkDeclared(services(call), eventId)
}
