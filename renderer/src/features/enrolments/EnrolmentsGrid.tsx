import type { GridApi } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { EnrolmentRow, Interruption } from '../../../../shared/api/areas/enrolments'
import { formatDateFr, todayIso } from '../../../../shared/domain/dates'
import { ENROLMENT_STATUS_CODES, ENROLMENT_STATUSES, type EnrolmentStatus } from '../../../../shared/domain/enrolment'
import { Icon } from '../../components/Icon'
import { SearchBox } from '../../components/SearchBox'
import { useToast } from '../../components/Toasts'
import { countLabel } from '../../grid/cellValues'
import { DataGrid } from '../../grid/DataGrid'
import { exportCsv } from '../../grid/exportCsv'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import { useQuery } from '../../hooks/useQuery'
import { useShortcut } from '../../hooks/useShortcut'
import { sessionOptionLabel } from '../catalogue/catalogueFormat'
import { GenerateDocumentsDialog } from '../documents/GenerateDocumentsDialog'
import { DeclareDialog } from './DeclareDialog'
import { enrolmentColumns, toGridRow, type EnrolmentGridRow } from './enrolmentColumns'
import { BULK_ACTIONS, bulkAvailability, enrolmentCount, pendingRows, peopleList, type BulkActionId, type TransitionNeeds } from './enrolmentFormat'
import {
  applyDeadlineChoice,
  DEADLINE_CHOICES,
  deadlineChoice,
  enrolmentSearch,
  parseEnrolmentQuery,
  toEnrolmentFilter,
  toggleStatus,
  type EnrolmentQuery
} from './enrolmentQuery'
import { HistoryPanel } from './HistoryPanel'
import { InterruptionDialog, type InterruptionRequest } from './InterruptionDialog'
import { TransitionDialog, type TransitionRequest } from './TransitionDialog'

const rowId = (r: EnrolmentGridRow): string => String(r.id)
/** The URL keys this grid owns; the page's other keys (a session tab…) are left alone. */
const OWN_KEYS = ['statuses', 'sessionId', 'traineeId', 'declaration', 'entry', 'search', 'today']

type Props = {
  /** The session page fixes the session (its « Inscrits » and « Entrées » tabs); null: every session. */
  sessionId?: number | null
  /** Statuses shown when the URL says nothing (e.g. « Inscrit » and « Entré » on the « Entrées » tab). */
  defaultStatuses?: EnrolmentStatus[] | null
  /** Something changed (a status, a declaration): the host page may reload its counts. */
  onChanged?: () => void
}

const MAIN_ACTIONS: BulkActionId[] = ['entre', 'sorti', 'abandon', 'annule']
const VALIDATION_ACTIONS: BulkActionId[] = ['a_valider', 'inscrit']
const OTHER_ACTIONS: BulkActionId[] = ['retenu', 'en_attente', 'non_retenu']

/**
 * Enrolments with their KAIROS status and deadlines, for every session or one. The filter lives in
 * the URL query (a dashboard counter opens exactly its rows); several rows can be ticked for the
 * bulk actions, allowed only when allowed for all of them; the focused row's history opens beside.
 */
