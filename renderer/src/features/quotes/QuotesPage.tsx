import { useMemo, type ReactNode } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { QuoteFilter } from '@shared/api/areas/quotes'
import { QUOTE_FUNDERS, QUOTE_FUNDER_CODES } from '@shared/domain/aifQuoteAmounts'
import { QUOTE_STATUSES, WAITING_QUOTE_STATUSES, type QuoteStatus } from '@shared/domain/aifQuoteStatus'
import { todayIso } from '@shared/domain/dates'
import { useQuery } from '../../hooks/useQuery'
import { InvoicesTab } from '../invoices/InvoicesTab'
import { quoteFilterFromSearch, quoteSearch } from './quotesQuery'
import { QuotesGrid } from './QuotesGrid'

/** Status choices of the filter: one status, or the two waiting for an answer. */
const STATUS_CHOICES: { value: string; label: string; statuses: QuoteStatus[] }[] = [
  { value: '', label: 'Tous les statuts', statuses: [] },
  { value: WAITING_QUOTE_STATUSES.join(','), label: 'En attente de décision', statuses: [...WAITING_QUOTE_STATUSES] },
  ...(Object.keys(QUOTE_STATUSES) as QuoteStatus[]).map((s) => ({ value: s, label: QUOTE_STATUSES[s], statuses: [s] }))
]

/** « Devis & factures »: two tabs, the AIF quotes (filters kept in the address) and the invoices (`?onglet=factures`). */
export function QuotesPage() {
  const [search, setSearch] = useSearchParams()
  const tab = search.get('onglet') === 'factures' ? 'factures' : 'devis'
  const tabs = (
    <div className="tabs page-tabs" role="tablist" aria-label="Devis et factures">
      {(['devis', 'factures'] as const).map((t) => (
        <button key={t} type="button" role="tab" className="tabs__tab" aria-selected={tab === t} onClick={() => setSearch(new URLSearchParams(t === 'factures' ? { onglet: 'factures' } : {}), { replace: true })} data-testid={`tab-${t}`}>
          {t === 'devis' ? 'Devis AIF' : 'Factures'}
        </button>
      ))}
    </div>
  )
  if (tab === 'factures') {
    return (
      <div className="page page--grid" data-testid="invoices-page">
        {tabs}
        <InvoicesTab today={todayIso()} />
      </div>
    )
  }
  return <QuotesTab search={search} setSearch={setSearch} tabs={tabs} />
}

function QuotesTab({ search, setSearch, tabs }: { search: URLSearchParams; setSearch: ReturnType<typeof useSearchParams>[1]; tabs: ReactNode }) {
  const filter = useMemo(() => quoteFilterFromSearch(search), [search])
  const sessions = useQuery('sessions:options', {})
  const today = todayIso()
  const change = (next: QuoteFilter): void => setSearch(new URLSearchParams(quoteSearch(next)), { replace: true })

  const filters = (
    <>
      <select className="input input--auto" aria-label="Statut" value={filter.status?.join(',') ?? ''} onChange={(e) => change({ ...filter, ids: undefined, status: STATUS_CHOICES.find((c) => c.value === e.target.value)?.statuses })} data-testid="quotes-filter-status">
        {STATUS_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <select className="input input--auto" aria-label="Session" value={filter.sessionId ?? ''} onChange={(e) => change({ ...filter, ids: undefined, sessionId: e.target.value ? Number(e.target.value) : undefined })} data-testid="quotes-filter-session">
        <option value="">Toutes les sessions</option>
        {(sessions.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.label ?? s.trainingTitle}
          </option>
        ))}
      </select>
      <select className="input input--auto" aria-label="Financeur" value={filter.funder ?? ''} onChange={(e) => change({ ...filter, ids: undefined, funder: QUOTE_FUNDER_CODES.find((c) => c === e.target.value) })} data-testid="quotes-filter-funder">
        <option value="">Tous les cofinanceurs</option>
        {QUOTE_FUNDER_CODES.map((c) => (
          <option key={c} value={c}>
            {QUOTE_FUNDERS[c]}
          </option>
        ))}
      </select>
      {filter.ids && (
        <button type="button" className="button" onClick={() => change({ ...filter, ids: undefined })} data-testid="quotes-filter-ids">
          {filter.ids.length} devis du tableau de bord ×
        </button>
      )}
    </>
  )
  return (
    <div className="page page--grid" data-testid="quotes-page">
      {tabs}
      <QuotesGrid filter={filter} withSession today={today} filters={filters} />
    </div>
  )
}
