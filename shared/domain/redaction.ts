import { ANONYMISED_LAST_NAME } from './retention'

/*
 * Finding a person's identifiers in free text (notes, comments, file names, audit values of other
 * rows) and blanking them. Only identifiers that designate this person are searched: their e-mail,
 * phone, France Travail id and full name; a bare family name (« Martin ») would also hit other
 * people, cities and training titles, and rows about the person are blanked whole instead.
 */

export type PersonIdentifiers = {
  lastName: string
  firstName: string
  birthName?: string | null
  email?: string | null
  phone?: string | null
  ftId?: string | null
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Not inside a word: « Jean Martin » must not hit « Jean Martinez ». */
const word = (pattern: string): string => `(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`
/** Spaces, hyphens and apostrophes in a name as written elsewhere may differ. */
const flexibleName = (s: string): string =>
  s
    .trim()
    .split(/[\s\-'’]+/u)
    .filter(Boolean)
    .map(escape)
    .join("[\\s\\-'’]+")

/** 06 12 34 56 78, 0612345678, 06.12.34.56.78, +33 6 12 34 56 78. */
function phonePattern(phone: string): string | null {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 8) return null
  const sep = '[\\s.\\-/]?'
  const national = digits.split('').join(sep)
  const international = digits.startsWith('0') ? `(?:\\+|00)33${sep}(?:\\(0\\))?${sep}${digits.slice(1).split('').join(sep)}` : null
  return `(?<!\\d)(?:${international ? `${international}|` : ''}${national})(?!\\d)`
}

/** Between a family name and a first name: « DUPONT Marie », « Dupont, Marie », « DUPONT_Marie ». */
const BETWEEN = '[\\s,_.]+'

/** One case-insensitive pattern for the identifiers of all these people; null when there is nothing to search. */
export function identifierPattern(people: readonly PersonIdentifiers[]): RegExp | null {
  const parts = people.flatMap(personParts)
  if (parts.length === 0) return null
  return new RegExp(parts.join('|'), 'giu')
}

function personParts(p: PersonIdentifiers): string[] {
  const parts: string[] = []
  const names = [p.lastName, p.birthName ?? null].filter((n): n is string => n !== null && n.trim().length > 0).map(flexibleName)
  const first = p.firstName.trim() ? flexibleName(p.firstName) : null
  for (const last of names) {
    if (first) parts.push(word(`${last}${BETWEEN}${first}`), word(`${first}${BETWEEN}${last}`))
    else parts.push(word(last))
  }
  if (p.email?.trim()) parts.push(escape(p.email.trim()))
  if (p.ftId?.trim()) parts.push(word(escape(p.ftId.trim())))
  const phone = p.phone ? phonePattern(p.phone) : null
  if (phone) parts.push(phone)
  return parts
}

/** The text with every identifier replaced (unchanged when none is found). */
export function redactText(text: string, pattern: RegExp): string {
  pattern.lastIndex = 0
  return text.replace(pattern, ANONYMISED_LAST_NAME)
}

export function containsIdentifier(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0
  return pattern.test(text)
}

export type IdentifierMatcher = { test: (text: string) => boolean; redact: (text: string) => string }

const WORDS = /[^\p{L}\p{N}]+/u
const longestWord = (s: string): string | null =>
  s
    .toLowerCase()
    .split(WORDS)
    .reduce<string | null>((best, w) => (w.length > (best?.length ?? 0) ? w : best), null)

type Indexed = { pattern: RegExp; phone: string | null }

/**
 * Each person's pattern behind a cheap first look: a text is only run through the patterns of the
 * people one of its words points to (the longest word of their family name, of their e-mail's
 * local part, their France Travail id) or whose phone number its digits contain. Every identifier a
 * pattern finds contains one of these, so the answer is the same; a sweep over every text of a
 * database for hundreds of people goes from minutes to seconds.
 */
export function identifierMatcher(people: readonly PersonIdentifiers[]): IdentifierMatcher | null {
  const indexed: Indexed[] = []
  const byWord = new Map<string, Indexed[]>()
  for (const p of people) {
    const pattern = identifierPattern([p])
    if (!pattern) continue
    const digits = p.phone?.replace(/\D/g, '') ?? ''
    // The national number without its trunk 0 is in both « 06… » and « +33 6… ».
    const entry: Indexed = { pattern, phone: digits.length >= 8 ? (digits.startsWith('0') ? digits.slice(1) : digits) : null }
    indexed.push(entry)
    for (const s of [p.lastName, p.birthName ?? null, p.email ? (p.email.split('@')[0] ?? null) : null, p.ftId ?? null]) {
      const w = s ? longestWord(s) : null
      if (w) byWord.set(w, [...(byWord.get(w) ?? []), entry])
    }
  }
  if (indexed.length === 0) return null
  const withPhone = indexed.filter((e) => e.phone !== null)
  const candidates = (text: string): Set<Indexed> => {
    const found = new Set<Indexed>()
    for (const w of text.toLowerCase().split(WORDS)) for (const e of byWord.get(w) ?? []) found.add(e)
    if (withPhone.length > 0) {
      const digits = text.replace(/\D/g, '')
      if (digits.length >= 8) for (const e of withPhone) if (e.phone && digits.includes(e.phone)) found.add(e)
    }
    return found
  }
  return {
    test: (text) => [...candidates(text)].some((e) => containsIdentifier(text, e.pattern)),
    redact: (text) => [...candidates(text)].reduce((t, e) => redactText(t, e.pattern), text)
  }
}
