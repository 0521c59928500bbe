import { useCallback, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { todayIso } from '@shared/domain/dates'
import { useApi } from '../../api/ApiContext'
import type { CellEdit } from '../../grid/DataGrid'
import { useQuery } from '../../hooks/useQuery'
import { sessionCellPatch, type SessionGridRow } from './catalogueColumns'
import { filterTrainings, readCatalogueParams, sessionGridRows, sessionListInput, withParams, type CatalogueView, type SourceFilter } from './catalogueParams'

/**
 * The catalogue's data and filters: the view and session filters live in the address, the source,
 * the flag and the search on the screen; trainings, sessions and recruitment warnings are read
 * from the server and filtered here.
 */
export function useCatalogue() {
  const api = useApi()
  const [params, setParams] = useSearchParams()
  const url = readCatalogueParams(params)
  const { trainingFilter, stateFilter, period } = url
  const [source, setSource] = useState<SourceFilter>('all')
  const [onlyFlagged, setOnlyFlagged] = useState(false)
  const [search, setSearch] = useState('')

  const trainings = useQuery('trainings:list', {})
  const sessionInput = useMemo(() => sessionListInput({ trainingFilter, stateFilter, period }, todayIso()), [trainingFilter, stateFilter, period])
  const sessions = useQuery('sessions:list', sessionInput)
  const warnings = useQuery('recruitment:warnings', {})

  const { reload: reloadTrainings } = trainings
  const { reload: reloadSessions, setData: setSessions } = sessions
  const { reload: reloadWarnings } = warnings
  const reloadAll = useCallback(() => {
    void reloadTrainings()
    void reloadSessions()
    void reloadWarnings()
  }, [reloadTrainings, reloadSessions, reloadWarnings])

  const setParam = (changes: Record<string, string | null>): void => setParams(withParams(params, changes), { replace: true })
  const setView = (v: CatalogueView): void => setParam({ vue: v === 'sessions' ? 'sessions' : null })

  const trainingRows = useMemo(() => (trainings.data ? filterTrainings(trainings.data, source, onlyFlagged) : null), [trainings.data, source, onlyFlagged])
  const sessionRows = useMemo(() => (sessions.data ? sessionGridRows(sessions.data, warnings.data ?? [], onlyFlagged) : null), [sessions.data, warnings.data, onlyFlagged])

  const onSessionCellEdit = useCallback(
    async (edit: CellEdit<SessionGridRow>) => {
      const changes = sessionCellPatch(edit.field, edit.value)
      if (!changes) return { ok: false as const, error: { code: 'invalid_input' as const, message: 'Cette colonne ne se modifie pas ici.' } }
      const r = await api.call('sessions:update', { id: edit.row.id, changes })
      if (!r.ok) return r
      void reloadWarnings()
      return { ok: true as const, value: { ...r.value, alerts: edit.row.alerts } }
    },
    [api, reloadWarnings]
  )
  const onSessionUpdated = useCallback(
    (row: SessionGridRow) => {
      setSessions((all) => all?.map((s) => (s.id === row.id ? row : s)) ?? all)
    },
    [setSessions]
  )

  return {
    ...url,
    setParam,
    setView,
    filters: { source, setSource, onlyFlagged, setOnlyFlagged, search, setSearch },
    trainings,
    sessions,
    reloadAll,
    reloadTrainings,
    trainingRows,
    sessionRows,
    onSessionCellEdit,
    onSessionUpdated
  }
}
