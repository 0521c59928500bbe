import type { GridApi } from 'ag-grid-community'
import { useCallback, useMemo, useRef, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router-dom'
import type { SessionDetail, SessionRow, TrainingDetail, TrainingRow } from '../../../../shared/api/areas/catalogue'
import type { RecruitmentWarning } from '../../../../shared/api/areas/recruitment'
import { todayIso } from '../../../../shared/domain/dates'
import { RECRUITMENT_STATES, RECRUITMENT_STATE_CODES, type RecruitmentState } from '../../../../shared/domain/recruitment'
import { useApi } from '../../api/ApiContext'
import { Icon } from '../../components/Icon'
import { SearchBox } from '../../components/SearchBox'
import { useToast } from '../../components/Toasts'
import { countLabel } from '../../grid/cellValues'
import { DataGrid, type CellEdit } from '../../grid/DataGrid'
import { exportCsv } from '../../grid/exportCsv'
import { useQuery } from '../../hooks/useQuery'
import { useShortcut } from '../../hooks/useShortcut'
import { useLheoImport } from '../lheo/useLheoImport'
import { sessionCellPatch, sessionColumns, trainingColumns, type SessionGridRow } from './catalogueColumns'
import { sessionPath } from './catalogueRoutes'
import { SessionFormDialog } from './SessionFormDialog'
import { TrainingFormDialog } from './TrainingFormDialog'

type View = 'formations' | 'sessions'
type Period = 'current' | 'all'
type SourceFilter = 'all' | 'lheo' | 'local'

const trainingRowId = (t: TrainingRow): string => String(t.id)
const sessionRowId = (s: SessionGridRow): string => String(s.id)

/** Alerts of one session: recruitment warnings, then the import flag. */
export function sessionAlerts(s: SessionRow, warnings: RecruitmentWarning[]): string[] {
  const alerts = warnings.filter((w) => w.sessionId === s.id).map((w) => w.message)
  if (s.missingFromSource) alerts.push('Absente du dernier import LHEO (conservée, à vérifier auprès du CARIF-OREF)')
  return alerts
}

/**
 * Formations & sessions: the catalogue (imported from the CARIF-OREF or created by hand) and its
 * sessions, in two grids under tabs; the LHEO import is one click (or Ctrl+I, or a dropped file) away.
 */
export function CataloguePage() {
  const api = useApi()
  const toast = useToast()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const view: View = params.get('vue') === 'sessions' ? 'sessions' : 'formations'
  const trainingFilter = Number(params.get('formation')) || null
  const stateParam = params.get('recrutement')
  const stateFilter = (RECRUITMENT_STATE_CODES as readonly string[]).includes(stateParam ?? '') ? (stateParam as RecruitmentState) : null
  const period: Period = params.get('periode') === 'toutes' ? 'all' : 'current'
  const [source, setSource] = useState<SourceFilter>('all')
  const [onlyFlagged, setOnlyFlagged] = useState(false)
  const [search, setSearch] = useState('')
  const [displayed, setDisplayed] = useState(0)
  const [selectedTraining, setSelectedTraining] = useState<TrainingRow | null>(null)
  const [selectedSession, setSelectedSession] = useState<SessionGridRow | null>(null)
  const [trainingForm, setTrainingForm] = useState<{ open: boolean; id: number | null }>({ open: false, id: null })
  const [sessionForm, setSessionForm] = useState<{ open: boolean; id: number | null; trainingId: number | null }>({ open: false, id: null, trainingId: null })
  const trainingGrid = useRef<GridApi<TrainingRow> | null>(null)
  const sessionGrid = useRef<GridApi<SessionGridRow> | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)

  const trainings = useQuery('trainings:list', {})
  const sessionInput = useMemo(
    () => ({
      ...(trainingFilter ? { trainingId: trainingFilter } : {}),
      ...(stateFilter ? { recruitmentState: stateFilter } : {}),
      ...(period === 'current' ? { activeFrom: todayIso() } : {})
    }),
    [trainingFilter, stateFilter, period]
  )
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

  const lheo = useLheoImport(reloadAll)

  const setParam = (changes: Record<string, string | null>): void => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k)
      else next.set(k, v)
    }
    setParams(next, { replace: true })
  }
  const setView = (v: View): void => setParam({ vue: v === 'sessions' ? 'sessions' : null })

  const trainingRows = useMemo(() => {
    const all = trainings.data
    if (!all) return null
    return all.filter((t) => (source === 'all' || t.source === source) && (!onlyFlagged || t.missingFromSource))
  }, [trainings.data, source, onlyFlagged])

  const sessionRows = useMemo<SessionGridRow[] | null>(() => {
    const all = sessions.data
    if (!all) return null
    const w = warnings.data ?? []
    return all
      .map((s) => ({ ...s, alerts: sessionAlerts(s, w) }))
      .filter((s) => !onlyFlagged || s.alerts.length > 0)
  }, [sessions.data, warnings.data, onlyFlagged])

  const currentTraining = (): TrainingRow | null => trainingGrid.current?.getSelectedRows()[0] ?? selectedTraining
  const currentSession = (): SessionGridRow | null => sessionGrid.current?.getSelectedRows()[0] ?? selectedSession

  const openNew = (): void => {
    if (view === 'formations') setTrainingForm({ open: true, id: null })
    else setSessionForm({ open: true, id: null, trainingId: trainingFilter })
  }
  const openSelected = (): void => {
    if (view === 'formations') {
      const t = currentTraining()
      if (t) setTrainingForm({ open: true, id: t.id })
    } else {
      const s = currentSession()
      if (s) navigate(sessionPath(s.id))
    }
  }
  useShortcut('Ctrl+N', openNew)
  useShortcut('Alt+N', openNew)
  useShortcut('Ctrl+I', lheo.choose)
  useShortcut('Ctrl+F', () => searchRef.current?.select())
  useShortcut('Ctrl+E', () => {
    const s = currentSession()
    if (view === 'sessions' && s) setSessionForm({ open: true, id: s.id, trainingId: null })
    else openSelected()
  })

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

  function onTrainingSaved(t: TrainingDetail, created: boolean): void {
    setTrainingForm({ open: false, id: null })
    void reloadTrainings()
    toast.show('success', created ? `Formation « ${t.title} » créée.` : `Formation « ${t.title} » enregistrée.`)
  }
  function onSessionSaved(s: SessionDetail, created: boolean): void {
    setSessionForm({ open: false, id: null, trainingId: null })
    reloadAll()
    toast.show('success', created ? `Session de « ${s.trainingTitle} » créée.` : 'Session enregistrée.')
    if (created) {
      if (view !== 'sessions') setView('sessions')
      window.setTimeout(() => {
        const node = sessionGrid.current?.getRowNode(String(s.id))
        if (node) {
          node.setSelected(true, true)
          sessionGrid.current?.ensureNodeVisible(node, 'middle')
        }
      }, 150)
    }
  }

  const trainingTotal = trainings.data?.length ?? 0
  const sessionTotal = sessions.data?.length ?? 0
  const rows = view === 'formations' ? trainingRows : sessionRows
  const shownTotal = rows?.length ?? 0
  const loadedTotal = view === 'formations' ? trainingTotal : sessionTotal
  const noun: [string, string] = view === 'formations' ? ['formation', 'formations'] : ['session', 'sessions']
  const countText = rows === null ? 'Chargement…' : displayed < loadedTotal ? `${countLabel(displayed, 'affichée', 'affichées')} sur ${countLabel(loadedTotal, ...noun)}` : countLabel(loadedTotal, ...noun)
  const filteredTraining = trainingFilter ? trainings.data?.find((t) => t.id === trainingFilter) : undefined
  const error = trainings.error ?? sessions.error

  return (
    <div className="page page--grid page--drop" {...lheo.dropZone} data-testid="catalogue-page">
      <div className="view-bar">
        <div className="segmented" role="tablist" aria-label="Affichage">
          <button type="button" role="tab" aria-selected={view === 'formations'} className="segmented__item" onClick={() => setView('formations')} data-testid="tab-formations">
            Formations <span className="segmented__count">{trainings.data ? trainingTotal : '…'}</span>
          </button>
          <button type="button" role="tab" aria-selected={view === 'sessions'} className="segmented__item" onClick={() => setView('sessions')} data-testid="tab-sessions">
            Sessions <span className="segmented__count">{sessions.data ? sessionTotal : '…'}</span>
          </button>
        </div>
        <span className="toolbar__count" data-testid="row-count" aria-live="polite">
          {countText}
        </span>
        <div className="toolbar__spacer" />
        <button
          type="button"
          className="button"
          disabled={view === 'formations' ? !selectedTraining : !selectedSession}
          onClick={openSelected}
          title={view === 'formations' ? 'Fiche de la formation (Entrée)' : 'Fiche de la session (Entrée) ; Ctrl+E pour la modifier'}
        >
          Ouvrir
        </button>
        <button
          type="button"
          className="button"
          disabled={shownTotal === 0}
          title="Exporter le tableau en CSV"
          onClick={() => {
            if (view === 'formations' && trainingGrid.current) exportCsv(trainingGrid.current, 'formations')
            if (view === 'sessions' && sessionGrid.current) exportCsv(sessionGrid.current, 'sessions')
          }}
        >
          <Icon name="download" size={16} />
          CSV
        </button>
        <span className="toolbar__divider" aria-hidden="true" />
        <button type="button" className="button" onClick={lheo.choose} title="Importer une offre LHEO (Ctrl+I) — ou déposez le fichier .xml sur cet écran" data-testid="lheo-import-button">
          <Icon name="upload" size={16} />
          Importer une offre LHEO
        </button>
        <button type="button" className="button button--primary" onClick={openNew} title={`${view === 'formations' ? 'Nouvelle formation' : 'Nouvelle session'} (Ctrl+N)`}>
          <Icon name="plus" size={16} />
          {view === 'formations' ? 'Nouvelle formation' : 'Nouvelle session'}
        </button>
      </div>

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
              {(trainings.data ?? []).map((t) => (
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

      {filteredTraining && view === 'sessions' && (
        <div className="filter-chip-bar">
          <span className="filter-chip">
            Formation : {filteredTraining.title}
            <button type="button" className="filter-chip__remove" aria-label="Retirer le filtre de formation" onClick={() => setParam({ formation: null })}>
              <Icon name="x" size={12} />
            </button>
          </span>
        </div>
      )}

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      {view === 'formations' ? (
        <DataGrid<TrainingRow>
          key="formations"
          rows={trainingRows}
          columns={trainingColumns}
          getRowId={trainingRowId}
          label="Catalogue des formations"
          testId="trainings-grid"
          quickFilterText={search}
          rowClass={(t) => (t.missingFromSource ? 'row--flagged' : undefined)}
          onSelectedRowChanged={setSelectedTraining}
          onDisplayedCountChanged={setDisplayed}
          onRowActivated={(t) => setTrainingForm({ open: true, id: t.id })}
          onGridReady={(a) => (trainingGrid.current = a)}
          noRowsText="Aucune formation. Importez l’offre LHEO de votre CARIF-OREF ou créez une formation."
        />
      ) : (
        <DataGrid<SessionGridRow>
          key="sessions"
          rows={sessionRows}
          columns={sessionColumns}
          getRowId={sessionRowId}
          label="Sessions"
          testId="sessions-grid"
          quickFilterText={search}
          onCellEdit={onSessionCellEdit}
          onRowUpdated={onSessionUpdated}
          rowClass={(s) => (s.missingFromSource ? 'row--flagged' : undefined)}
          onSelectedRowChanged={setSelectedSession}
          onDisplayedCountChanged={setDisplayed}
          onRowActivated={(s) => navigate(sessionPath(s.id))}
          onGridReady={(a) => (sessionGrid.current = a)}
          noRowsText={
            period === 'current' && (sessions.data?.length ?? 0) === 0
              ? 'Aucune session en cours ou à venir. Choisissez « Toutes, passées comprises » pour voir les sessions terminées.'
              : 'Aucune session.'
          }
        />
      )}

      <p className="grid-help">
        Entrée ou double-clic : fiche {view === 'formations' ? 'de la formation' : 'de la session (capacité et recrutement se modifient dans la grille)'} · Ctrl+N :{' '}
        {view === 'formations' ? 'nouvelle formation' : 'nouvelle session'} · Ctrl+I ou glisser-déposer d’un fichier .xml : import LHEO.
      </p>

      <TrainingFormDialog
        open={trainingForm.open}
        trainingId={trainingForm.id}
        onClose={() => setTrainingForm({ open: false, id: null })}
        onSaved={onTrainingSaved}
        onNewSession={(id) => {
          setTrainingForm({ open: false, id: null })
          setSessionForm({ open: true, id: null, trainingId: id })
        }}
        onShowSessions={(id) => {
          setTrainingForm({ open: false, id: null })
          setParam({ vue: 'sessions', formation: String(id), periode: 'toutes' })
        }}
      />
      <SessionFormDialog
        open={sessionForm.open}
        sessionId={sessionForm.id}
        trainingId={sessionForm.trainingId}
        onClose={() => setSessionForm({ open: false, id: null, trainingId: null })}
        onSaved={onSessionSaved}
      />
      {lheo.elements}
    </div>
  )
}
