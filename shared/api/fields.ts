import { z } from 'zod'
import type { Check } from '../domain/validation'
import { checkSiret } from '../domain/siret'
import { checkNda } from '../domain/nda'
import { checkFranceTravailId } from '../domain/franceTravailId'
import { isIsoDate } from '../domain/dates'
import { checkEmail, checkFrenchPhone, checkPostalCode } from '../domain/text'
import { INVALID_CHARACTER, isCleanText } from '../domain/cleanText'

/** Turns a pure domain check into a zod field whose output is the normalised value. */
export function checked(check: (s: string) => Check<string>) {
  return z.string().transform((s, ctx) => {
    const r = check(s)
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message })
      return z.NEVER
    }
    return r.value
  })
}

/** An optional text field: blank means absent (null), the form sends '' for an empty input. */
export function optionalChecked(check: (s: string) => Check<string>) {
  return z
    .string()
    .max(500)
    .nullish()
    .transform((s, ctx) => {
      if (s == null || s.trim() === '') return null
      const r = check(s)
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message })
        return z.NEVER
      }
      return r.value
    })
}

export const text = (max: number, label: string) =>
  z
    .string({ error: `${label} : texte attendu.` })
    .trim()
    .min(1, `${label} est obligatoire.`)
    .max(max, `${label} : ${max} caractères au maximum.`)
    .refine(isCleanText, `${label} ${INVALID_CHARACTER}`)

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} : ${max} caractères au maximum.`)
    .refine(isCleanText, `${label} ${INVALID_CHARACTER}`)
    .nullish()
    .transform((s) => (s == null || s.trim() === '' ? null : s.trim()))

/** A calendar date: 2027-02-29 and 2026-11-31 are refused, not rolled over to March or December. */
export const isoDate = (label: string) =>
  z.string({ error: `${label} : date attendue (aaaa-mm-jj).` }).refine(isIsoDate, `${label} : date invalide ou inexistante (attendu aaaa-mm-jj, un jour du calendrier).`)

/** A month, aaaa-mm. */
export const isoMonth = (label: string) =>
  z.string({ error: `${label} : mois attendu (aaaa-mm).` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label} : mois attendu au format aaaa-mm.`)

export const optionalIsoDate = (label: string) =>
  z
    .string()
    .nullish()
    .transform((s) => (s == null || s === '' ? null : s))
    .refine((s) => s === null || isIsoDate(s), `${label} : date invalide ou inexistante (attendu aaaa-mm-jj, un jour du calendrier).`)

export const id = z.number().int().positive()

export const siret = checked(checkSiret)
export const optionalSiret = optionalChecked(checkSiret)
export const nda = optionalChecked(checkNda)
export const franceTravailId = optionalChecked(checkFranceTravailId)
export const email = optionalChecked(checkEmail)
export const phone = optionalChecked(checkFrenchPhone)
export const postalCode = optionalChecked(checkPostalCode)
