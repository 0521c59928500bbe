import { formatDateFr, formatDateLongFr } from './dates'
import { formatEuros } from './money'

/*
 * The one formatter of printed French (documents): hours, amounts, dates, quotes, elision,
 * agreement by civility, plurals and name order. Templates call these and nothing else, so a
 * controller reads « 4 246,75 h » and « pour le compte d’Atelier » on every document alike.
 * Amounts follow money.ts (the same separators), so a figure looks the same in the grid and on paper.
 */

/** U+202F narrow no-break space: thousands separator, and before « : ; ! ? » and « h ». */
export const NNBSP = '\u202f'
/** U+00A0 no-break space: inside « » quotes. */
export const NBSP = '\u00a0'
/** U+2011 non-breaking hyphen: a compound name or an e-mail address never breaks at its hyphen. */
export const NBHYPHEN = '\u2011'

export type Civility = 'M' | 'Mme' | null

/** Hundredths of an hour as an integer, read from the decimal digits (1.005 stays 1.01, not 1). */
function hundredthsOf(n: number): number {
  const abs = Math.abs(n)
  const text = String(abs)
  return text.includes('e') ? Math.round(abs * 100) : Math.round(Number(`${text}e2`))
}

/** 4246.75 → « 4 246,75 » (U+202F between thousands), at most two decimals, no trailing zero. */
export function formatNumberFr(n: number): string {
  if (!Number.isFinite(n)) return ''
  const hundredths = hundredthsOf(n)
  const whole = String(Math.floor(hundredths / 100)).replace(/\B(?=(\d{3})+$)/g, NNBSP)
  const fraction = String(hundredths % 100).padStart(2, '0').replace(/0+$/, '')
  return `${n < 0 && hundredths > 0 ? '-' : ''}${whole}${fraction ? `,${fraction}` : ''}`
}

/** « 4 246,75 h »; « — » when unknown. */
export function hoursFr(n: number | null): string {
  return n === null || !Number.isFinite(n) ? '—' : `${formatNumberFr(n)}${NNBSP}h`
}

/** « 0 heure », « 1,5 heure », « 2 heures » (French: plural from 2). */
export function hoursInWords(n: number): string {
  return `${formatNumberFr(n)}${NBSP}${Math.abs(n) < 2 ? 'heure' : 'heures'}`
}

/** « 1 234,50 € » (integer cents). */
export function amountFr(cents: number | null): string {
  return cents === null ? '—' : formatEuros(cents)
}

/** « 22/11/2026 » */
export const dateFr = (iso: string | null): string => formatDateFr(iso)
/** « 22 novembre 2026 », « 1er décembre 2026 » */
export const dateLongFr = (iso: string | null): string => formatDateLongFr(iso)

/** « du 2 novembre 2026 au 25 juin 2027 », « à partir du … », « — ». */
export function periodFr(from: string | null, to: string | null): string {
  if (from && to) return `du ${dateLongFr(from)} au ${dateLongFr(to)}`
  return from ? `à partir du ${dateLongFr(from)}` : '—'
}

/** « texte » with no-break spaces inside the guillemets. */
export function quoteFr(text: string): string {
  return `«${NBSP}${text.trim()}${NBSP}»`
}

/** Whether a word starts with a vowel sound that elides « de », « que », « le » (h muet left aside: too rare in names). */
export function startsWithVowel(word: string): boolean {
  return /^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(word.trim())
}

/** « de Lorient », « d’Atelier Formation », « Assiduité d’octobre 2026 ». */
export function deFr(noun: string): string {
  return startsWithVowel(noun) ? `d’${noun.trim()}` : `de ${noun.trim()}`
}

export type Gender = 'm' | 'f'

/** The word alone, singular below 2 as French counts (« 0 session », « 1,5 heure », « 2 sessions »). */
export function pluralWord(n: number, singular: string, pluralForm: string): string {
  return Math.abs(n) >= 2 ? pluralForm : singular
}

/**
 * « 1 session », « 3 sessions », « 1 234 stagiaires »; with a gender, none is « aucune session »
 * (« aucun stagiaire ») rather than « 0 session ».
 */
export function plural(n: number, singular: string, pluralForm: string, noneGender?: Gender): string {
  if (n === 0 && noneGender) return `${noneGender === 'f' ? 'aucune' : 'aucun'} ${singular}`
  return `${formatNumberFr(n)} ${pluralWord(n, singular, pluralForm)}`
}

/**
 * « sa session », « son inscription » (son before a vowel, feminine or not), « son stage »,
 * « ses 3 sessions », « aucune session »: « Voir sa session » instead of « Voir ses 1 session ».
 */
export function possessiveFr(n: number, singular: string, pluralForm: string, gender: Gender): string {
  if (n === 0) return plural(0, singular, pluralForm, gender)
  if (n >= 2) return `ses ${plural(n, singular, pluralForm)}`
  return `${gender === 'f' && !startsWithVowel(singular) ? 'sa' : 'son'} ${singular}`
}

/** « que Marie », « qu’Élodie ». */
export function queFr(word: string): string {
  return startsWithVowel(word) ? `qu’${word.trim()}` : `que ${word.trim()}`
}

/**
 * Agreement by civility: the masculine or the feminine; only when civility is unknown the
 * inclusive « présenté(e) » (never printed for a known person).
 */
export function agreeFr(civility: Civility, masculine: string, feminine: string): string {
  if (civility === 'Mme') return feminine
  if (civility === 'M') return masculine
  return feminine.startsWith(masculine) && feminine.length > masculine.length ? `${masculine}(${feminine.slice(masculine.length)})` : `${masculine} / ${feminine}`
}

/** Civility as stored (« M », « Mme », null or anything else) → the agreement's key; unknown stays null. */
export function civilityOf(value: unknown): Civility {
  return value === 'M' || value === 'Mme' ? value : null
}

/**
 * The past participle agreed with a person: « présenté » / « présentée »; unknown civility keeps
 * the inclusive « présenté(e) » (the only honest form then). `past('entré', civility)`.
 */
export function participleFr(masculine: string, civility: unknown): string {
  return agreeFr(civilityOf(civility), masculine, `${masculine}e`)
}

/** A name or an e-mail address that must not break at its hyphens (« Jean-Pierre », « marie.le-goff@… »). */
export function unbreakable(text: string): string {
  return text.replace(/-/g, NBHYPHEN)
}

/** The printed form back to plain text (tests, search): no-break spaces and hyphens as ordinary ones. */
export function plainText(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ').replace(/\u2011/g, '-')
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

/** French collation: « ÇELIK » with the C, « Élodie » with the E. */
export function compareFr(a: string, b: string): number {
  return collator.compare(a, b)
}

/** People in French alphabetical order (last name, then first name). */
export function sortByNameFr<T>(items: readonly T[], name: (item: T) => { lastName: string; firstName: string }): T[] {
  return [...items].sort((x, y) => {
    const a = name(x)
    const b = name(y)
    return compareFr(a.lastName, b.lastName) || compareFr(a.firstName, b.firstName)
  })
}
