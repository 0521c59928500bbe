import { z } from 'zod'
import { command, query } from '../spec'
import { id, optionalText } from '../fields'
import { PRESENCE_CODES, REGISTRATION_RESULT_CODES } from '../../domain/recruitment'
import { REGISTRATION_TABS, type RegistrationRow } from './recruitment'
import { TraineeInput } from './trainees'

export const registrationOps = {
  'registrations:list': query<RegistrationRow[]>()(z.object({ eventId: id, tab: z.enum(REGISTRATION_TABS).default('inscrits') }).strict()),
  'registrations:book': command<RegistrationRow[]>()(
    z
      .object({
        eventId: id,
        traineeIds: z.array(id).max(500).default([]),
        newTrainees: z.array(TraineeInput).max(100).default([])
      })
      .strict()
      .refine((v) => v.traineeIds.length + v.newTrainees.length > 0, 'Choisissez au moins une personne à positionner.')
  ),
  'registrations:setPresence': command<RegistrationRow[]>()(
    z.object({ ids: z.array(id).min(1).max(500), presence: z.enum(PRESENCE_CODES) }).strict()
  ),
  /** `retenu` creates the enrolment in status retenu. */
  'registrations:setResult': command<RegistrationRow[]>()(
    z.object({ ids: z.array(id).min(1).max(500), result: z.enum(REGISTRATION_RESULT_CODES).nullable() }).strict()
  ),
  'registrations:transfer': command<RegistrationRow>()(
    z.object({ id, toEventId: id, comment: optionalText(500, 'Le commentaire') }).strict()
  ),
  /** The clerk's note on one booking; blank clears it. */
  'registrations:setComment': command<RegistrationRow>()(z.object({ id, comment: optionalText(500, 'Le commentaire') }).strict()),
  'registrations:remove': command<{ id: number }>()(z.object({ id }).strict())
}
