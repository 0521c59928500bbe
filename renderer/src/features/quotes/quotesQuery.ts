import type { QuoteFilter, QuoteStatus } from '@shared/api/areas/quotes'
import { QUOTE_FUNDER_CODES } from '@shared/domain/aifQuoteAmounts'
import { QUOTE_STATUS_CODES } from '@shared/domain/aifQuoteStatus'

/*
 * The quotes grid keeps its filters in the address (#/devis-factures?statut=sent,accepted&session=3
 * &financeur=region&devis=1,2): a dashboard counter opens exactly its rows, a reload keeps them.
 */

const ids = (s: string | null): number[] => (s ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0)

export function quoteFilterFromSearch(search: URLSearchParams): QuoteFilter {
  const filter: QuoteFilter = {}
  const status = (search.get('statut') ?? '').split(',').filter((s): s is QuoteStatus => (QUOTE_STATUS_CODES as readonly string[]).includes(s))
  if (status.length > 0) filter.status = status
  const session = ids(search.get('session'))[0]
  if (session !== undefined) filter.sessionId = session
  const funder = QUOTE_FUNDER_CODES.find((c) => c === search.get('financeur'))
  if (funder) filter.funder = funder
  const only = ids(search.get('devis'))
  if (only.length > 0) filter.ids = only
  return filter
}

export function quoteSearch(filter: QuoteFilter): string {
  const p = new URLSearchParams()
  if (filter.status?.length) p.set('statut', filter.status.join(','))
  if (filter.sessionId !== undefined) p.set('session', String(filter.sessionId))
  if (filter.funder) p.set('financeur', filter.funder)
  if (filter.ids?.length) p.set('devis', filter.ids.join(','))
  return p.toString()
}

/** The quotes grid on exactly these quotes (a dashboard counter or to-do line). */
export function quotesPath(quoteIds: readonly number[]): string {
  return quoteIds.length > 0 ? `/devis-factures?${quoteSearch({ ids: [...quoteIds] })}` : '/devis-factures'
}
