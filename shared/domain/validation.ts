/**
 * Outcome of checking user input. A failure carries a French message ready for
 * the UI, so callers never have to translate or rephrase validation errors.
 */
export type Check<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * Removes every kind of space. Values pasted from PDFs, spreadsheets or
 * websites often contain non-breaking spaces (U+00A0, U+202F) that a plain
 * ' ' replacement would miss.
 */
export function stripSpaces(s: string): string {
  return s.replace(/[\s\u00A0\u202F\u2007\u200B\uFEFF]+/g, '')
}
