import { z } from 'zod'
import type { Check } from '../domain/validation'
import { checkSiret } from '../domain/siret'
import { checkNda } from '../domain/nda'
import { checkFranceTravailId } from '../domain/franceTravailId'
import { isIsoDate } from '../domain/dates'
import { checkEmail, checkFrenchPhone, checkPostalCode } from '../domain/text'

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

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} : ${max} caractères au maximum.`)
    .nullish()
    .transform((s) => (s == null || s.trim() === '' ? null : s.trim()))

export const isoDate = (label: string) =>
  z.string().refine(isIsoDate, `${label} : date invalide (attendu aaaa-mm-jj).`)

export const optionalIsoDate = (label: string) =>
  z
    .string()
    .nullish()
    .transform((s) => (s == null || s === '' ? null : s))
    .refine((s) => s === null || isIsoDate(s), `${label} : date invalide (attendu aaaa-mm-jj).`)

export const id = z.number().int().positive()

export const siret = checked(checkSiret)
export const optionalSiret = optionalChecked(checkSiret)
export const nda = optionalChecked(checkNda)
export const franceTravailId = optionalChecked(checkFranceTravailId)
export const email = optionalChecked(checkEmail)
export const phone = optionalChecked(checkFrenchPhone)
export const postalCode = optionalChecked(checkPostalCode)
