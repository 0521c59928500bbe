import type { AnonymiseResult } from '@shared/api/areas/privacy'

/** « 1 personne », « 12 personnes ». */
export const peopleLabel = (n: number): string => `${n} personne${n > 1 ? 's' : ''}`

/** The toast after an anonymisation: what was done, and what could not be. */
export function anonymisedSummary(r: AnonymiseResult): string {
  const parts = [`${peopleLabel(r.anonymised)} anonymisée${r.anonymised > 1 ? 's' : ''}`]
  if (r.documentsDeleted > 0) parts.push(`${r.documentsDeleted} document${r.documentsDeleted > 1 ? 's' : ''} supprimé${r.documentsDeleted > 1 ? 's' : ''}`)
  if (r.documentsNotDeleted > 0) parts.push(`${r.documentsNotDeleted} fichier${r.documentsNotDeleted > 1 ? 's' : ''} introuvable${r.documentsNotDeleted > 1 ? 's' : ''} ou verrouillé${r.documentsNotDeleted > 1 ? 's' : ''}`)
  if (r.kept.length > 0) parts.push(`données conservées par une règle de la base : ${r.kept.join(', ')}`)
  return `${parts.join(' ; ')}.`
}
