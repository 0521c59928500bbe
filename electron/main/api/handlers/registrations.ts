import type { registrationOps } from '@shared/api/areas/registrations'
import {
  bookTrainees,
  listRegistrations,
  removeRegistration,
  setPresence,
  setRegistrationComment,
  setResult,
  transferRegistration
} from '../../services/recruitment/registrationService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const registrationHandlers: AreaHandlers<typeof registrationOps> = {
  'registrations:list': ({ eventId, tab }, { db }) => listRegistrations(db, eventId, tab),
  'registrations:book': (booking, call) => bookTrainees(services(call), booking),
  'registrations:setPresence': ({ ids, presence }, call) => setPresence(services(call), ids, presence),
  'registrations:setResult': ({ ids, result }, call) => setResult(services(call), ids, result),
  'registrations:transfer': ({ id, toEventId, comment }, call) => transferRegistration(services(call), id, toEventId, comment),
  'registrations:setComment': ({ id, comment }, call) => setRegistrationComment(services(call), id, comment),
  'registrations:remove': ({ id }, call) => removeRegistration(services(call), id)
}
