import { AgGridReact } from 'ag-grid-react'
import type { CellEditRequestEvent, CellFocusedEvent, CellMouseOverEvent, GetRowIdParams, GridApi, IRowNode, SuppressKeyboardEventParams } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AttendanceMonthGrid as MonthGrid, AttendanceRow, CellChange } from '../../../../shared/api/areas/attendance'
import type { SessionRow } from '../../../../shared/api/areas/catalogue'
import { type CellValue, formatCell, isMonth, lockedMessage, monthBounds, monthLabelFr, parseCellInput, sameCell } from '../../../../shared/domain/attendance'
import { planPaste } from '../../../../shared/domain/attendancePaste'
import { todayIso } from '../../../../shared/domain/dates'
import { formatHours } from '../../../../shared/domain/hours'
import { useApi } from '../../api/ApiContext'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { useToast } from '../../components/Toasts'
import { gridLocaleFr } from '../../grid/locale'
import { registerGridModules } from '../../grid/modules'
import { gridTheme } from '../../grid/theme'
import { AttestDialog } from './AttestDialog'
import { prefillMessage, prefillSkip, scopeSummary } from './attendanceSummary'
import { attendanceColumns, dayColId, dayIndexOfCol, type GridView, rejectKey, TOTALS_ROW_ID, totalsRow } from './attendanceColumns'
import { downloadBase64, formatStampFr, shiftMonth } from './attendanceDownload'
import { type CellPos, clampPos, fillChanges, rectOf, rectSize, selectionToTsv, type Rect, UndoStack, type UndoEntry } from './gridOps'
import '../../styles/attendance.css'

registerGridModules()

type Props = {
  /** The session shown; fixed (the session page's « Assiduité » tab: no picker) unless onSessionChange is given. */
  sessionId?: number
  /** Controlled month and session (the screen keeps them in its address); local state otherwise. */
  month?: string
  onMonthChange?: (month: string) => void
  onSessionChange?: (sessionId: number | undefined) => void
}

type SaveStatus = { kind: 'idle' | 'saving' | 'saved' | 'error'; text: string }
type Problem = { key: string; row: number; col: number; who: string; day: string; input: string; message: string }
type Problems = { title: string; items: Problem[]; overflow: number }
type OpMode = { kind: 'op'; label: string } | { kind: 'undo'; entry: UndoEntry } | { kind: 'redo'; entry: UndoEntry }

