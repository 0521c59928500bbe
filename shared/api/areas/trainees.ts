import { z } from 'zod'
import { command, query } from '../spec'
import { email, franceTravailId, id, optionalChecked, optionalIsoDate, optionalText, phone, postalCode, text } from '../fields'
import { checkAdviserEmail, CIVILITIES, PRESCRIBER_CODES } from '../../domain/trainee'
import { pageLimit, type PageOf } from '../paging'

export type Trainee = {
  id: number
  civility: 'M' | 'Mme' | null
  lastName: string
  firstName: string
  birthDate: string | null
  ftId: string | null
  email: string | null
  phone: string | null
  addressLine1: string | null
  postalCode: string | null
  city: string | null
  prescriber: string | null
  /** The prescriber's agency or structure, e.g. « France Travail Lorient ». */
  prescriberAgency: string | null
  /** The prescriber's adviser, who validates the training project, and their e-mail. */
  adviserName: string | null
  adviserEmail: string | null
  notes: string | null
  enrolmentCount: number
  createdAt: string
  updatedAt: string
  /** Set once the person is anonymised (RGPD): the record is then read-only. */
  anonymisedAt?: string | null
}

const fields = {
  civility: z.enum(CIVILITIES, { error: 'Civilité : M ou Mme.' }).nullish().transform((v) => v ?? null),
  lastName: text(100, 'Le nom'),
  firstName: text(100, 'Le prénom'),
  birthDate: optionalIsoDate('La date de naissance'),
  ftId: franceTravailId,
  email,
  phone,
  addressLine1: optionalText(200, 'L’adresse'),
  postalCode,
  city: optionalText(100, 'La ville'),
  prescriber: z.enum(PRESCRIBER_CODES, { error: 'Prescripteur inconnu.' }).nullish().transform((v) => v ?? null),
  prescriberAgency: optionalText(120, 'L’agence prescriptrice'),
  adviserName: optionalText(120, 'Le conseiller'),
  // The `email` field, with a message that names the adviser's address rather than the trainee's.
  adviserEmail: optionalChecked(checkAdviserEmail),
  notes: optionalText(2000, 'Les notes')
}

export const TraineeInput = z.object(fields).strict()
export type TraineeInput = z.input<typeof TraineeInput>
export const TraineePatch = z.object(fields).partial().strict()
export type TraineePatch = z.input<typeof TraineePatch>

/** Where the next page of the registry starts: after this row in the list's order (folded text, then id). */
export type TraineeCursor = { key: string; id: number }
export type TraineePage = PageOf<Trainee, TraineeCursor>

const traineeSearch = z.string().max(200).optional()

export const traineeOps = {
  'trainees:list': query<Trainee[]>()(
    z.object({ search: traineeSearch }).strict()
  ),
  /** The registry's grid: one page in the list's order, `after` the previous page's `next`. */
  'trainees:page': query<TraineePage>()(
    z
      .object({
        search: traineeSearch,
        after: z
          .object({ key: z.string({ error: 'Le curseur de page est invalide.' }).max(1000, 'Le curseur de page est invalide.'), id })
          .strict()
          .optional(),
        limit: pageLimit
      })
      .strict()
  ),
  'trainees:get': query<Trainee>()(z.object({ id }).strict()),
  'trainees:create': command<Trainee>()(TraineeInput),
  'trainees:update': command<Trainee>()(z.object({ id, changes: TraineePatch }).strict()),
  'trainees:delete': command<{ id: number }>()(z.object({ id }).strict())
}
