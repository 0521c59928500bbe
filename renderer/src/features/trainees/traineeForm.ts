import type { Trainee, TraineeInput } from '@shared/api/areas/trainees'
import { checkBirthDate, formatDateFr, parseFrenchDate } from '@shared/domain/dates'
import { checkFranceTravailId } from '@shared/domain/franceTravailId'
import { checkEmail, checkFrenchPhone, checkPostalCode } from '@shared/domain/text'
import { checkAdviserEmail, CIVILITIES, PRESCRIBER_CODES, type Civility, type Prescriber } from '@shared/domain/trainee'
import type { Check } from '@shared/domain/validation'
import type { FieldIssue } from '@shared/api/result'
import { issuesToFieldErrors } from '../../forms/fieldErrors'
import { blank, checkFields, emptyTexts, formTexts, inputTexts, optionalCheck, type FieldErrors } from '../../forms/formValues'

const TRAINEE_FIELDS = ['civility', 'lastName', 'firstName', 'birthDate', 'ftId', 'email', 'phone', 'addressLine1', 'postalCode', 'city', 'prescriber', 'prescriberAgency', 'adviserName', 'adviserEmail', 'notes'] as const
/** The optional texts, copied as they are between the record and the form. */
const TEXT_FIELDS = ['ftId', 'email', 'phone', 'addressLine1', 'postalCode', 'city', 'prescriberAgency', 'adviserName', 'adviserEmail', 'notes'] as const

export type TraineeField = (typeof TRAINEE_FIELDS)[number]
/** What the form edits: every field as typed (strings), the birth date in French format. */
export type TraineeFormValues = Record<TraineeField, string>
export type TraineeFormErrors = FieldErrors<TraineeField>

export const emptyTraineeForm = (): TraineeFormValues => emptyTexts(TRAINEE_FIELDS)

export function traineeToForm(t: Trainee): TraineeFormValues {
  return {
    ...formTexts(t, TEXT_FIELDS),
    civility: t.civility ?? '',
    lastName: t.lastName,
    firstName: t.firstName,
    birthDate: formatDateFr(t.birthDate),
    prescriber: t.prescriber ?? ''
  }
}

/** Immediate feedback on one field (the server checks everything again). Null when fine or blank-and-optional. */
export function checkTraineeField(field: TraineeField, value: string, today: string): string | null {
  const optional = (check: (s: string) => Check<string>): string | null => optionalCheck(value, check)
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
  return checkFields(values, (field, value) => checkTraineeField(field, value, today))
}

/** The contract's input: blanks become null, the French birth date becomes ISO. Call after validation. */
export function formToTraineeInput(values: TraineeFormValues): TraineeInput {
  const birth = blank(values.birthDate) ? null : parseFrenchDate(values.birthDate)
  return {
    civility: (CIVILITIES as readonly string[]).includes(values.civility) ? (values.civility as Civility) : null,
    lastName: values.lastName.trim(),
    firstName: values.firstName.trim(),
    birthDate: birth && birth.ok ? birth.value : null,
    prescriber: (PRESCRIBER_CODES as readonly string[]).includes(values.prescriber) ? (values.prescriber as Prescriber) : null,
    ...inputTexts(values, TEXT_FIELDS)
  }
}

/** Server refusals name the field (`issues[].path`): they are shown beside it. */
export function issuesToErrors(issues: readonly FieldIssue[] | undefined): TraineeFormErrors {
  return issuesToFieldErrors(issues, TRAINEE_FIELDS)
}
