import type { Check } from './validation'
import { stripSpaces } from './validation'

/**
 * NFC first: text pasted from macOS or PDFs may spell "é" as "e" + combining
 * accent, which looks the same but breaks equality, sorting and upper-casing.
 */
export function normaliseName(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** Family names are printed in capitals; accents are kept as the civil registry has them. */
export function upperName(s: string): string {
  return normaliseName(s).toUpperCase()
}

/** Each part of a compound first name gets its capital: "jean-éric" → "Jean-Éric". */
export function capitaliseFirstName(s: string): string {
  return normaliseName(s)
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_all, before: string, letter: string) => before + letter.toUpperCase())
}

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const EMAIL_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/**
 * Deliberately simpler than RFC 5322: it accepts every address a training
 * organisation meets and rejects the usual typos (spaces, missing dot in the
 * domain, comma instead of dot, accents). `whose` names an address that is not the
 * person's own in the message: "du conseiller" → « Adresse e-mail du conseiller invalide ».
 */
export function checkEmail(s: string, whose?: string): Check<string> {
  const email = s.trim()
  const at = email.lastIndexOf('@')
  const local = email.slice(0, at)
  // Domains are case-insensitive; the local part is left as typed.
  const domain = email.slice(at + 1).toLowerCase()
  if (at <= 0 || email.length > 254 || local.length > 64 || !EMAIL_LOCAL.test(local) || !EMAIL_DOMAIN.test(domain)) {
    const shown = email === '' ? 'aucune valeur saisie' : `« ${email} »`
    return { ok: false, message: `Adresse e-mail ${whose ? `${whose} ` : ''}invalide : ${shown}. Exemple : prenom.nom@exemple.fr` }
  }
  return { ok: true, value: `${local}@${domain}` }
}

/** Normalised to the usual French display "06 12 34 56 78". */
export function checkFrenchPhone(s: string): Check<string> {
  const compact = stripSpaces(s).replace(/[.\-/()]/g, '')
  let national = compact
  // Ten digits starting with 00 look like a mistyped national number, not a "00" international prefix.
  const international = /^(?:\+|00)(\d+)$/.exec(compact.length === 10 ? compact.replace(/^00/, '') : compact)
  const digits = international?.[1] ?? ''
  if (digits.startsWith('33')) {
    // "+33 (0)6 …" is a common way of writing it: the trunk 0 is dropped.
    const rest = digits.slice(2)
    national = '0' + (rest.length === 10 && rest.startsWith('0') ? rest.slice(1) : rest)
  } else if (digits.length >= 8) {
    // Shorter "+…" input is more likely a typo: the generic message below explains the format.
    return { ok: false, message: 'Seuls les numéros de téléphone français sont acceptés (0… ou +33…).' }
  }
  if (!/^0[1-9]\d{8}$/.test(national)) {
    const shown = s.trim() === '' ? 'aucune valeur saisie' : `« ${s.trim()} »`
    return {
      ok: false,
      message: `Numéro de téléphone invalide : ${shown}. Attendu : 10 chiffres commençant par 0 (ex. 06 12 34 56 78) ou +33 suivi de 9 chiffres.`
    }
  }
  return { ok: true, value: national.replace(/(\d{2})(?=\d)/g, '$1 ') }
}

export function checkPostalCode(s: string): Check<string> {
  const code = stripSpaces(s)
  if (!/^\d{5}$/.test(code)) return { ok: false, message: 'Le code postal doit comporter 5 chiffres.' }
  // Départements run from 01 to 98 (Monaco, overseas collectivities): 00 never exists.
  if (code.startsWith('00')) return { ok: false, message: `Le code postal ${code} n'existe pas.` }
  return { ok: true, value: code }
}

/**
 * Key for accent- and case-insensitive search: "Hélène" matches "helene".
 * Ligatures are spelled out because NFD does not split them ("cœur" ~ "coeur").
 * The result may be longer than the input, so its indexes do not map back.
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´]/g, "'")
}
