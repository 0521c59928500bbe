import type { GridApi } from 'ag-grid-community'
import { useRef, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import type { SessionDetail, TrainingDetail, TrainingRow } from '@shared/api/areas/catalogue'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { countLabel } from '../../grid/cellValues'
import { DataGrid } from '../../grid/DataGrid'
import { GridExportMenu } from '../../grid/export/GridExportMenu'
import { useShortcut } from '../../hooks/useShortcut'
import { useLheoImport } from '../lheo/useLheoImport'
import { CatalogueFilters } from './CatalogueFilters'
import { sessionColumns, trainingColumns, type SessionGridRow } from './catalogueColumns'
import { sessionPath } from './catalogueRoutes'
import { SessionFormDialog } from './SessionFormDialog'
import { TrainingFormDialog } from './TrainingFormDialog'
import { useCatalogue } from './useCatalogue'
import { FormError } from '../../components/FormError'

const trainingRowId = (t: TrainingRow): string => String(t.id)
const sessionRowId = (s: SessionGridRow): string => String(s.id)
/** A training or session absent from the last LHEO file imported stands out in its grid. */
const flaggedWhenMissing = (r: { missingFromSource: boolean }): string | undefined => (r.missingFromSource ? 'row--flagged' : undefined)

/**
 * Formations & sessions: the catalogue (imported from the CARIF-OREF or created by hand) and its
 * sessions, in two grids under tabs; the LHEO import is one click (or Ctrl+I, or a dropped file) away.
 */
export function CataloguePage() {
  const toast = useToast()
  const navigate = useNavigate()
  const catalogue = useCatalogue()
  const { view, trainingFilter, stateFilter, period, setParam, setView, filters, trainings, sessions, reloadAll, reloadTrainings, trainingRows, sessionRows } = catalogue
  const { search } = filters
  const [displayed, setDisplayed] = useState(0)
  const [selectedTraining, setSelectedTraining] = useState<TrainingRow | null>(null)
  const [selectedSession, setSelectedSession] = useState<SessionGridRow | null>(null)
  const [trainingForm, setTrainingForm] = useState<{ open: boolean; id: number | null }>({ open: false, id: null })
  const [sessionForm, setSessionForm] = useState<{ open: boolean; id: number | null; trainingId: number | null }>({ open: false, id: null, trainingId: null })
  const trainingGrid = useRef<GridApi<TrainingRow> | null>(null)
  const sessionGrid = useRef<GridApi<SessionGridRow> | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const lheo = useLheoImport(reloadAll)

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
  // Both grids: the same search, the same flag, one count above them.
  const bothGrids = { quickFilterText: search, rowClass: flaggedWhenMissing, onDisplayedCountChanged: setDisplayed }

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
        {view === 'formations' ? (
          <GridExportMenu key="formations" grid={trainingGrid} baseName="formations" label="Formations" disabled={shownTotal === 0} />
        ) : (
          <GridExportMenu key="sessions" grid={sessionGrid} baseName="sessions" label="Sessions" disabled={shownTotal === 0} />
        )}
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

      <CatalogueFilters
        view={view}
        trainings={trainings.data}
        trainingFilter={trainingFilter}
        period={period}
        stateFilter={stateFilter}
        setParam={setParam}
        searchRef={searchRef}
        filters={filters}
      />

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

      <FormError message={error} />

      {view === 'formations' ? (
        <DataGrid<TrainingRow>
          key="formations"
          rows={trainingRows}
          columns={trainingColumns}
          getRowId={trainingRowId}
          label="Catalogue des formations"
          testId="trainings-grid"
          {...bothGrids}
          onSelectedRowChanged={setSelectedTraining}
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
          {...bothGrids}
          onCellEdit={catalogue.onSessionCellEdit}
          onRowUpdated={catalogue.onSessionUpdated}
          onSelectedRowChanged={setSelectedSession}
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