export function EnrolmentsGrid({ sessionId = null, defaultStatuses = null, onChanged }: Props) {
  const toast = useToast()
  const [params, setParams] = useSearchParams()
  // Compared by value: a caller may pass a new array at each render.
  const defaultsKey = defaultStatuses?.join(',') ?? null
  const defaults = useMemo(() => (defaultsKey ? (defaultsKey.split(',') as EnrolmentStatus[]) : null), [defaultsKey])
  const query = useMemo(() => parseEnrolmentQuery(params, defaults), [params, defaults])
  const filter = useMemo(() => toEnrolmentFilter(query, sessionId), [query, sessionId])
  const gridToday = query.today ?? todayIso()

  const list = useQuery('enrolments:list', filter)
  const sessions = useQuery('sessions:list', {}, { enabled: sessionId === null })
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

  const rows = useMemo(() => list.data?.map((r) => toGridRow(r, gridToday)) ?? null, [list.data, gridToday])

  // --- URL query ------------------------------------------------------------------------------
  const setQuery = useCallback(
    (next: EnrolmentQuery) => {
      const own = new URLSearchParams(enrolmentSearch(toEnrolmentFilter(next, null), defaults))
      if (sessionId !== null) own.delete('sessionId')
      const merged = new URLSearchParams(params)
      for (const k of OWN_KEYS) merged.delete(k)
      own.forEach((v, k) => merged.set(k, v))
      setParams(merged, { replace: true })
    },
    [params, setParams, defaults, sessionId]
  )

  const [searchText, setSearchText] = useState(query.search)
  const debouncedSearch = useDebouncedValue(searchText, 300)
  const lastWritten = useRef(query.search)
  useEffect(() => {
    if (debouncedSearch === lastWritten.current) return
    lastWritten.current = debouncedSearch
    setQuery({ ...query, search: debouncedSearch })
  }, [debouncedSearch, query, setQuery])
  useEffect(() => {
    // The URL changed from elsewhere (a link, Back): the box follows.
    if (query.search !== lastWritten.current) {
      lastWritten.current = query.search
      setSearchText(query.search)
    }
  }, [query.search])

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

  const availability = useMemo(() => Object.fromEntries(BULK_ACTIONS.map((a) => [a.to, bulkAvailability(selected, a.to)])) as Record<BulkActionId, ReturnType<typeof bulkAvailability>>, [selected])
  const pendingSelected = pendingRows(selected).length
  const hasSelection = selected.length > 0

  const total = rows?.length ?? 0
  const countText = rows === null ? 'Chargement…' : displayed < total ? `${countLabel(displayed, 'affichée', 'affichées')} sur ${countLabel(total, 'inscription', 'inscriptions')}` : countLabel(total, 'inscription', 'inscriptions')
  const columns = useMemo(() => enrolmentColumns(sessionId === null), [sessionId])
  const traineeName = query.traineeId !== null ? rows?.find((r) => r.traineeId === query.traineeId) : undefined
  const showPanel = panelOpen && focusedId !== null
  // A counter always says which day it was computed for; only another day than today is worth a chip.
  const showToday = query.today !== null && query.today !== todayIso()

  const actionButton = (id: BulkActionId, extraClass = '') => {
    const a = BULK_ACTIONS.find((x) => x.to === id)
    const av = availability[id]
    if (!a) return null
    return (
      <button
        key={id}
        type="button"
        className={`button button--small${extraClass}`}
        disabled={!av.enabled}
        title={av.enabled ? `${a.verb} pour ${peopleList(selected)}` : av.why}
        onClick={() => openTransition(id)}
        data-testid={`bulk-${id}`}
      >
        {a.label}
      </button>
    )
  }

  return (
    <div className="enrolments" data-testid="enrolments-grid-view">
      <div className="toolbar" role="toolbar" aria-label="Filtres des inscriptions">
        <SearchBox variant="narrow" inputRef={searchRef} placeholder="Nom, prénom, identifiant…" label="Rechercher une inscription" value={searchText} onChange={setSearchText} testId="enrolment-search" />
        {sessionId === null && (
          <select
            className="input input--auto input--session enrolments__session"
            aria-label="Session"
            value={query.sessionId ?? ''}
            onChange={(e) => setQuery({ ...query, sessionId: e.target.value ? Number(e.target.value) : null })}
            data-testid="filter-session"
          >
            <option value="">Toutes les sessions</option>
            {(sessions.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {sessionOptionLabel(s)}
              </option>
            ))}
          </select>
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
        <span className="toolbar__count" data-testid="row-count" aria-live="polite">
          {countText}
        </span>
        <div className="toolbar__spacer" />
        <button type="button" className="button" disabled={total === 0} onClick={() => gridApi.current && exportCsv(gridApi.current, 'inscriptions')} title="Exporter le tableau en CSV">
          <Icon name="download" size={16} />
          CSV
        </button>
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

      <div className="status-chips" role="group" aria-label="Statuts affichés" data-testid="status-chips">
        <button type="button" className="status-chip status-chip--all" aria-pressed={query.statuses === null} onClick={() => setQuery({ ...query, statuses: null })}>
          Tous les statuts
        </button>
        {ENROLMENT_STATUS_CODES.map((s) => (
          <button
            key={s}
            type="button"
            className={`status-chip status-chip--${s}`}
            aria-pressed={query.statuses?.includes(s) ?? false}
            onClick={() => setQuery({ ...query, statuses: toggleStatus(query.statuses, s) })}
            data-testid={`chip-${s}`}
          >
            <span className="status-chip__dot" aria-hidden="true" />
            {s === 'annule' ? 'Annulée' : ENROLMENT_STATUSES[s]}
          </button>
        ))}
        {(showToday || query.traineeId !== null) && <span className="status-chips__divider" aria-hidden="true" />}
        {showToday && query.today !== null && (
          <span className="filter-chip" data-testid="filter-today">
            Échéances au {formatDateFr(query.today)}
            <button type="button" className="filter-chip__remove" aria-label="Calculer les échéances à la date du jour" onClick={() => setQuery({ ...query, today: null })}>
              <Icon name="x" size={12} />
            </button>
          </span>
        )}
        {query.traineeId !== null && (
          <span className="filter-chip" data-testid="filter-trainee">
            Stagiaire : {traineeName ? `${traineeName.lastName} ${traineeName.firstName}` : `n° ${query.traineeId}`}
            <button type="button" className="filter-chip__remove" aria-label="Retirer le filtre du stagiaire" onClick={() => setQuery({ ...query, traineeId: null })}>
              <Icon name="x" size={12} />
            </button>
          </span>
        )}
      </div>

      <div className={`toolbar toolbar--bulk bulk-bar${hasSelection ? ' bulk-bar--active' : ''}`} role="toolbar" aria-label="Actions sur les inscriptions cochées" data-testid="bulk-bar">
        <span className="bulk-bar__count">
          <span data-testid="selection-count">{hasSelection ? `${selected.length} cochée${selected.length > 1 ? 's' : ''}` : 'Aucune ligne cochée'}</span>
          {hasSelection && (
            <button type="button" className="bulk-bar__clear" onClick={clearSelection} aria-label="Tout décocher" title="Tout décocher">
              <Icon name="x" size={12} />
            </button>
          )}
        </span>
        <div className="button-group" role="group" aria-label="Parcours">
          {MAIN_ACTIONS.map((id) => actionButton(id, id === 'entre' ? ' button--accent' : id === 'annule' ? ' button--danger-ghost' : ''))}
        </div>
        <button
          type="button"
          className="button button--small"
          disabled={pendingSelected === 0}
          title={pendingSelected === 0 ? (hasSelection ? 'Aucune des lignes cochées n’a de déclaration KAIROS en attente.' : 'Cochez d’abord des inscriptions.') : `Cocher « déclaré dans KAIROS » pour ${enrolmentCount(pendingSelected)}`}
          onClick={openDeclare}
          data-testid="bulk-declare"
        >
          <Icon name="check" size={14} />
          Déclaré dans KAIROS le…
        </button>
        <div className="button-group" role="group" aria-label="Validation">
          {VALIDATION_ACTIONS.map((id) => actionButton(id))}
        </div>
        <select
          className="input input--auto input--small"
          aria-label="Autre statut"
          value=""
          disabled={!hasSelection}
          onChange={(e) => {
            const to = e.target.value as BulkActionId
            if (to) openTransition(to)
          }}
          data-testid="bulk-other"
        >
          <option value="">Autre…</option>
          {OTHER_ACTIONS.map((id) => (
            <option key={id} value={id} disabled={!availability[id].enabled}>
              {BULK_ACTIONS.find((a) => a.to === id)?.label}
            </option>
          ))}
        </select>
        <button type="button" className="button button--small" disabled={!hasSelection} title={hasSelection ? `Générer des documents pour ${peopleList(selected)}` : 'Cochez d’abord des inscriptions.'} onClick={() => setDocumentsFor(currentSelection())} data-testid="bulk-documents">
          <Icon name="file" size={14} />
          Documents…
        </button>
      </div>

      {list.error && (
        <p className="form-error" role="alert">
          {list.error}
        </p>
      )}

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
