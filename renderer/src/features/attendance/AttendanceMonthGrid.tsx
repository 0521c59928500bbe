import { AgGridReact } from 'ag-grid-react'
import type { CellEditRequestEvent, GetRowIdParams, GridApi } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AttendanceMonthGrid as MonthGrid, AttendanceRow, CellChange } from '@shared/api/areas/attendance'
import type { SessionOption } from '@shared/api/areas/sessions'
import { type CellValue, isMonth, monthBounds, monthLabelFr, parseCellInput } from '@shared/domain/attendance'
import { planPaste } from '@shared/domain/attendancePaste'
import { todayIso } from '@shared/domain/dates'
import { useApi } from '../../api/ApiContext'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { gridLocaleFr } from '../../grid/locale'
import { registerGridModules } from '../../grid/modules'
import { gridTheme } from '../../grid/theme'
import { AttestationPanel } from './AttestationPanel'
import { attendanceColumns, dayColId, dayIndexOfCol, type GridView, rejectKey, TOTALS_ROW_ID, totalsRow } from './attendanceColumns'
import { shiftMonth } from './attendanceDownload'
import { ExportMenu } from './ExportMenu'
import { clampPos, fillChanges } from './gridOps'
import { dayText, plural, who } from './gridText'
import { ProblemsPanel } from './ProblemsPanel'
import { useGridKeyboard } from './useGridKeyboard'
import { useGridSelection } from './useGridSelection'
import { type Problem, useSaveQueue } from './useSaveQueue'
import '../../styles/attendance.css'
import { FormError } from '../../components/FormError'

registerGridModules()

/*
 * « Assiduité mensuelle »: the month × trainees grid. This component loads the month and composes
 * the parts, each with one job: the selection (useGridSelection), the keyboard, mouse and
 * clipboard (useGridKeyboard), the save queue with undo and redo (useSaveQueue), the attestation
 * banner and dialogs (AttestationPanel), the export menu and the list of refused cells.
 */

type Props = {
  /** The session shown; fixed (the session page's « Assiduité » tab: no picker) unless onSessionChange is given. */
  sessionId?: number
  /** Controlled month and session (the screen keeps them in its address); local state otherwise. */
  month?: string
  onMonthChange?: (month: string) => void
  onSessionChange?: (sessionId: number | undefined) => void
  /**
   * No session chosen yet (controlled only): the grid opens on the session last chosen on this
   * screen, else on the month's first one; the month is asked once it is chosen.
   */
  pickSession?: boolean
}

const LAST_SESSION_KEY = 'passerelle.attendance.session'

function lastSession(): number | null {
  try {
    const n = Number(window.localStorage.getItem(LAST_SESSION_KEY))
    return Number.isInteger(n) && n > 0 ? n : null
  } catch {
    return null
  }
}

function rememberSession(id: number | undefined): void {
  try {
    if (id !== undefined) window.localStorage.setItem(LAST_SESSION_KEY, String(id))
  } catch {
    // No storage (private window): the screen opens on the month's first session.
  }
}

const rowId = (p: GetRowIdParams<AttendanceRow>): string => (p.data.enrolmentId === 0 ? TOTALS_ROW_ID : String(p.data.enrolmentId))

