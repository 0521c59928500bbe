import { describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'

// The paged reads of the registry-sized grids: a page size and a cursor come from the renderer,
// so they are bounded and refused with a French message like every other input.
const message = (op: 'trainees:page' | 'enrolments:page', input: unknown): string | undefined => {
  const r = contract[op].input.safeParse(input)
  return r.success ? undefined : r.error.issues[0]?.message
}

describe('paged list operations', () => {
  it('accept a first page and a continuation', () => {
    expect(contract['trainees:page'].input.safeParse({ limit: 200 }).success).toBe(true)
    expect(contract['trainees:page'].input.safeParse({ search: 'dupré', after: { key: 'dupre marie', id: 3 }, limit: 2500 }).success).toBe(true)
    expect(contract['enrolments:page'].input.safeParse({ statuses: ['inscrit'], declaration: 'en_retard', after: { id: 7 }, limit: 5000 }).success).toBe(true)
  })

  it('refuse a missing, fractional, empty or oversized page in French', () => {
    for (const op of ['trainees:page', 'enrolments:page'] as const) {
      expect(message(op, {})).toBeDefined()
      expect(message(op, { limit: 0 })).toBe('La taille de page doit être d’au moins 1 ligne.')
      expect(message(op, { limit: 5001 })).toBe('La taille de page ne peut pas dépasser 5000 lignes.')
      expect(message(op, { limit: 2.5 })).toBe('La taille de page doit être un nombre entier.')
    }
  })

  it('refuse a malformed cursor and unknown keys', () => {
    expect(message('trainees:page', { limit: 10, after: { key: 'x'.repeat(1001), id: 1 } })).toBe('Le curseur de page est invalide.')
    expect(message('trainees:page', { limit: 10, after: { key: 'a', id: -1 } })).toBeDefined()
    expect(message('trainees:page', { limit: 10, after: { key: 'a', id: 1, extra: 1 } })).toBeDefined()
    expect(message('enrolments:page', { limit: 10, after: { id: 0 } })).toBeDefined()
    expect(message('enrolments:page', { limit: 10, offset: 200 })).toBeDefined()
    // The list's own cap does not belong to a page.
    expect(contract['enrolments:page'].input.safeParse({ limit: 10, after: { id: 5 } }).data).toEqual({ limit: 10, after: { id: 5 } })
  })
})
