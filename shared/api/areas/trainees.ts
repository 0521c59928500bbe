import { z } from 'zod'
import { command, query } from '../spec'
import { email, franceTravailId, id, optionalIsoDate, optionalText, phone, postalCode, text } from '../fields'
import { CIVILITIES, PRESCRIBER_CODES } from '../../domain/trainee'

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
  adviserName: string | null
  notes: string | null
  enrolmentCount: number
  createdAt: string
  updatedAt: string
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
  adviserName: optionalText(120, 'Le conseiller'),
  notes: optionalText(2000, 'Les notes')
}

export const TraineeInput = z.object(fields).strict()
export type TraineeInput = z.input<typeof TraineeInput>
export const TraineePatch = z.object(fields).partial().strict()
export type TraineePatch = z.input<typeof TraineePatch>

export const traineeOps = {
  'trainees:list': query<Trainee[]>()(
    z.object({ search: z.string().max(200).optional() }).strict()
  ),
  'trainees:get': query<Trainee>()(z.object({ id }).strict()),
  'trainees:create': command<Trainee>()(TraineeInput),
  'trainees:update': command<Trainee>()(z.object({ id, changes: TraineePatch }).strict()),
  'trainees:delete': command<{ id: number }>()(z.object({ id }).strict())
}
