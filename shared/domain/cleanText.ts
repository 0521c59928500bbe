/*
 * Text a person can type holds no control character but tab, line feed and carriage return,
 * and no lone half of a UTF-16 surrogate pair (SQLite would store it as invalid UTF-8, and every
 * export and PDF would carry it). Such characters come from a bad copy-paste or from a forged
 * request: they are refused at the contract boundary, with a French message.
 */

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const INVALID_CHARACTER = 'contient un caractère invisible ou invalide (souvent un copier-coller) : retapez-le.'

/** True when the text holds only characters a person types. */
export function isCleanText(s: string): boolean {
  return !CONTROL.test(s) && !LONE_SURROGATE.test(s)
}

/** Keys whose strings are file contents (base64), not typed text. */
const FILE_KEYS = new Set(['base64'])
/** Deep enough for every contract input; deeper is not a typed value. */
const MAX_DEPTH = 32

/**
 * The path of the first string in a validated input that is not clean text ('' for the input
 * itself), or null. Walked without recursion, so no input can exhaust the stack.
 */
export function firstUncleanText(input: unknown): string | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }]
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string[] }
    if (typeof value === 'string') {
      if (!isCleanText(value)) return path.join('.')
    } else if (value !== null && typeof value === 'object' && path.length < MAX_DEPTH) {
      for (const [key, child] of Object.entries(value)) {
        if (!FILE_KEYS.has(key)) stack.push({ value: child, path: [...path, key] })
      }
    }
  }
  return null
}
