import type { RefObject } from 'react'
import type { TrainingRow } from '@shared/api/areas/catalogue'
import { RECRUITMENT_STATES, RECRUITMENT_STATE_CODES, type RecruitmentState } from '@shared/domain/recruitment'
import { SearchBox } from '../../components/SearchBox'
import type { CatalogueView, Period, SourceFilter } from './catalogueParams'

type Props = {
  view: CatalogueView
  trainings: TrainingRow[] | null
  trainingFilter: number | null
  period: Period
  stateFilter: RecruitmentState | null
  setParam: (changes: Record<string, string | null>) => void
  searchRef: RefObject<HTMLInputElement | null>
  filters: {
    source: SourceFilter
    setSource: (s: SourceFilter) => void
    onlyFlagged: boolean
    setOnlyFlagged: (b: boolean) => void
    search: string
    setSearch: (s: string) => void
  }
}

/** The filters above the catalogue's grid: search, then the training, period and recruitment state of sessions, or the source of trainings. */
export function CatalogueFilters({ view, trainings, trainingFilter, period, stateFilter, setParam, searchRef, filters }: Props) {
  const { source, setSource, onlyFlagged, setOnlyFlagged, search, setSearch } = filters
  return (
    <div className="toolbar" role="toolbar" aria-label={view === 'formations' ? 'Filtres des formations' : 'Filtres des sessions'}>
      <SearchBox
        variant="narrow"
        inputRef={searchRef}
        placeholder={view === 'formations' ? 'Intitulé, n°, formacode…' : 'Formation, n° session, lieu…'}
        label={view === 'formations' ? 'Rechercher une formation' : 'Rechercher une session'}
        value={search}
        onChange={setSearch}
      />
      {view === 'sessions' && (
        <>
          <select
            className="input input--auto input--wide"
            aria-label="Formation"
            value={trainingFilter ?? ''}
            onChange={(e) => setParam({ formation: e.target.value || null })}
            data-testid="filter-training"
          >
            <option value="">Toutes les formations</option>
            {(trainings ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
          <select className="input input--auto" aria-label="Période" value={period} onChange={(e) => setParam({ periode: e.target.value === 'all' ? 'toutes' : null })} data-testid="filter-period">
            <option value="current">En cours et à venir</option>
            <option value="all">Toutes les dates</option>
          </select>
          <select className="input input--auto" aria-label="État du recrutement" value={stateFilter ?? ''} onChange={(e) => setParam({ recrutement: e.target.value || null })}>
            <option value="">Recrutement : tous</option>
            {RECRUITMENT_STATE_CODES.map((c) => (
              <option key={c} value={c}>
                Recrutement {RECRUITMENT_STATES[c].toLowerCase()}
              </option>
            ))}
          </select>
        </>
      )}
      {view === 'formations' && (
        <select className="input input--auto" aria-label="Source" value={source} onChange={(e) => setSource(e.target.value as SourceFilter)}>
          <option value="all">Toutes sources</option>
          <option value="lheo">Catalogue CARIF</option>
          <option value="local">Saisies ici</option>
        </select>
      )}
      <label className="check">
        <input type="checkbox" checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.target.checked)} />
        {view === 'formations' ? 'Absentes du dernier import' : 'Avec alertes'}
      </label>
    </div>
  )
}
