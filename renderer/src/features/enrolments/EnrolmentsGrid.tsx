import type { GridApi } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react'
import type { EnrolmentRow, Interruption } from '@shared/api/areas/enrolments'
import { todayIso } from '@shared/domain/dates'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import { Icon } from '../../components/Icon'
import { SearchBox } from '../../components/SearchBox'
import { useToast } from '../../components/Toasts'
import { countLabel } from '../../grid/cellValues'
import { DataGrid } from '../../grid/DataGrid'
import { GridExportMenu } from '../../grid/export/GridExportMenu'
import { usePagedList } from '../../hooks/usePagedList'
import { useQuery } from '../../hooks/useQuery'
import { useShortcut } from '../../hooks/useShortcut'
import { SessionFilter } from '../catalogue/SessionFilter'
import { GenerateDocumentsDialog } from '../documents/GenerateDocumentsDialog'
import { BulkBar } from './BulkBar'
import { DeclareDialog } from './DeclareDialog'
import { enrolmentColumns, toGridRow, type EnrolmentGridRow } from './enrolmentColumns'
import { BULK_ACTIONS, bulkAvailability, pendingRows, peopleList, type BulkActionId, type TransitionNeeds } from './enrolmentFormat'
import { applyDeadlineChoice, DEADLINE_CHOICES, deadlineChoice } from './enrolmentQuery'
import { HistoryPanel } from './HistoryPanel'
import { InterruptionDialog, type InterruptionRequest } from './InterruptionDialog'
import { StatusChips } from './StatusChips'
import { TransitionDialog, type TransitionRequest } from './TransitionDialog'
import { useEnrolmentQuery } from './useEnrolmentQuery'
import { FormError } from '../../components/FormError'

const rowId = (r: EnrolmentGridRow): string => String(r.id)
const enrolmentId = (r: EnrolmentRow): string => String(r.id)
type Props = {
  /** The session page fixes the session (its « Inscrits » and « Entrées » tabs); null: every session. */
  sessionId?: number | null
  /** Statuses shown when the URL says nothing (e.g. « Inscrit » and « Entré » on the « Entrées » tab). */
  defaultStatuses?: EnrolmentStatus[] | null
  /** Something changed (a status, a declaration): the host page may reload its counts. */
  onChanged?: () => void
}

/**
 * Enrolments with their KAIROS status and deadlines, for every session or one. The filter lives in
 * the URL query (a dashboard counter opens exactly its rows); several rows can be ticked for the
 * bulk actions, allowed only when allowed for all of them; the focused row's history opens beside.
 */