export function AttendanceMonthGrid(props: Props) {
  const api = useApi()
  const toast = useToast()
  const controlled = props.onSessionChange !== undefined
  const fixedSession = controlled ? undefined : props.sessionId
  const [localMonth, setLocalMonth] = useState(() => todayIso().slice(0, 7))
  const [localSession, setLocalSession] = useState<number | undefined>(undefined)
  const month = props.month && isMonth(props.month) ? props.month : localMonth
  const sessionId = controlled ? props.sessionId : (fixedSession ?? localSession)
  const setMonth = (m: string): void => (props.onMonthChange ? props.onMonthChange(m) : setLocalMonth(m))
  const pickSession = controlled && props.pickSession === true && sessionId === undefined
  const setSession = (id: number | undefined): void => {
    rememberSession(id)
    if (props.onSessionChange) props.onSessionChange(id)
    else setLocalSession(id)
  }

  const [grid, setGrid] = useState<MonthGrid | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [picker, setPicker] = useState<{ month: string; sessions: SessionOption[] } | null>(null)
  const sessions = picker?.sessions ?? []
  const [force, setForce] = useState(false)

  const gridApi = useRef<GridApi<AttendanceRow> | null>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const rowsById = useRef(new Map<number, AttendanceRow>())
  const forceNext = useRef(false)
  const gridRef = useRef<MonthGrid | null>(null)
  const forceRef = useRef(force)
  forceRef.current = force
  gridRef.current = grid

  const sel = useGridSelection({ api: gridApi, grid: gridRef })
  const queue = useSaveQueue({ api: gridApi, grid: gridRef, rowsById, sessionId, afterSave: () => sel.describeSelection() })
  const { selection } = sel
  const rejected = queue.rejected
  const view = useMemo<GridView>(() => ({ selection, get rejected() { return rejected.current } }), [selection, rejected])

  // ------------------------------------------------------------------------------------------
  // Loading

  const load = useCallback(async () => {
    if (pickSession) return
    const r = await api.call('attendance:month', sessionId ? { month, sessionId } : { month })
    if (!r.ok) {
      setLoadError(r.error.message)
      return
    }
    setLoadError(null)
    setGrid(r.value)
  }, [api, month, sessionId, pickSession])

  useEffect(() => {
    setGrid(null)
    queue.reset()
    sel.reset()
    void load()
    // A new month or session starts afresh; queue and selection are stable enough for this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load])

  useEffect(() => {
    if (fixedSession !== undefined) return
    let live = true
    const { first, last } = monthBounds(month)
    void api.call('sessions:options', { activeFrom: first, startingBy: last }).then((r) => {
      if (!live) return
      if (!r.ok) {
        setLoadError(r.error.message)
        return
      }
      setPicker({ month, sessions: r.value })
    })
    return () => {
      live = false
    }
  }, [api, month, fixedSession])

  useEffect(() => {
    if (!pickSession || picker?.month !== month) return
    const remembered = lastSession()
    const chosen = picker.sessions.find((s) => s.id === remembered) ?? picker.sessions[0]
    // No session this month: the (empty) month of every session.
    props.onSessionChange?.(chosen?.id)
    // onSessionChange is a new function at each render of the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pickSession, picker, month])

  useEffect(() => {
    const map = new Map<number, AttendanceRow>()
    for (const r of grid?.rows ?? []) map.set(r.enrolmentId, r)
    rowsById.current = map
  }, [grid])

  const columns = useMemo(
    () => (grid ? attendanceColumns(grid.days, view, { showSession: sessionId === undefined && grid.sessions.length > 1 }) : []),
    // Columns follow the month's days only: a saved row must not rebuild them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [grid?.month, grid?.days.length, grid?.sessions.length, sessionId, view]
  )
  const pinnedBottom = useMemo(() => (grid ? [totalsRow(grid.rows, grid.days.length)] : []), [grid])

  // ------------------------------------------------------------------------------------------
  // Operations: each one is one save of the queue

  const changeFor = (row: AttendanceRow, col: number, value: CellValue, forced: boolean): CellChange | null => {
    const day = gridRef.current?.days[col]
    if (!day) return null
    return forced ? { enrolmentId: row.enrolmentId, date: day.date, value, force: true } : { enrolmentId: row.enrolmentId, date: day.date, value }
  }

  const onEditRequest = (e: CellEditRequestEvent<AttendanceRow>): void => {
    const col = dayIndexOfCol(e.column.getColId())
    const row = e.data
    const forced = forceRef.current || forceNext.current
    forceNext.current = false
    if (col < 0 || !row) return
    const text = typeof e.newValue === 'string' ? e.newValue : ''
    const parsed = parseCellInput(text)
    const day = dayText(gridRef.current?.days, col)
    if (!parsed.ok) {
      toast.show('error', `${who(row)}, ${day} : ${parsed.message}`)
      queue.markRejected(new Set([rejectKey(row.enrolmentId, col)]))
      return
    }
    const change = changeFor(row, col, parsed.value, forced)
    if (change) void queue.save([change], { kind: 'op', label: `Saisie ${who(row)} ${day}` })
  }

  const clearSelection = (): void => {
    const rect = sel.currentRect()
    if (!rect) return
    const changes: CellChange[] = []
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = sel.rowAt(r)
      if (!row) continue
      for (let c = rect.left; c <= rect.right; c++) {
        if (row.values[c] === null || row.values[c] === undefined || row.locked[c] === 'attested') continue
        const ch = changeFor(row, c, null, false)
        if (ch) changes.push(ch)
      }
    }
    if (changes.length > 0) void queue.save(changes, { kind: 'op', label: `Effacement de ${plural(changes.length, 'cellule', 'cellules')}` })
  }

  const fill = (direction: 'down' | 'right'): void => {
    const rect = sel.currentRect()
    if (!rect || (direction === 'down' ? rect.bottom === rect.top : rect.right === rect.left)) {
      toast.show('info', direction === 'down' ? 'Sélectionnez plusieurs lignes (Maj+flèches) : la première est recopiée vers le bas.' : 'Sélectionnez plusieurs jours (Maj+flèches) : le premier est recopié vers la droite.')
      return
    }
    const list = fillChanges(rect, direction, sel.valueAt, (r, c) => (sel.rowAt(r)?.locked[c] ?? null) !== null)
    const changes = list
      .map((p) => {
        const row = sel.rowAt(p.row)
        return row ? changeFor(row, p.col, p.value, forceRef.current) : null
      })
      .filter((c): c is CellChange => c !== null)
    if (changes.length === 0) {
      queue.setStatus({ kind: 'saved', text: 'Aucune modification' })
      return
    }
    void queue.save(changes, { kind: 'op', label: direction === 'down' ? 'Recopie vers le bas' : 'Recopie vers la droite' })
  }

  const paste = (text: string): void => {
    const g = gridRef.current
    const rect = sel.currentRect()
    if (!g || !rect) {
      toast.show('info', 'Placez-vous sur une cellule de jour avant de coller.')
      return
    }
    const n = gridApi.current?.getDisplayedRowCount() ?? 0
    const rows: AttendanceRow[] = []
    for (let i = 0; i < n; i++) {
      const r = sel.rowAt(i)
      if (r) rows.push(r)
    }
    const origin = { row: rect.top, col: rect.left }
    const plan = planPaste({ days: g.days, rows }, text, origin, { force: forceRef.current })
    const local: Problem[] = plan.invalid.map((p) => {
      const row = rows[p.row]
      return { key: rejectKey(row?.enrolmentId ?? 0, p.col), row: p.row, col: p.col, who: who(row), day: dayText(g.days, p.col), input: p.input, message: p.message }
    })
    // Select the pasted block, as the spreadsheets do.
    const lines = text.replace(/(\r\n|\n|\r)$/, '').split(/\r\n|\n|\r/)
    const width = Math.max(1, ...lines.map((l) => l.split('\t').length))
    const end = clampPos({ row: origin.row + lines.length - 1, col: origin.col + width - 1 }, sel.size())
    sel.setSelection(origin, end)
    if (plan.overflow > 0) toast.show('info', `${plural(plan.overflow, 'cellule hors du tableau n’a pas été collée', 'cellules hors du tableau n’ont pas été collées')}.`)
    void queue.save(plan.changes, { kind: 'op', label: `Collage de ${plural(plan.changes.length, 'cellule', 'cellules')}` }, local, plan.overflow)
  }

  const { defaultColDef } = useGridKeyboard({
    api: gridApi,
    grid: gridRef,
    wrapRef,
    sel,
    actions: { undo: queue.doUndo, redo: queue.doRedo, fill, clear: clearSelection, paste },
    setStatus: queue.setStatus,
    forceNext
  })

  const jumpTo = (p: Problem): void => {
    const a = gridApi.current
    if (!a || p.row < 0 || p.col < 0) return
    a.ensureIndexVisible(p.row, 'middle')
    a.ensureColumnVisible(dayColId(p.col))
    a.setFocusedCell(p.row, dayColId(p.col))
  }

  const allAttested = (grid?.sessions.length ?? 0) > 0 && (grid?.sessions ?? []).every((s) => s.attested !== null)
  const currentSession = sessionId !== undefined ? sessions.find((s) => s.id === sessionId) : undefined
  const { status, undoState, problems } = queue

  return (
    <div className="att" data-testid="attendance">
      <div className="toolbar att-toolbar" role="toolbar" aria-label="Assiduité du mois">
        <div className="att-month" role="group" aria-label="Mois">
          <button type="button" className="icon-button att-month__nav" aria-label="Mois précédent" title="Mois précédent" onClick={() => setMonth(shiftMonth(month, -1))} data-testid="month-prev">
            <Icon name="arrowLeft" size={16} />
          </button>
          <label className="att-month__label">
            <Icon name="calendar" size={15} />
            <span data-testid="month-label">{monthLabelFr(month)}</span>
            <input type="month" className="att-month__input" value={month} aria-label="Choisir le mois" onChange={(e) => isMonth(e.target.value) && setMonth(e.target.value)} />
          </label>
          <button type="button" className="icon-button att-month__nav" aria-label="Mois suivant" title="Mois suivant" onClick={() => setMonth(shiftMonth(month, 1))} data-testid="month-next">
            <Icon name="arrowRight" size={16} />
          </button>
        </div>
        {fixedSession === undefined && (
          <select className="input input--auto att-session-select" aria-label="Session" value={sessionId ?? ''} onChange={(e) => setSession(e.target.value ? Number(e.target.value) : undefined)} data-testid="attendance-session">
            <option value="">Toutes les sessions</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label ?? s.trainingTitle}
              </option>
            ))}
            {sessionId !== undefined && !currentSession && <option value={sessionId}>Session n° {sessionId}</option>}
          </select>
        )}
        <div className="toolbar__spacer" />
        <div className="att-buttons" role="group" aria-label="Annuler, rétablir">
          <button type="button" className="button button--ghost att-iconbtn" onClick={queue.doUndo} disabled={!undoState.undo} title={undoState.undo ? `Annuler : ${undoState.undo} (Ctrl+Z)` : 'Rien à annuler (Ctrl+Z)'} aria-label="Annuler" data-testid="undo">
            <span className="att-glyph" aria-hidden="true">↶</span>
          </button>
          <button type="button" className="button button--ghost att-iconbtn" onClick={queue.doRedo} disabled={!undoState.redo} title={undoState.redo ? `Rétablir : ${undoState.redo} (Ctrl+Y)` : 'Rien à rétablir (Ctrl+Y)'} aria-label="Rétablir" data-testid="redo">
            <span className="att-glyph" aria-hidden="true">↷</span>
          </button>
        </div>
        <label className="att-force" title="Accepter des heures au-delà du planning (aussi : Alt+Entrée pour une seule saisie)">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} data-testid="attendance-force" />
          Forcer
        </label>
        <button type="button" className="button" onClick={queue.prefill} disabled={!grid || allAttested} title="Remplit les cellules vides des jours passés avec les heures prévues au planning de chaque stagiaire" data-testid="attendance-prefill">
          <Icon name="sparkles" size={16} />
          Remplir selon le planning
        </button>
        <ExportMenu month={month} sessionId={sessionId} disabled={!grid} />
      </div>

      <AttestationPanel
        grid={grid}
        month={month}
        sessionId={sessionId}
        rows={() => [...rowsById.current.values()]}
        onChanged={async () => {
          queue.clearUndo()
          await load()
        }}
      />

      <FormError message={loadError} />

      <div className="data-grid att-grid" ref={wrapRef} role="region" aria-label={`Assiduité ${monthLabelFr(month)}`} data-testid="attendance-grid">
        <AgGridReact<AttendanceRow>
          theme={gridTheme}
          localeText={gridLocaleFr}
          columnDefs={columns}
          defaultColDef={defaultColDef}
          rowData={grid?.rows ?? []}
          pinnedBottomRowData={pinnedBottom}
          loading={grid === null && !loadError}
          getRowId={rowId}
          readOnlyEdit
          onCellEditRequest={onEditRequest}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          suppressColumnVirtualisation={false}
          suppressAnimationFrame={false}
          animateRows={false}
          suppressColumnMoveAnimation
          suppressDragLeaveHidesColumns
          suppressMovableColumns
          suppressCellFocus={false}
          rowBuffer={8}
          headerHeight={40}
          rowHeight={30}
          tooltipShowDelay={500}
          tooltipInteraction={false}
          onGridReady={(e) => (gridApi.current = e.api)}
          onCellFocused={sel.onCellFocused}
          onCellMouseOver={sel.onMouseOver}
          onFirstDataRendered={(e) => {
            const el = wrapRef.current
            if (el) {
              el.dataset.rows = String(e.api.getDisplayedRowCount())
              el.dataset.ready = 'true'
            }
          }}
          onRowDataUpdated={(e) => {
            const el = wrapRef.current
            if (el) el.dataset.rows = String(e.api.getDisplayedRowCount())
          }}
          overlayComponentParams={{ noRows: { overlayText: 'Aucun stagiaire en formation ce mois-ci' }, loading: { overlayText: 'Chargement du mois…' } }}
        />
      </div>

      <div className="att-statusbar">
        <div className="att-legend" aria-label="Légende">
          <span className="att-chip att-chip--justified">AJ</span> justifiée
          <span className="att-chip att-chip--unjustified">ANJ</span> non justifiée
          <span className="att-swatch att-swatch--weekend" /> week-end
          <span className="att-swatch att-swatch--holiday" /> férié
          <span className="att-swatch att-swatch--locked" /> non saisissable
          <span className="att-swatch att-swatch--future" /> à venir
        </div>
        <span className="att-selinfo" data-testid="selection-info">
          {sel.selInfo}
        </span>
        <div className="toolbar__spacer" />
        <span className="grid-help">Saisie : 7,5 · 7h30 · AJ · 3,5 RDV — Maj+flèches sélectionne · Ctrl+C/V · Ctrl+D/R recopie · Suppr efface · Ctrl+Z/Y</span>
        <span className={`att-status att-status--${status.kind}`} data-testid="save-status" role="status" aria-live="polite">
          {status.kind === 'saving' && <span className="att-spinner" aria-hidden="true" />}
          {status.kind === 'saved' && <Icon name="check" size={14} />}
          {status.kind === 'error' && <Icon name="alert" size={14} />}
          {status.text}
        </span>
      </div>

      {problems && <ProblemsPanel problems={problems} onClose={() => queue.setProblems(null)} onJump={jumpTo} />}
    </div>
  )
}
