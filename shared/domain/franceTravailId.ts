import type { Check } from './validation'
import { stripSpaces } from './validation'

/** Usual "identifiant régional" printed on France Travail letters, e.g. 0676932W. */
const SHORT_FORM = /^\d{7}[A-Z0-9]$/
/** Longer form found in KAIROS exports, e.g. 41N412817672. */
const LONG_FORM = /^\d{2,3}[A-Z]\d{6,9}$/

const EXPECTED =
  "7 chiffres suivis d'une lettre ou d'un chiffre (ex. 0676932W), " +
  'ou la forme longue des exports KAIROS (ex. 41N412817672)'

export function checkFranceTravailId(input: string): Check<string> {
  const id = stripSpaces(input).toUpperCase()
  if (id === '') {
    return { ok: false, message: `L'identifiant France Travail est vide : attendu ${EXPECTED}.` }
  }
  if (!/^[A-Z0-9]+$/.test(id)) {
    return {
      ok: false,
      message: `L'identifiant France Travail ne doit contenir que des chiffres et des lettres : attendu ${EXPECTED}.`
    }
  }
  if (id.length === 8 && SHORT_FORM.test(id)) return { ok: true, value: id }
  if (id.length >= 10 && id.length <= 12 && LONG_FORM.test(id)) return { ok: true, value: id }
  return { ok: false, message: `L'identifiant France Travail ${id} n'a pas la forme attendue : ${EXPECTED}.` }
}
