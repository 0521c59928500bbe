import type { Trainee, TraineeInput } from '@shared/api/areas/trainees'
import { checkBirthDate, formatDateFr, parseFrenchDate } from '@shared/domain/dates'
import { checkFranceTravailId } from '@shared/domain/franceTravailId'
import { checkEmail, checkFrenchPhone, checkPostalCode } from '@shared/domain/text'
import { checkAdviserEmail, CIVILITIES, PRESCRIBER_CODES, type Civility, type Prescriber } from '@shared/domain/trainee'
import type { Check } from '@shared/domain/validation'
import type { FieldIssue } from '@shared/api/result'
import { issuesToFieldErrors } from '../../forms/fieldErrors'

/** What the form edits: every field as typed (strings), the birth date in French format. */
export type TraineeFormValues = {
  civility: string
  lastName: string
  firstName: string
  birthDate: string
  ftId: string
  email: string
  phone: string
  addressLine1: string
  postalCode: string
  city: string
  prescriber: string
  prescriberAgency: string
  adviserName: string
  adviserEmail: string
  notes: string
}
export type TraineeField = keyof TraineeFormValues
export type TraineeFormErrors = Partial<Record<TraineeField, string>>

export function emptyTraineeForm(): TraineeFormValues {
  return {
    civility: '',
    lastName: '',
    firstName: '',
    birthDate: '',
    ftId: '',
    email: '',
    phone: '',
    addressLine1: '',
    postalCode: '',
    city: '',
    prescriber: '',
    prescriberAgency: '',
    adviserName: '',
    adviserEmail: '',
    notes: ''
  }
}

export function traineeToForm(t: Trainee): TraineeFormValues {
  return {
    civility: t.civility ?? '',
    lastName: t.lastName,
    firstName: t.firstName,
    birthDate: formatDateFr(t.birthDate),
    ftId: t.ftId ?? '',
    email: t.email ?? '',
    phone: t.phone ?? '',
    addressLine1: t.addressLine1 ?? '',
    postalCode: t.postalCode ?? '',
    city: t.city ?? '',
    prescriber: t.prescriber ?? '',
    prescriberAgency: t.prescriberAgency ?? '',
    adviserName: t.adviserName ?? '',
    adviserEmail: t.adviserEmail ?? '',
    notes: t.notes ?? ''
  }
}

const blank = (s: string): boolean => s.trim() === ''

/** Immediate feedback on one field (the server checks everything again). Null when fine or blank-and-optional. */
export function checkTraineeField(field: TraineeField, value: string, today: string): string | null {
  const optional = (check: (s: string) => Check<string>): string | null => {
    if (blank(value)) return null
    const r = check(value)
    return r.ok ? null : r.message
  }
  switch (field) {
    case 'lastName':
      return blank(value) ? 'Le nom est obligatoire.' : null
    case 'firstName':
      return blank(value) ? 'Le prénom est obligatoire.' : null
    case 'birthDate':
      return optional((s) => {
        const parsed = parseFrenchDate(s)
        return parsed.ok ? checkBirthDate(parsed.value, today) : parsed
      })
    case 'ftId':
      return optional(checkFranceTravailId)
    case 'email':
      return optional(checkEmail)
    case 'adviserEmail':
      return optional(checkAdviserEmail)
    case 'phone':
      return optional(checkFrenchPhone)
    case 'postalCode':
      return optional(checkPostalCode)
    default:
      return null
  }
}

export function validateTraineeForm(values: TraineeFormValues, today: string): TraineeFormErrors {
  const errors: TraineeFormErrors = {}
  for (const field of Object.keys(values) as TraineeField[]) {
    const message = checkTraineeField(field, values[field], today)
    if (message) errors[field] = message
  }
  return errors
}

const orNull = (s: string): string | null => (blank(s) ? null : s.trim())

/** The contract's input: blanks become null, the French birth date becomes ISO. Call after validation. */
export function formToTraineeInput(values: TraineeFormValues): TraineeInput {
  const birth = blank(values.birthDate) ? null : parseFrenchDate(values.birthDate)
  return {
    civility: (CIVILITIES as readonly string[]).includes(values.civility) ? (values.civility as Civility) : null,
    lastName: values.lastName.trim(),
    firstName: values.firstName.trim(),
    birthDate: birth && birth.ok ? birth.value : null,
    ftId: orNull(values.ftId),
    email: orNull(values.email),
    phone: orNull(values.phone),
    addressLine1: orNull(values.addressLine1),
    postalCode: orNull(values.postalCode),
    city: orNull(values.city),
    prescriber: (PRESCRIBER_CODES as readonly string[]).includes(values.prescriber) ? (values.prescriber as Prescriber) : null,
    prescriberAgency: orNull(values.prescriberAgency),
    adviserName: orNull(values.adviserName),
    adviserEmail: orNull(values.adviserEmail),
    notes: orNull(values.notes)
  }
}

/** Server refusals name the field (`issues[].path`): they are shown beside it. */
export function issuesToErrors(issues: readonly FieldIssue[] | undefined): TraineeFormErrors {
  return issuesToFieldErrors(issues, Object.keys(emptyTraineeForm()) as TraineeField[])
}
