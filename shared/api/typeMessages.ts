import type { z } from 'zod'

/*
 * zod's French locale names the received type as JavaScript does (« NaN reçu », « null reçu »,
 * or the `name` of an object's own `constructor` key: « undefined reçu »): words a clerk does
 * not read. Wrong types get this message instead; fields with their own message keep it.
 */

const EXPECTED: Record<string, string> = {
  string: 'du texte',
  number: 'un nombre',
  int: 'un nombre entier',
  bigint: 'un nombre entier',
  boolean: 'oui ou non',
  array: 'une liste',
  tuple: 'une liste',
  object: 'un ensemble de champs',
  record: 'un ensemble de champs',
  date: 'une date',
  literal: 'une valeur précise',
  enum: 'une valeur de la liste'
}

function received(value: unknown): string {
  if (value === undefined) return 'rien'
  if (value === null) return 'une valeur vide'
  if (typeof value === 'number') return Number.isFinite(value) ? 'un nombre' : 'un nombre impossible'
  if (typeof value === 'string') return 'du texte'
  if (typeof value === 'boolean') return 'oui ou non'
  if (Array.isArray(value)) return 'une liste'
  return typeof value === 'object' ? 'un ensemble de champs' : 'une valeur d’un autre type'
}

export const typeMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined
  if (issue.input === undefined) return `Valeur manquante : ${EXPECTED[issue.expected] ?? 'une valeur'} attendu.`
  return `Valeur refusée : ${EXPECTED[issue.expected] ?? 'une autre valeur'} attendu, ${received(issue.input)} reçu.`
}
