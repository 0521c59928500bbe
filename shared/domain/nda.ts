import type { Check } from './validation'
import { stripSpaces } from './validation'

/*
 * Corsican numbers carry the département code (2A/2B) where other regions have
 * digits. Where exactly it appears has varied between issuing offices, so the
 * pair is accepted at any position rather than rejecting a real number.
 */
const NDA_SHAPE = /^(?:\d|2[AB])+$/

export function checkNda(input: string): Check<string> {
  const nda = stripSpaces(input).toUpperCase()
  if (nda.length !== 11) {
    return { ok: false, message: "Le numéro de déclaration d'activité (NDA) doit comporter 11 caractères." }
  }
  if (!NDA_SHAPE.test(nda)) {
    return {
      ok: false,
      message: "Le numéro de déclaration d'activité (NDA) ne doit contenir que des chiffres (ou 2A/2B pour la Corse)."
    }
  }
  return { ok: true, value: nda }
}

/** Printed as on the DREETS receipt: "11 75 12345 75". */
export function formatNda(s: string): string {
  const nda = stripSpaces(s).toUpperCase()
  if (!NDA_SHAPE.test(nda) || nda.length !== 11) return s.trim()
  return `${nda.slice(0, 2)} ${nda.slice(2, 4)} ${nda.slice(4, 9)} ${nda.slice(9)}`
}
