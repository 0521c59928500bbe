import type { Check } from '@shared/domain/validation'

/**
 * The forms edit every field as the text typed; the contract carries optional texts as null.
 * These helpers convert both ways and check a whole form with its one-field check, so that each
 * form module lists only what is particular to it.
 */

/** One message per field to correct. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>

export const blank = (s: string): boolean => s.trim() === ''

/** An optional text for the contract: trimmed, null when blank. */
export const orNull = (s: string): string | null => (blank(s) ? null : s.trim())

/** A new form: every field empty. */
export function emptyTexts<F extends string>(fields: readonly F[]): Record<F, string> {
  return Object.fromEntries(fields.map((f) => [f, ''])) as Record<F, string>
}

/** A record's optional texts as the form shows them: null becomes ''. */
export function formTexts<K extends string>(record: { readonly [P in K]: string | null }, fields: readonly K[]): Record<K, string> {
  return Object.fromEntries(fields.map((f) => [f, record[f] ?? ''])) as Record<K, string>
}

/** The form's optional texts as the contract takes them: trimmed, blank becomes null. */
export function inputTexts<K extends string>(values: { readonly [P in K]: string }, fields: readonly K[]): Record<K, string | null> {
  return Object.fromEntries(fields.map((f) => [f, orNull(values[f])])) as Record<K, string | null>
}

/** An optional field: fine when blank, else the check's French message when it refuses. */
export function optionalCheck(value: string, check: (s: string) => Check<unknown>): string | null {
  if (blank(value)) return null
  const r = check(value)
  return r.ok ? null : r.message
}

/** Every field checked at once (before a save), with the form's one-field check. */
export function checkFields<F extends string>(values: { readonly [P in F]: string }, check: (field: F, value: string) => string | null): FieldErrors<F> {
  const errors: FieldErrors<F> = {}
  for (const field of Object.keys(values) as F[]) {
    const message = check(field, values[field])
    if (message) errors[field] = message
  }
  return errors
}