export function EnrolmentsGrid({ sessionId = null, defaultStatuses = null, onChanged }: Props) {
  const toast = useToast()
  const { query, filter, gridToday, setQuery, searchText, setSearchText } = useEnrolmentQuery(sessionId, defaultStatuses)

  // Read page by page, newest first: on a large organisation the first rows show at once.
  const list = usePagedList('enrolments:page', filter, enrolmentId)
  // The « Session » filter's options (a few hundred kB on a large organisation) are not needed to
  // see the first rows: asked once every row is in, at once when the clerk reaches the filter, or
  // when the URL already names a session (its label must show). Asked once, then kept.
  const [sessionsWanted, setSessionsWanted] = useState(false)
  const wantSessions = useCallback(() => setSessionsWanted(true), [])
  useEffect(() => {
    if (list.complete || query.sessionId !== null) setSessionsWanted(true)
  }, [list.complete, query.sessionId])
  const sessions = useQuery('sessions:options', {}, { enabled: sessionId === null && sessionsWanted })
  const { reload: reloadList } = list

  const [selected, setSelected] = useState<EnrolmentGridRow[]>([])
  const [displayed, setDisplayed] = useState(0)
  const [focusedId, setFocusedId] = useState<number | null>(null)
  const [panelOpen, setPanelOpen] = useState(true)
  const [transition, setTransition] = useState<TransitionRequest | null>(null)
  const [declaring, setDeclaring] = useState<EnrolmentRow[] | null>(null)
  const [interruption, setInterruption] = useState<InterruptionRequest | null>(null)
  const [documentsFor, setDocumentsFor] = useState<EnrolmentGridRow[] | null>(null)
  const gridApi = useRef<GridApi<EnrolmentGridRow> | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)

  const detailInput = useMemo(() => ({ id: focusedId ?? 1, ...(query.today ? { today: query.today } : {}) }), [focusedId, query.today])
  const detail = useQuery('enrolments:get', detailInput, { enabled: focusedId !== null })
  const { reload: reloadDetail } = detail
  const shownDetail = detail.data && detail.data.id === focusedId ? detail.data : null

  const rows = useGridRows(list.rows, gridToday)

  // --- Selection and focus --------------------------------------------------------------------
  const currentSelection = (): EnrolmentGridRow[] => gridApi.current?.getSelectedRows() ?? selected

  const onGridReady = useCallback((api: GridApi<EnrolmentGridRow>) => {
    gridApi.current = api
  }, [])

  /** The row holding the focused cell (a click or the arrow keys): its history opens beside. */
  const onGridFocus = useCallback((e: FocusEvent<HTMLDivElement>) => {
    const target = e.target instanceof Element ? e.target : null
    if (!target?.closest('[role="gridcell"]')) return
    const id = Number(target.closest('[role="row"][row-id]')?.getAttribute('row-id'))
    if (Number.isInteger(id) && id > 0) setFocusedId(id)
  }, [])

  const refresh = useCallback(() => {
    void reloadList()
    void reloadDetail()
    onChanged?.()
  }, [reloadList, reloadDetail, onChanged])

  const clearSelection = (): void => {
    gridApi.current?.deselectAll()
    setSelected([])
  }

  // --- Actions --------------------------------------------------------------------------------
  function openTransition(to: BulkActionId): void {
    const chosen = currentSelection()
    const a = bulkAvailability(chosen, to)
    if (!a.enabled) {
      toast.show('info', a.why)
      return
    }
    setTransition({ to, rows: chosen, needs: a.needs })
  }

  function openSingleTransition(to: EnrolmentStatus, needs: TransitionNeeds): void {
    const row = rows?.find((r) => r.id === focusedId) ?? shownDetail
    if (row) setTransition({ to, rows: [row], needs })
  }

  function openDeclare(): void {
    const chosen = currentSelection()
    if (pendingRows(chosen).length === 0) {
      toast.show('info', chosen.length === 0 ? 'Cochez d’abord les inscriptions déclarées dans KAIROS.' : 'Aucune des lignes cochées n’a de déclaration KAIROS en attente.')
      return
    }
    setDeclaring(chosen)
  }

  useShortcut('Ctrl+F', () => searchRef.current?.select())

  const total = rows?.length ?? 0
  // While pages arrive, the server's total keeps the count true (« 200 chargées sur 14 000 inscriptions… »).
  const streaming = rows !== null && !list.complete && list.total !== null && list.total > total
  const countText =
    rows === null
      ? 'Chargement…'
      : streaming
        ? `${countLabel(total, 'chargée', 'chargées')} sur ${countLabel(list.total ?? total, 'inscription', 'inscriptions')}…`
        : displayed < total
          ? `${countLabel(displayed, 'affichée', 'affichées')} sur ${countLabel(total, 'inscription', 'inscriptions')}`
          : countLabel(total, 'inscription', 'inscriptions')
  const columns = useMemo(() => enrolmentColumns(sessionId === null), [sessionId])
  const traineeName = query.traineeId !== null ? rows?.find((r) => r.traineeId === query.traineeId) : undefined
  const showPanel = panelOpen && focusedId !== null
  // A counter always says which day it was computed for; only another day than today is worth a chip.
  const showToday = query.today !== null && query.today !== todayIso()

  return (
    <div className="enrolments" data-testid="enrolments-grid-view">
      <div className="toolbar" role="toolbar" aria-label="Filtres des inscriptions">
        <SearchBox variant="narrow" inputRef={searchRef} placeholder="Nom, prénom, identifiant…" label="Rechercher une inscription" value={searchText} onChange={setSearchText} testId="enrolment-search" />
        {sessionId === null && (
          <span style={{ display: 'contents' }} onFocus={wantSessions} onPointerDown={wantSessions}>
            <SessionFilter sessions={sessions.data} value={query.sessionId} onChange={(sessionId) => setQuery({ ...query, sessionId })} className="enrolments__session" />
          </span>
        )}
        <select
          className="input input--auto enrolments__deadline"
          aria-label="Échéance"
          value={deadlineChoice(query)}
          onChange={(e) => setQuery(applyDeadlineChoice(query, e.target.value))}
          data-testid="filter-deadline"
        >
          {DEADLINE_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <span className="toolbar__count" data-testid="row-count" aria-live="polite" data-streaming={streaming || undefined}>
          {countText}
        </span>
        <div className="toolbar__spacer" />
        <GridExportMenu grid={gridApi} baseName="inscriptions" label="Inscriptions" disabled={total === 0} beforeExportAll={list.whenComplete} />
        <button
          type="button"
          className={`button${showPanel ? ' button--pressed' : ''}`}
          aria-pressed={showPanel}
          disabled={focusedId === null}
          onClick={() => setPanelOpen((o) => !o)}
          title={focusedId === null ? 'Cliquez sur une ligne pour voir son historique' : 'Afficher ou masquer l’historique de la ligne choisie'}
        >
          <Icon name="history" size={16} />
          Historique
        </button>
      </div>

      <StatusChips query={query} setQuery={setQuery} showToday={showToday} traineeName={traineeName ? `${traineeName.lastName} ${traineeName.firstName}` : null} />

      <BulkBar selected={selected} onClear={clearSelection} onTransition={openTransition} onDeclare={openDeclare} onDocuments={() => setDocumentsFor(currentSelection())} />

      <FormError message={list.error} />

      <div className={`enrolments__body${showPanel ? ' enrolments__body--with-panel' : ''}`}>
        <div className="enrolments__grid" onFocus={onGridFocus}>
        <DataGrid<EnrolmentGridRow>
          rows={rows}
          columns={columns}
          getRowId={rowId}
          label="Inscriptions en formation"
          testId="enrolments-grid"
          selection="multiple"
          onSelectionChanged={setSelected}
          onDisplayedCountChanged={setDisplayed}
          onGridReady={onGridReady}
          onRowActivated={(r) => {
            setFocusedId(r.id)
            setPanelOpen(true)
          }}
          noRowsText={
            filter.declaration || filter.entry || filter.statuses || filter.search
              ? 'Aucune inscription ne correspond à ces filtres.'
              : sessionId !== null
                ? 'Aucune inscription sur cette session : les candidats retenus au recrutement y apparaissent.'
                : 'Aucune inscription pour l’instant : les candidats retenus au recrutement apparaissent ici.'
          }
        />
        </div>
        {showPanel && (
          <HistoryPanel
            detail={shownDetail}
            error={detail.error}
            today={gridToday}
            onClose={() => setPanelOpen(false)}
            onChanged={refresh}
            onTransition={openSingleTransition}
            onInterruption={(i: Interruption | null) => shownDetail && setInterruption({ enrolment: shownDetail, interruption: i })}
          />
        )}
      </div>

      <p className="grid-help">
        Cochez plusieurs lignes (case, Ctrl ou Maj + clic) pour les actions groupées ; une action n’est possible que si elle l’est pour toutes les lignes cochées. Cliquez
        sur une ligne pour son historique. Entrée, interruption et sortie se déclarent dans KAIROS dans les 3 jours.
      </p>

      <TransitionDialog
        request={transition}
        onClose={() => setTransition(null)}
        onDone={(done, request) => {
          setTransition(null)
          clearSelection()
          const a = BULK_ACTIONS.find((x) => x.to === request.to)
          toast.show('success', `${a?.verb ?? 'Changement enregistré'} : ${peopleList(done)}.`)
          refresh()
        }}
      />
      <DeclareDialog
        rows={declaring}
        onClose={() => setDeclaring(null)}
        onDone={(done) => {
          setDeclaring(null)
          clearSelection()
          toast.show('success', `Déclaration KAIROS cochée pour ${peopleList(done)}.`)
          refresh()
        }}
      />
      <GenerateDocumentsDialog open={documentsFor !== null} enrolmentIds={documentsFor?.map((r) => r.id)} subject={documentsFor ? peopleList(documentsFor) : undefined} onClose={() => setDocumentsFor(null)} />
      <InterruptionDialog
        request={interruption}
        onClose={() => setInterruption(null)}
        onSaved={(_d, created) => {
          setInterruption(null)
          toast.show('success', created ? 'Interruption enregistrée : à déclarer dans KAIROS dans les 3 jours.' : 'Interruption enregistrée.')
          refresh()
        }}
      />
    </div>
  )
}

/**
 * The grid's rows, each server row converted once: an appended page converts only its own rows,
 * and a row kept from the previous answer keeps its grid object (AG Grid sees it unchanged).
 */
function useGridRows(list: EnrolmentRow[] | null, today: string): EnrolmentGridRow[] | null {
  const cache = useRef<{ today: string; rows: WeakMap<EnrolmentRow, EnrolmentGridRow> }>({ today, rows: new WeakMap() })
  return useMemo(() => {
    if (cache.current.today !== today) cache.current = { today, rows: new WeakMap() }
    const known = cache.current.rows
    return (
      list?.map((r) => {
        let g = known.get(r)
        if (!g) {
          g = toGridRow(r, today)
          known.set(r, g)
        }
        return g
      }) ?? null
    )
  }, [list, today])
}
