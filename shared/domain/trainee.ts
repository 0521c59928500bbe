import { checkEmail } from './text'
import type { Check } from './validation'

export const CIVILITIES = ['M', 'Mme'] as const
export type Civility = (typeof CIVILITIES)[number]

/** Who sent the person to the training: drives who validates the project and who gets the reports. */
export const PRESCRIBERS = {
  france_travail: 'France Travail',
  mission_locale: 'Mission locale',
  cap_emploi: 'Cap emploi',
  self: 'Candidature spontanée',
  other: 'Autre'
} as const
export type Prescriber = keyof typeof PRESCRIBERS
export const PRESCRIBER_CODES = Object.keys(PRESCRIBERS) as [Prescriber, ...Prescriber[]]

/** The prescriber's adviser's e-mail: the message says it is the adviser's, not the trainee's. */
export function checkAdviserEmail(s: string): Check<string> {
  return checkEmail(s, 'du conseiller')
}
