import type { PageOf } from '@shared/api/paging'
import type { Result } from '@shared/api/result'

/*
 * The pure part of `usePagedList`: how a registry-sized list is asked page by page. No React here,
 * so the unit tests drive it with a fake server.
 */

export type PageSizes = { first: number; rest: number }

/**
 * A first page that fills a screen several times over and comes in a few milliseconds, then pages
 * large enough that 20,000 rows take a handful of calls (each one a grid update).
 */
export const DEFAULT_PAGE_SIZES: PageSizes = { first: 200, rest: 5000 }

/**
 * The page sizes, smaller only where an end-to-end test set `window.__PASSERELLE_PAGE_SIZES__`
 * before the app's scripts (a page.addInitScript): nothing a clerk can type or click reaches it.
 */
export function pageSizes(source: unknown = (globalThis as { __PASSERELLE_PAGE_SIZES__?: unknown }).__PASSERELLE_PAGE_SIZES__): PageSizes {
  const s = source as Partial<PageSizes> | null | undefined
  const valid = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5000
  return s && valid(s.first) && valid(s.rest) ? { first: s.first, rest: s.rest } : DEFAULT_PAGE_SIZES
}

/**
 * `incoming` appended to `current`, without the rows already there: a row the clerk added (or
 * renamed, so that it now sorts into a later page) before its page arrived is never shown twice.
 */
export function appendPage<T>(current: readonly T[], incoming: readonly T[], rowId: (row: T) => string): T[] {
  if (incoming.length === 0) return current as T[]
  const known = new Set(current.map(rowId))
  const fresh = incoming.filter((r) => !known.has(rowId(r)))
  return fresh.length === 0 ? (current as T[]) : [...current, ...fresh]
}

export type StreamOutcome = { status: 'complete' } | { status: 'stale' } | { status: 'error'; message: string }

export type StreamOptions<T, C> = {
  fetchPage: (after: C | undefined, limit: number) => Promise<Result<PageOf<T, C>>>
  sizes: PageSizes
  /** False once a newer stream started (another search, a reload) or the screen closed: stop quietly. */
  isLive: () => boolean
  onPage: (page: PageOf<T, C>, index: number) => void
  /** Awaited after the first page: lets the screen paint it before the next answer is parsed. */
  afterFirst?: () => Promise<void>
}

/** Asks every page in turn until the last one, a refusal, or a newer stream. */
export async function streamPages<T, C>({ fetchPage, sizes, isLive, onPage, afterFirst }: StreamOptions<T, C>): Promise<StreamOutcome> {
  let after: C | undefined
  for (let index = 0; ; index++) {
    const r = await fetchPage(after, index === 0 ? sizes.first : sizes.rest)
    if (!isLive()) return { status: 'stale' }
    if (!r.ok) return { status: 'error', message: r.error.message }
    onPage(r.value, index)
    if (r.value.next === null) return { status: 'complete' }
    after = r.value.next
    if (index === 0 && afterFirst) {
      await afterFirst()
      if (!isLive()) return { status: 'stale' }
    }
  }
}
