import { z } from 'zod'

/*
 * Server-side paging of the registry-sized grids (« Stagiaires », « Inscriptions »): the first page
 * comes at once, the rest is asked in larger pages after a cursor (keyset, not an offset), so a row
 * added or removed while the grid fills neither repeats nor skips another one.
 */

/** One page of a list: `total` counts every row the filter selects (all pages), `next` is null on the last page. */
export type PageOf<T, C> = { rows: T[]; total: number; next: C | null }

/** The largest page a client may ask for: a continuation page stays a few megabytes at most. */
export const MAX_PAGE_SIZE = 5000

export const pageLimit = z
  .number({ error: 'La taille de page doit être un nombre.' })
  .int('La taille de page doit être un nombre entier.')
  .min(1, 'La taille de page doit être d’au moins 1 ligne.')
  .max(MAX_PAGE_SIZE, `La taille de page ne peut pas dépasser ${MAX_PAGE_SIZE} lignes.`)
