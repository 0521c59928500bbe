import { z } from 'zod'
import { command } from '../spec'
import { id, isoDate, optionalIsoDate, optionalText } from '../fields'
import type { EnrolmentDetail } from './enrolments'

export const interruptionOps = {
  'interruptions:create': command<EnrolmentDetail>()(
    z
      .object({
        enrolmentId: id,
        startDate: isoDate('Le début de l’interruption'),
        endDate: optionalIsoDate('La fin de l’interruption'),
        reason: z.string().trim().min(1, 'Le motif de l’interruption est obligatoire.').max(200),
        comment: optionalText(1000, 'Le commentaire')
      })
      .strict()
  ),
  /** Only the fields present change: `endDate: null` reopens, an absent `endDate` leaves it as it is. */
  'interruptions:update': command<EnrolmentDetail>()(
    z
      .object({
        id,
        endDate: optionalIsoDate('La fin de l’interruption').optional(),
        reason: z.string().trim().min(1, 'Le motif de l’interruption est obligatoire.').max(200).optional(),
        comment: optionalText(1000, 'Le commentaire').optional()
      })
      .strict()
  ),
  'interruptions:delete': command<EnrolmentDetail>()(z.object({ id }).strict())
}