const rowId = (p: GetRowIdParams<AttendanceRow>): string => (p.data.enrolmentId === 0 ? TOTALS_ROW_ID : String(p.data.enrolmentId))
const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`

/** Row and column steps of the arrow keys. */
const ARROW_STEPS: Record<string, [number, number] | undefined> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }

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
  const setSession = (id: number | undefined): void => (props.onSessionChange ? props.onSessionChange(id) : setLocalSession(id))

  const [grid, setGrid] = useState<MonthGrid | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [sessions, setSessions] = useState<SessionRow[]>([])
  const [force, setForce] = useState(false)
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle', text: '' })
  const [problems, setProblems] = useState<Problems | null>(null)
  const [undoState, setUndoState] = useState({ undo: '', redo: '' })
  const [selInfo, setSelInfo] = useState('')
  const [unlocking, setUnlocking] = useState<{ reason: string; busy: boolean; error: string | null } | null>(null)
  const [attesting, setAttesting] = useState(false)
  const [confirmAttest, setConfirmAttest] = useState(false)
  const [exportOpen, setExportOpen] = useState(false)

  const gridApi = useRef<GridApi<AttendanceRow> | null>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const rowsById = useRef(new Map<number, AttendanceRow>())
  const anchor = useRef<CellPos | null>(null)
  const focus = useRef<CellPos | null>(null)
  const dragging = useRef(false)
  const forceNext = useRef(false)
  const rejected = useRef(new Set<string>())
  /** Cells the clerk emptied (`enrolmentId|date`): « Remplir selon le planning » leaves them empty. */
  const cleared = useRef(new Set<string>())
  const undo = useRef(new UndoStack())
  const chain = useRef<Promise<unknown>>(Promise.resolve())
  const gridRef = useRef<MonthGrid | null>(null)
  const forceRef = useRef(force)
  forceRef.current = force
  gridRef.current = grid

  const selection = useCallback((): Rect | null => (anchor.current && focus.current ? rectOf(anchor.current, focus.current) : null), [])
  const view = useMemo<GridView>(() => ({ selection, get rejected() { return rejected.current } }), [selection])

  // ------------------------------------------------------------------------------------------
  // Loading

  const load = useCallback(async () => {
    const r = await api.call('attendance:month', sessionId ? { month, sessionId } : { month })
    if (!r.ok) {
      setLoadError(r.error.message)
      return
    }
    setLoadError(null)
    setGrid(r.value)
  }, [api, month, sessionId])

  useEffect(() => {
    setGrid(null)
    undo.current.clear()
    setUndoState({ undo: '', redo: '' })
    setProblems(null)
    rejected.current = new Set()
    cleared.current = new Set()
    anchor.current = null
    focus.current = null
    setSelInfo('')
    setStatus({ kind: 'idle', text: '' })
    void load()
  }, [load])

  useEffect(() => {
    if (fixedSession !== undefined) return
    let live = true
    const { first, last } = monthBounds(month)
    void api.call('sessions:list', { activeFrom: first }).then((r) => {
      if (live && r.ok) setSessions(r.value.filter((s) => s.startDate === null || s.startDate <= last))
    })
    return () => {
      live = false
    }
  }, [api, month, fixedSession])

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
  // Cells by position

  const nodeAt = (row: number): IRowNode<AttendanceRow> | undefined => gridApi.current?.getDisplayedRowAtIndex(row) ?? undefined
  const rowAt = (row: number): AttendanceRow | undefined => nodeAt(row)?.data
  const valueAt = (row: number, col: number): CellValue => rowAt(row)?.values[col] ?? null
  const size = (): { rows: number; cols: number } => ({ rows: gridApi.current?.getDisplayedRowCount() ?? 0, cols: gridRef.current?.days.length ?? 0 })
  const who = (r: AttendanceRow | undefined): string => (r ? `${r.lastName.toUpperCase()} ${r.firstName}` : '?')
  const dayText = (col: number): string => {
    const d = gridRef.current?.days[col]
    return d ? `${String(d.day).padStart(2, '0')}/${d.date.slice(5, 7)}` : '?'
  }

  const refreshRect = (rects: (Rect | null)[]): void => {
    const a = gridApi.current
    const list = rects.filter((r): r is Rect => r !== null)
    if (!a || list.length === 0) return
    const top = Math.min(...list.map((r) => r.top))
    const bottom = Math.max(...list.map((r) => r.bottom))
    const left = Math.min(...list.map((r) => r.left))
    const right = Math.max(...list.map((r) => r.right))
    const first = Math.max(top, a.getFirstDisplayedRowIndex())
    const last = Math.min(bottom, a.getLastDisplayedRowIndex())
    const rowNodes: IRowNode<AttendanceRow>[] = []
    for (let i = first; i <= last; i++) {
      const n = a.getDisplayedRowAtIndex(i)
      if (n) rowNodes.push(n)
    }
    const columns: string[] = []
    for (let c = left; c <= right; c++) columns.push(dayColId(c))
    if (rowNodes.length > 0) a.refreshCells({ rowNodes, columns, suppressFlash: true })
  }

  const describeSelection = (): void => {
    const rect = selection()
    if (!rect || rectSize(rect).cells < 2) {
      setSelInfo('')
      return
    }
    let hours = 0
    let codes = 0
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = rowAt(r)
      for (let c = rect.left; c <= rect.right; c++) {
        const v = row?.values[c] ?? null
        if (typeof v === 'number') hours += Math.round(v * 100)
        else if (v !== null) {
          codes++
          if (typeof v === 'object') hours += Math.round(v.hours * 100)
        }
      }
    }
    const s = rectSize(rect)
    setSelInfo(`${s.rows} × ${s.cols} = ${plural(s.cells, 'cellule', 'cellules')} · ${formatHours(hours / 100)} h${codes ? ` · ${plural(codes, 'absence', 'absences')}` : ''}`)
  }

  const setSelection = (a: CellPos | null, f: CellPos | null): void => {
    const before = selection()
    anchor.current = a
    focus.current = f
    refreshRect([before, selection()])
    describeSelection()
  }

  // ------------------------------------------------------------------------------------------
  // Saving: one operation → one attendance:save → one applyTransaction

  const applyRows = (rows: AttendanceRow[]): void => {
    const a = gridApi.current
    for (const r of rows) rowsById.current.set(r.enrolmentId, r)
    if (!a) return
    a.applyTransaction({ update: rows })
    const g = gridRef.current
    if (g) a.setGridOption('pinnedBottomRowData', [totalsRow([...rowsById.current.values()], g.days.length)])
  }

  const markRejected = (keys: Set<string>): void => {
    const before = rejected.current
    rejected.current = keys
    const a = gridApi.current
    if (!a || (before.size === 0 && keys.size === 0)) return
    const ids = new Set<number>([...before, ...keys].map((k) => Number(k.split('|')[0])))
    const rowNodes = [...ids].map((id) => a.getRowNode(String(id))).filter((n): n is IRowNode<AttendanceRow> => n !== undefined)
    a.refreshCells({ rowNodes, suppressFlash: true })
  }

  const syncUndo = (): void => {
    const u = undo.current.peekUndo()
    const r = undo.current.peekRedo()
    setUndoState({ undo: u ? u.label : '', redo: r ? r.label : '' })
  }

  // Dates of this month are 'yyyy-mm-dd': the day index is the day number minus one.
  const dayIndex = (date: string): number => (gridRef.current && date.startsWith(gridRef.current.month) ? Number(date.slice(8, 10)) - 1 : -1)

  /** Runs operations one after the other: an undo never overtakes the save it undoes. */
  const enqueue = (job: () => Promise<unknown>): Promise<unknown> => {
    const next = chain.current.then(job, job)
    chain.current = next.catch(() => undefined)
    return next
  }

  const save = (changes: CellChange[], mode: OpMode, local: Problem[] = [], overflow = 0): Promise<unknown> =>
    enqueue(async () => {
      const g = gridRef.current
      if (!g) return
      const cells = changes.filter((c) => !sameCell(rowsById.current.get(c.enrolmentId)?.values[dayIndex(c.date)] ?? null, c.value))
      const localKeys = new Set(local.map((p) => p.key))
      if (cells.length === 0) {
        markRejected(localKeys)
        if (local.length > 0 || overflow > 0) setProblems({ title: 'Collage : aucune cellule modifiée', items: local, overflow })
        else if (mode.kind === 'op') setStatus({ kind: 'saved', text: 'Aucune modification' })
        return
      }
      const before = new Map(cells.map((c) => [`${c.enrolmentId}|${c.date}`, rowsById.current.get(c.enrolmentId)?.values[dayIndex(c.date)] ?? null]))
      setStatus({ kind: 'saving', text: `Enregistrement de ${plural(cells.length, 'cellule', 'cellules')}…` })
      const r = await api.call('attendance:save', { month: g.month, changes: cells })
      if (!r.ok) {
        setStatus({ kind: 'error', text: 'Non enregistré' })
        toast.show('error', r.error.issues?.[0]?.message ?? r.error.message)
        return
      }
      const result = r.value
      applyRows(result.rows)
      const refused = new Set(result.rejected.map((x) => `${x.enrolmentId}|${x.date}`))
      const keys = new Set(localKeys)
      const serverProblems: Problem[] = []
      for (const x of result.rejected) {
        const col = dayIndex(x.date)
        const row = rowsById.current.get(x.enrolmentId)
        keys.add(rejectKey(x.enrolmentId, col))
        const change = cells.find((c) => c.enrolmentId === x.enrolmentId && c.date === x.date)
        const displayed = gridApi.current?.getRowNode(String(x.enrolmentId))?.rowIndex ?? -1
        serverProblems.push({ key: rejectKey(x.enrolmentId, col), row: displayed, col, who: who(row), day: dayText(col), input: change ? formatCell(change.value) : '', message: x.message })
      }
      markRejected(keys)
      const accepted = cells.filter((c) => !refused.has(`${c.enrolmentId}|${c.date}`))
      for (const c of accepted) {
        if (c.value === null) cleared.current.add(`${c.enrolmentId}|${c.date}`)
        else cleared.current.delete(`${c.enrolmentId}|${c.date}`)
      }
      const undoCells = accepted.map((c) => ({ enrolmentId: c.enrolmentId, date: c.date, before: before.get(`${c.enrolmentId}|${c.date}`) ?? null, after: c.value }))
      if (mode.kind === 'op') undo.current.record({ label: mode.label, cells: undoCells })
      else if (refused.size === 0) {
        if (mode.kind === 'undo') undo.current.markUndone(mode.entry)
        else undo.current.markRedone(mode.entry)
      }
      syncUndo()
      const all = [...local, ...serverProblems]
      if (all.length > 0 || overflow > 0) {
        setProblems({ title: `${plural(result.saved, 'cellule enregistrée', 'cellules enregistrées')}, ${plural(all.length, 'refusée', 'refusées')}`, items: all, overflow })
      } else if (mode.kind === 'op') setProblems(null)
      if (result.rejected.length > 0) {
        const first = result.rejected[0]
        toast.show('error', result.rejected.length === 1 && first ? first.message : `${plural(result.rejected.length, 'cellule refusée', 'cellules refusées')} : voir la liste sous la grille.`)
      }
      setStatus({ kind: 'saved', text: mode.kind === 'undo' ? 'Annulation enregistrée' : 'Enregistré' })
      describeSelection()
    })

  const changeFor = (row: AttendanceRow, col: number, value: CellValue, forced: boolean): CellChange | null => {
    const day = gridRef.current?.days[col]
    if (!day) return null
    return forced ? { enrolmentId: row.enrolmentId, date: day.date, value, force: true } : { enrolmentId: row.enrolmentId, date: day.date, value }
  }

  // ------------------------------------------------------------------------------------------
  // Operations

  const onEditRequest = (e: CellEditRequestEvent<AttendanceRow>): void => {
    const col = dayIndexOfCol(e.column.getColId())
    const row = e.data
    const forced = forceRef.current || forceNext.current
    forceNext.current = false
    if (col < 0 || !row) return
    const text = typeof e.newValue === 'string' ? e.newValue : ''
    const parsed = parseCellInput(text)
    if (!parsed.ok) {
      toast.show('error', `${who(row)}, ${dayText(col)} : ${parsed.message}`)
      markRejected(new Set([rejectKey(row.enrolmentId, col)]))
      return
    }
    const change = changeFor(row, col, parsed.value, forced)
    if (change) void save([change], { kind: 'op', label: `Saisie ${who(row)} ${dayText(col)}` })
  }

  const currentRect = (): Rect | null => {
    const sel = selection()
    if (sel) return sel
    const f = gridApi.current?.getFocusedCell()
    const col = dayIndexOfCol(f?.column.getColId())
    if (!f || f.rowPinned || col < 0) return null
    return { top: f.rowIndex, bottom: f.rowIndex, left: col, right: col }
  }

  const clearSelection = (): void => {
    const rect = currentRect()
    if (!rect) return
    const changes: CellChange[] = []
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = rowAt(r)
      if (!row) continue
      for (let c = rect.left; c <= rect.right; c++) {
        if (row.values[c] === null || row.values[c] === undefined || row.locked[c] === 'attested') continue
        const ch = changeFor(row, c, null, false)
        if (ch) changes.push(ch)
      }
    }
    if (changes.length > 0) void save(changes, { kind: 'op', label: `Effacement de ${plural(changes.length, 'cellule', 'cellules')}` })
  }

  const fill = (direction: 'down' | 'right'): void => {
    const rect = currentRect()
    if (!rect || (direction === 'down' ? rect.bottom === rect.top : rect.right === rect.left)) {
      toast.show('info', direction === 'down' ? 'Sélectionnez plusieurs lignes (Maj+flèches) : la première est recopiée vers le bas.' : 'Sélectionnez plusieurs jours (Maj+flèches) : le premier est recopié vers la droite.')
      return
    }
    const list = fillChanges(rect, direction, valueAt, (r, c) => (rowAt(r)?.locked[c] ?? null) !== null)
    const changes = list.map((p) => {
      const row = rowAt(p.row)
      return row ? changeFor(row, p.col, p.value, forceRef.current) : null
    }).filter((c): c is CellChange => c !== null)
    if (changes.length === 0) {
      setStatus({ kind: 'saved', text: 'Aucune modification' })
      return
    }
    void save(changes, { kind: 'op', label: direction === 'down' ? 'Recopie vers le bas' : 'Recopie vers la droite' })
  }

  const paste = (text: string): void => {
    const g = gridRef.current
    const rect = currentRect()
    if (!g || !rect) {
      toast.show('info', 'Placez-vous sur une cellule de jour avant de coller.')
      return
    }
    const n = gridApi.current?.getDisplayedRowCount() ?? 0
    const rows: AttendanceRow[] = []
    for (let i = 0; i < n; i++) {
      const r = rowAt(i)
      if (r) rows.push(r)
    }
    const origin = { row: rect.top, col: rect.left }
    const plan = planPaste({ days: g.days, rows }, text, origin, { force: forceRef.current })
    const local: Problem[] = plan.invalid.map((p) => {
      const row = rows[p.row]
      return { key: rejectKey(row?.enrolmentId ?? 0, p.col), row: p.row, col: p.col, who: who(row), day: dayText(p.col), input: p.input, message: p.message }
    })
    // Select the pasted block, as the spreadsheets do.
    const lines = text.replace(/(\r\n|\n|\r)$/, '').split(/\r\n|\n|\r/)
    const width = Math.max(1, ...lines.map((l) => l.split('\t').length))
    const end = clampPos({ row: origin.row + lines.length - 1, col: origin.col + width - 1 }, size())
    setSelection(origin, end)
    if (plan.overflow > 0) toast.show('info', `${plural(plan.overflow, 'cellule hors du tableau n’a pas été collée', 'cellules hors du tableau n’ont pas été collées')}.`)
    void save(plan.changes, { kind: 'op', label: `Collage de ${plural(plan.changes.length, 'cellule', 'cellules')}` }, local, plan.overflow)
  }

  const doUndo = (): void => {
    const entry = undo.current.peekUndo()
    if (!entry) return
    void save(entry.cells.map((c) => ({ enrolmentId: c.enrolmentId, date: c.date, value: c.before, force: true })), { kind: 'undo', entry })
  }
  const doRedo = (): void => {
    const entry = undo.current.peekRedo()
    if (!entry) return
    void save(entry.cells.map((c) => ({ enrolmentId: c.enrolmentId, date: c.date, value: c.after, force: true })), { kind: 'redo', entry })
  }

  const prefill = (): void =>
    void enqueue(async () => {
      const g = gridRef.current
      if (!g) return
      setStatus({ kind: 'saving', text: 'Remplissage selon le planning…' })
      // Never over a cell refused a moment ago or emptied on purpose (the service skips them too).
      const skip = prefillSkip(g.month, rejected.current, cleared.current)
      const r = await api.call('attendance:prefill', sessionId ? { month: g.month, sessionId, skip } : { month: g.month, skip })
      if (!r.ok) {
        setStatus({ kind: 'error', text: 'Non enregistré' })
        toast.show('error', r.error.message)
        return
      }
      applyRows(r.value.rows)
      undo.current.record({ label: 'Remplissage selon le planning', cells: r.value.changes.map((c) => ({ enrolmentId: c.enrolmentId, date: c.date, before: null, after: c.value })) })
      syncUndo()
      const message = prefillMessage(r.value.filled)
      setStatus({ kind: 'saved', text: r.value.saved > 0 ? 'Enregistré' : 'Aucune modification' })
      toast.show(r.value.saved > 0 ? 'success' : 'info', message)
    })

  // ------------------------------------------------------------------------------------------
  // Keyboard, mouse, clipboard

  const isEditing = (): boolean => (gridApi.current?.getEditingCells().length ?? 0) > 0

  /**
   * Keyboard moves are ours, not the grid's: the grid reports its own moves late (after the next
   * key, when it scrolls), and a selection built on those reports starts from the wrong cell. The
   * selection moves now, then the grid's focus follows; its report then finds it already there.
   */
  const moveTo = (pos: CellPos, extend: boolean): void => {
    const a = gridApi.current
    if (!a) return
    const p = clampPos(pos, size())
    setSelection(extend ? (anchor.current ?? focus.current ?? p) : p, p)
    a.ensureIndexVisible(p.row)
    a.ensureColumnVisible(dayColId(p.col))
    a.setFocusedCell(p.row, dayColId(p.col))
  }

  useEffect(() => {
    const el = wrapRef.current
    if (!el) return
    // A cell of the body (not the header, not the pinned totals row), or an element inside it.
    const inBodyCell = (target: EventTarget | null): boolean =>
      target instanceof Element && target.closest('.ag-cell') !== null && target.closest('.ag-floating-bottom, .ag-header') === null

    /** The day cell of the body under a mouse event, from the DOM (the grid's own events come later). */
    const dayCellAt = (target: EventTarget | null): CellPos | null => {
      const cellEl = target instanceof Element ? target.closest('.ag-cell') : null
      if (!cellEl || cellEl.closest('.ag-floating-bottom, .ag-header')) return null
      const col = dayIndexOfCol(cellEl.getAttribute('col-id') ?? undefined)
      const row = Number(cellEl.closest('[row-index]')?.getAttribute('row-index'))
      return col >= 0 && Number.isInteger(row) && row >= 0 ? { row, col } : null
    }

    const gridFocusedCell = (): CellPos | null => {
      const fc = gridApi.current?.getFocusedCell()
      const col = dayIndexOfCol(fc?.column.getColId())
      return fc && !fc.rowPinned && col >= 0 && fc.rowIndex >= 0 ? { row: fc.rowIndex, col } : null
    }

    const onKey = (e: KeyboardEvent): void => {
      if (!inBodyCell(e.target) || isEditing()) return
      const ctrl = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      const stop = (): void => {
        e.preventDefault()
        e.stopPropagation()
      }
      if (ctrl && key === 'z' && !e.shiftKey) return (stop(), doUndo())
      if (ctrl && (key === 'y' || (key === 'z' && e.shiftKey))) return (stop(), doRedo())
      if (ctrl && key === 'd') return (stop(), fill('down'))
      if (ctrl && key === 'r') return (stop(), fill('right'))
      if (ctrl && key === 'a') {
        stop()
        const s = size()
        if (s.rows > 0) setSelection({ row: 0, col: 0 }, { row: s.rows - 1, col: s.cols - 1 })
        return
      }
      if (e.key === 'Delete' || e.key === 'Backspace') return (stop(), clearSelection())
      if (e.key === 'Escape') {
        const f = focus.current
        if (f && selection() && rectSize(selection() as Rect).cells > 1) setSelection(f, f)
        return
      }
      const step = ARROW_STEPS[e.key]
      if (step && !ctrl && !e.altKey) {
        // The grid's focused cell is the truth: a move of its own (Tab, Enter after an edit) may
        // not have been reported yet. Its state, not the DOM: the browser focus can still be on a
        // cell the grid has already left.
        const here = gridFocusedCell()
        if (here && (focus.current?.row !== here.row || focus.current.col !== here.col)) setSelection(here, here)
        const f = focus.current
        if (!f) return
        const to = clampPos({ row: f.row + step[0], col: f.col + step[1] }, size())
        // A plain arrow at the edge of the days leaves them (name, header, totals): the grid's move.
        if (!e.shiftKey && to.row === f.row && to.col === f.col) return
        stop()
        moveTo(to, e.shiftKey)
        return
      }
      // Typing on a locked day: say why nothing happens.
      if (e.key.length === 1 && !ctrl && !e.altKey) {
        const fc = gridApi.current?.getFocusedCell()
        const col = dayIndexOfCol(fc?.column.getColId())
        const row = fc && !fc.rowPinned ? rowAt(fc.rowIndex) : undefined
        const reason = row?.locked[col]
        const day = gridRef.current?.days[col]
        if (reason && day) toast.show('info', lockedMessage(reason, day.date))
      }
    }
    const onCopy = (e: ClipboardEvent): void => {
      if (!inBodyCell(e.target) || isEditing()) return
      const rect = currentRect()
      if (!rect || !e.clipboardData) return
      e.preventDefault()
      e.clipboardData.setData('text/plain', selectionToTsv(rect, valueAt))
      setStatus({ kind: 'saved', text: `${plural(rectSize(rect).cells, 'cellule copiée', 'cellules copiées')}` })
    }
    const onPaste = (e: ClipboardEvent): void => {
      if (!inBodyCell(e.target) || isEditing()) return
      const text = e.clipboardData?.getData('text/plain') ?? ''
      e.preventDefault()
      e.stopPropagation()
      if (text !== '') paste(text)
    }
    const onDown = (e: MouseEvent): void => {
      const pos = e.button === 0 ? dayCellAt(e.target) : null
      if (!pos || isEditing()) return
      if (e.shiftKey && anchor.current) {
        // No browser focus change (nor text selection): the grid's focus is moved to match.
        e.preventDefault()
        moveTo(pos, true)
        return
      }
      setSelection(pos, pos)
      dragging.current = true
    }
    const onUp = (): void => {
      dragging.current = false
    }
    el.addEventListener('keydown', onKey, true)
    el.addEventListener('copy', onCopy, true)
    el.addEventListener('paste', onPaste, true)
    el.addEventListener('mousedown', onDown, true)
    window.addEventListener('mouseup', onUp)
    return () => {
      el.removeEventListener('keydown', onKey, true)
      el.removeEventListener('copy', onCopy, true)
      el.removeEventListener('paste', onPaste, true)
      el.removeEventListener('mousedown', onDown, true)
      window.removeEventListener('mouseup', onUp)
    }
  })

  const onCellFocused = (e: CellFocusedEvent<AttendanceRow>): void => {
    const colId = typeof e.column === 'string' ? e.column : e.column?.getColId()
    // A report about a cell the grid has left since is stale (the grid reports its moves late).
    const now = gridApi.current?.getFocusedCell()
    if (now && (now.rowIndex !== e.rowIndex || now.column.getColId() !== colId || (now.rowPinned ?? null) !== (e.rowPinned ?? null))) return
    const col = dayIndexOfCol(colId)
    if (e.rowIndex == null || e.rowPinned || col < 0) {
      setSelection(null, null)
      return
    }
    // Keyboard moves and clicks have already put the selection's focus here.
    const f = focus.current
    if (f && f.row === e.rowIndex && f.col === col) return
    setSelection({ row: e.rowIndex, col }, { row: e.rowIndex, col })
  }

  const onMouseOver = (e: CellMouseOverEvent<AttendanceRow>): void => {
    if (!dragging.current || !anchor.current) return
    const ev = e.event
    if (ev instanceof MouseEvent && ev.buttons !== 1) {
      dragging.current = false
      return
    }
    const col = dayIndexOfCol(e.column.getColId())
    if (col < 0 || e.node.rowPinned || e.rowIndex == null) return
    const f = focus.current
    if (f && f.row === e.rowIndex && f.col === col) return
    setSelection(anchor.current, { row: e.rowIndex, col })
  }

  const suppressKeys = useCallback((p: SuppressKeyboardEventParams<AttendanceRow>): boolean => {
    const ev = p.event
    if (p.editing && ev.key === 'Enter' && ev.altKey) {
      forceNext.current = true
      return false
    }
    if (p.editing) return false
    // Ours: Delete/Backspace clear the selection, Ctrl+D/R fill, arrows move or extend it (the
    // arrows never reach the grid but at the edge of the days, see onKey).
    if (ev.key === 'Delete' || ev.key === 'Backspace') return true
    if ((ev.ctrlKey || ev.metaKey) && ['d', 'r', 'z', 'y', 'a', 'c', 'v'].includes(ev.key.toLowerCase())) return true
    return ev.shiftKey && ev.key.startsWith('Arrow')
  }, [])

  const defaultColDef = useMemo(() => ({ suppressKeyboardEvent: suppressKeys, sortable: false, filter: false, suppressHeaderMenuButton: true, cellDataType: false as const }), [suppressKeys])

  // ------------------------------------------------------------------------------------------
  // Attestation, export

  const today = todayIso()
  const attestable = grid !== null && today >= grid.canAttestFrom
  const scopeSessions = grid?.sessions ?? []
  const allAttested = scopeSessions.length > 0 && scopeSessions.every((s) => s.attested !== null)
  const someAttested = scopeSessions.some((s) => s.attested !== null)
  const lastAttest = scopeSessions.map((s) => s.attested).filter((a): a is { at: string; by: string } => a !== null).sort((a, b) => b.at.localeCompare(a.at))[0]

  const attestIds = (g: MonthGrid): number[] => (sessionId ? [sessionId] : g.sessions.filter((s) => s.attested === null).map((s) => s.sessionId))
  // The rows as saved since loading (rowsById), not the grid's first answer.
  const attestSummary = grid && confirmAttest ? scopeSummary([...rowsById.current.values()], attestIds(grid), grid.month, grid.asOf) : null
  const attestSessions = grid && confirmAttest ? grid.sessions.filter((s) => attestIds(grid).includes(s.sessionId)) : []

  const attest = async (): Promise<void> => {
    const g = gridRef.current
    if (!g) return
    setAttesting(true)
    const ids = attestIds(g)
    let failed: string | null = null
    for (const id of ids) {
      const r = await api.call('attendance:attest', { month: g.month, sessionId: id })
      if (!r.ok) {
        failed = r.error.message
        break
      }
    }
    setAttesting(false)
    setConfirmAttest(false)
    if (failed) toast.show('error', failed)
    else toast.show('success', `Assiduité ${monthLabelFr(g.month)} attestée : le mois est verrouillé.`)
    undo.current.clear()
    syncUndo()
    await load()
  }

  const unlock = async (): Promise<void> => {
    const g = gridRef.current
    if (!g || !unlocking) return
    setUnlocking({ ...unlocking, busy: true, error: null })
    const ids = sessionId ? [sessionId] : g.sessions.filter((s) => s.attested !== null).map((s) => s.sessionId)
    for (const id of ids) {
      const r = await api.call('attendance:unlock', { month: g.month, sessionId: id, reason: unlocking.reason })
      if (!r.ok) {
        setUnlocking({ ...unlocking, busy: false, error: r.error.issues?.[0]?.message ?? r.error.message })
        return
      }
    }
    setUnlocking(null)
    toast.show('success', `Mois ${monthLabelFr(g.month)} déverrouillé : la saisie est de nouveau possible.`)
    await load()
  }

  const exportAs = async (format: 'xlsx' | 'csv', layout: 'grid' | 'kairos'): Promise<void> => {
    setExportOpen(false)
    const r = await api.call('attendance:export', sessionId ? { month, sessionId, format, layout } : { month, format, layout })
    if (!r.ok) {
      toast.show('error', r.error.message)
      return
    }
    downloadBase64(r.value)
    toast.show('success', `Fichier « ${r.value.fileName} » téléchargé.`)
  }

  // ------------------------------------------------------------------------------------------

  const jumpTo = (p: Problem): void => {
    const a = gridApi.current
    if (!a || p.row < 0 || p.col < 0) return
    a.ensureIndexVisible(p.row, 'middle')
    a.ensureColumnVisible(dayColId(p.col))
    a.setFocusedCell(p.row, dayColId(p.col))
  }

  const rowCount = grid?.rows.length ?? 0
  const currentSession = sessionId !== undefined ? sessions.find((s) => s.id === sessionId) : undefined

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
          <button type="button" className="button button--ghost att-iconbtn" onClick={doUndo} disabled={!undoState.undo} title={undoState.undo ? `Annuler : ${undoState.undo} (Ctrl+Z)` : 'Rien à annuler (Ctrl+Z)'} aria-label="Annuler" data-testid="undo">
            <span className="att-glyph" aria-hidden="true">↶</span>
          </button>
          <button type="button" className="button button--ghost att-iconbtn" onClick={doRedo} disabled={!undoState.redo} title={undoState.redo ? `Rétablir : ${undoState.redo} (Ctrl+Y)` : 'Rien à rétablir (Ctrl+Y)'} aria-label="Rétablir" data-testid="redo">
            <span className="att-glyph" aria-hidden="true">↷</span>
          </button>
        </div>
        <label className="att-force" title="Accepter des heures au-delà du planning (aussi : Alt+Entrée pour une seule saisie)">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} data-testid="attendance-force" />
          Forcer
        </label>
        <button type="button" className="button" onClick={prefill} disabled={!grid || allAttested} title="Remplit les cellules vides avec les heures prévues au planning de chaque stagiaire" data-testid="attendance-prefill">
          <Icon name="sparkles" size={16} />
          Remplir selon le planning
        </button>
        <div className="att-menu">
          <button type="button" className="button" aria-haspopup="menu" aria-expanded={exportOpen} onClick={() => setExportOpen((o) => !o)} disabled={!grid} data-testid="attendance-export">
            <Icon name="download" size={16} />
            Exporter ▾
          </button>
          {exportOpen && (
            <div className="att-menu__list" role="menu" onMouseLeave={() => setExportOpen(false)}>
              <button type="button" role="menuitem" onClick={() => void exportAs('xlsx', 'grid')}>
                Excel (grille du mois)
              </button>
              <button type="button" role="menuitem" onClick={() => void exportAs('csv', 'grid')}>
                CSV (grille du mois)
              </button>
              <button type="button" role="menuitem" onClick={() => void exportAs('xlsx', 'kairos')}>
                Format KAIROS (Excel)
              </button>
            </div>
          )}
        </div>
      </div>

      <div className={`att-banner${allAttested ? ' att-banner--locked' : ''}`} data-testid="attendance-banner">
        <span className="att-banner__count" data-testid="attendance-count">
          <Icon name="trainees" size={15} />
          {grid ? plural(rowCount, 'stagiaire', 'stagiaires') : 'Chargement…'}
        </span>
        <span className="att-banner__sep" aria-hidden="true" />
        {allAttested && lastAttest ? (
          <span className="att-banner__state" data-testid="attendance-attested">
            <Icon name="lock" size={15} />
            Mois attesté le {formatStampFr(lastAttest.at)} par <strong>{lastAttest.by}</strong> : les cellules sont verrouillées.
          </span>
        ) : someAttested ? (
          <span className="att-banner__state">
            <Icon name="lock" size={15} />
            {plural(scopeSessions.filter((s) => s.attested).length, 'session attestée', 'sessions attestées')} sur {scopeSessions.length} pour ce mois.
          </span>
        ) : grid && !attestable ? (
          <span className="att-banner__state">
            <Icon name="clock" size={15} />
            Saisie en cours : l’attestation sera possible à partir du {grid.canAttestFrom.slice(8, 10)}/{grid.canAttestFrom.slice(5, 7)}/{grid.canAttestFrom.slice(0, 4)}.
          </span>
        ) : grid ? (
          <span className="att-banner__state">
            <Icon name="info" size={15} />
            Mois à attester : vérifiez la saisie puis attestez pour la transmettre.
          </span>
        ) : null}
        <div className="toolbar__spacer" />
        {allAttested ? (
            <button type="button" className="button button--small" onClick={() => setUnlocking({ reason: '', busy: false, error: null })} data-testid="attendance-unlock">
              <Icon name="lock" size={16} />
              Déverrouiller
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => setConfirmAttest(true)}
              disabled={!grid || attesting || rowCount === 0 || !attestable}
              title={attestable ? 'Verrouille le mois : plus aucune saisie sans déverrouillage motivé' : `L’attestation est possible à partir du ${grid ? `${grid.canAttestFrom.slice(8, 10)}/${grid.canAttestFrom.slice(5, 7)}/${grid.canAttestFrom.slice(0, 4)}` : '25'}`}
              data-testid="attendance-attest"
            >
              <Icon name="check" size={16} />
              Attester le mois
            </button>
          )}
      </div>

      {loadError && (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      )}

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
          onCellFocused={onCellFocused}
          onCellMouseOver={onMouseOver}
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
          {selInfo}
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

      {problems && (
        <section className="att-problems" aria-label="Cellules refusées" data-testid="attendance-problems">
          <header className="att-problems__head">
            <Icon name="alert" size={16} />
            <strong>{problems.title}</strong>
            {problems.overflow > 0 && <span className="att-problems__overflow">{plural(problems.overflow, 'cellule hors du tableau n’a pas été collée', 'cellules hors du tableau n’ont pas été collées')}</span>}
            <div className="toolbar__spacer" />
            <button type="button" className="icon-button" aria-label="Fermer la liste" onClick={() => setProblems(null)}>
              ×
            </button>
          </header>
          {problems.items.length > 0 && (
            <div className="att-problems__scroll">
              <table className="att-problems__table">
                <thead>
                  <tr>
                    <th>Stagiaire</th>
                    <th>Jour</th>
                    <th>Valeur</th>
                    <th>Motif</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.items.slice(0, 200).map((p, i) => (
                    <tr key={`${p.key}-${i}`} onClick={() => jumpTo(p)} title="Aller à la cellule">
                      <td>{p.who}</td>
                      <td className="mono">{p.day}</td>
                      <td className="mono">{p.input === '' ? '(vide)' : p.input}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {problems.items.length > 200 && <p className="muted">… et {problems.items.length - 200} autres.</p>}
            </div>
          )}
        </section>
      )}

      <AttestDialog
        open={confirmAttest}
        month={month}
        sessions={attestSessions.map((s) => s.label)}
        trainees={attestSessions.reduce((n, s) => n + s.trainees, 0)}
        summary={attestSummary}
        busy={attesting}
        onCancel={() => setConfirmAttest(false)}
        onConfirm={() => void attest()}
      />

      <Modal
        open={unlocking !== null}
        title={`Déverrouiller ${monthLabelFr(month)}`}
        onClose={() => setUnlocking(null)}
        size="small"
        testId="unlock-dialog"
        footer={
          <>
            <button type="button" className="button" onClick={() => setUnlocking(null)}>
              Annuler
            </button>
            <button type="button" className="button button--primary" onClick={() => void unlock()} disabled={unlocking?.busy} data-testid="unlock-confirm">
              Déverrouiller
            </button>
          </>
        }
      >
        <p>Le mois a été attesté. Indiquez pourquoi il doit être rouvert : le motif est conservé dans le journal avec votre nom.</p>
        <label className="field">
          <span className="field__label">Motif du déverrouillage</span>
          <textarea className="textarea" rows={3} value={unlocking?.reason ?? ''} onChange={(e) => unlocking && setUnlocking({ ...unlocking, reason: e.target.value })} autoFocus data-testid="unlock-reason" />
          {unlocking?.error && <span className="field__message field__message--error">{unlocking.error}</span>}
        </label>
      </Modal>
    </div>
  )
}
