import type { Check } from '@shared/domain/validation'
import { stripSpaces } from '@shared/domain/validation'
import { addDays, parseFrenchDate } from '@shared/domain/dates'
import { PRESCRIBERS, type Civility, type Prescriber } from '@shared/domain/trainee'
import { normaliseHeader } from './headers'
import { clip } from './table'

/*
 * Cell text → the value the trainee form would receive. Only spellings are translated here
 * (civility and prescriber synonyms, French dates, numbers Excel stripped of their leading
 * zero); the rules themselves stay those of the contract's TraineeInput schema.
 */

const MEN = new Set(['m', 'mr', 'monsieur', 'h', 'homme', 'masculin', 'masc'])
const WOMEN = new Set(['mme', 'madame', 'f', 'femme', 'feminin', 'fem', 'mlle', 'melle', 'mademoiselle'])

export function civilityFromText(s: string): Check<Civility> {
  const key = normaliseHeader(s)
  if (MEN.has(key)) return { ok: true, value: 'M' }
  if (WOMEN.has(key)) return { ok: true, value: 'Mme' }
  return { ok: false, message: `Civilité « ${clip(s)} » non reconnue : M, Mme, Monsieur, Madame, H ou F attendu.` }
}

export type PrescriberReading = { code: Prescriber; recognised: boolean }

/** Other names of a kind of prescriber said alone, without an agency ("Pôle emploi", "ML"). */
const KIND_ALONE: Record<string, Prescriber> = { 'pole emploi': 'france_travail', ft: 'france_travail', pe: 'france_travail', ml: 'mission_locale', milo: 'mission_locale' }

/**
 * The kind of prescriber when the text names only that ("France Travail", "Mission locale",
 * "cap_emploi"), null when it names something more, such as one of its agencies.
 */
export function prescriberKindAlone(s: string): Prescriber | null {
  const key = normaliseHeader(s)
  const byCode = (Object.keys(PRESCRIBERS) as Prescriber[]).find((code) => key === code.replace(/_/g, ' ') || key === normaliseHeader(PRESCRIBERS[code]))
  return byCode ?? KIND_ALONE[key] ?? null
}

/** A structure's name ("Agence France Travail Lorient", "ML du Pays de Vannes") → its kind. */
export function prescriberFromText(s: string): PrescriberReading {
  const alone = prescriberKindAlone(s)
  if (alone) return { code: alone, recognised: true }
  const key = normaliseHeader(s)
  if (/\bcap emploi\b/.test(key)) return { code: 'cap_emploi', recognised: true }
  if (/\bmissions? locales?\b|\bml\b|\bmilo\b/.test(key)) return { code: 'mission_locale', recognised: true }
  if (/\b(france travail|pole emploi|ft|pe|ale)\b/.test(key)) return { code: 'france_travail', recognised: true }
  if (/\b(spontanee?|candidature libre|lui meme|elle meme|individuel(le)?|directe?|sans prescripteur|aucun)\b/.test(key)) return { code: 'self', recognised: true }
  if (/^autres?$/.test(key)) return { code: 'other', recognised: true }
  return { code: 'other', recognised: false }
}

/** Excel's day 0 for serial dates (the 1900 system, after its fictitious 29 February 1900). */
const EXCEL_EPOCH = '1899-12-30'

/**
 * French text dates, ISO dates, the same followed by a midnight time (what many exports write
 * for a date column), and Excel serial numbers when a date lost its cell format.
 */
export function dateFromText(s: string): Check<string> {
  const text = s.trim().replace(/(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z)?)$/, '')
  if (/^\d{5}$/.test(text)) {
    const serial = Number(text)
    if (serial > 60) return { ok: true, value: addDays(EXCEL_EPOCH, serial) }
  }
  const parsed = parseFrenchDate(text)
  if (parsed.ok) return parsed
  if (parsed.message.startsWith('La date ')) return { ok: false, message: parsed.message.replace('La date ', 'La date de naissance ') }
  return { ok: false, message: `Date de naissance « ${clip(s)} » : date attendue au format jj/mm/aaaa.` }
}

/** Excel drops the leading zero of phone numbers typed as numbers: 612345678 was 06 12 34 56 78. */
export function repairPhone(s: string): string {
  const compact = stripSpaces(s)
  return /^[1-9]\d{8}$/.test(compact) ? `0${compact}` : s
}

/** …and of postal codes: 1000 was 01000 (Bourg-en-Bresse). */
export function repairPostalCode(s: string): string {
  const compact = stripSpaces(s)
  return /^[1-9]\d{3}$/.test(compact) ? `0${compact}` : s
}

/**
 * An identifier of digits only, shorter than the 8 characters of the usual form, is most likely
 * one Excel read as a number, losing its leading zeros: it cannot be repaired with certainty.
 */
export function truncatedFtIdMessage(s: string): string | null {
  const compact = stripSpaces(s)
  if (!/^\d{4,7}$/.test(compact)) return null
  return (
    `L'identifiant France Travail ${compact} semble tronqué (8 caractères attendus, ex. 0676932W) : ` +
    'Excel supprime les zéros en tête des nombres. Mettez la colonne au format Texte et saisissez l’identifiant complet.'
  )
}
