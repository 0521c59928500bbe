import type { IRowNode } from 'ag-grid-community'
import { type MutableRefObject, useRef, useState } from 'react'
import type { AttendanceRow, CellChange } from '@shared/api/areas/attendance'
import { formatCell, sameCell } from '@shared/domain/attendance'
import { useApi } from '../../api/ApiContext'
import { useToast } from '../../components/Toasts'
import { rejectKey, totalsRow } from './attendanceColumns'
import { prefillMessage, prefillSkip } from './attendanceSummary'
import { UndoStack, type UndoEntry } from './gridOps'
import { dayIndexIn, dayText, failedSaveStatus, plural, who } from './gridText'
import type { GridAccess } from './useGridSelection'

/*
 * Saving the grid: each operation (a typed cell, a paste, a fill, an undo) is ONE attendance:save
 * and ONE grid transaction, run one after the other (an undo never overtakes the save it undoes);
 * the refused cells are marked and listed; undo and redo replay what was accepted.
 */

export type SaveStatus = { kind: 'idle' | 'saving' | 'saved' | 'error'; text: string }
export type Problem = { key: string; row: number; col: number; who: string; day: string; input: string; message: string }
export type Problems = { title: string; items: Problem[]; overflow: number }
export type OpMode = { kind: 'op'; label: string } | { kind: 'undo'; entry: UndoEntry } | { kind: 'redo'; entry: UndoEntry }

type Options = GridAccess & {
  rowsById: MutableRefObject<Map<number, AttendanceRow>>
  sessionId: number | undefined
  /** Called after each save: the selection's summary follows the values. */
  afterSave: () => void
}

export function useSaveQueue({ api, grid, rowsById, sessionId, afterSave }: Options) {
  const http = useApi()
  const toast = useToast()
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle', text: '' })
  const [problems, setProblems] = useState<Problems | null>(null)
  const [undoState, setUndoState] = useState({ undo: '', redo: '' })
  const rejected = useRef(new Set<string>())
  /** Cells the clerk emptied (`enrolmentId|date`): « Remplir selon le planning » leaves them empty. */
  const cleared = useRef(new Set<string>())
  const undo = useRef(new UndoStack())
  const chain = useRef<Promise<unknown>>(Promise.resolve())

  const dayIndex = (date: string): number => dayIndexIn(grid.current?.month, date)
  const valueOf = (c: { enrolmentId: number; date: string }) => rowsById.current.get(c.enrolmentId)?.values[dayIndex(c.date)] ?? null

  const applyRows = (rows: AttendanceRow[]): void => {
    const a = api.current
    for (const r of rows) rowsById.current.set(r.enrolmentId, r)
    if (!a) return
    a.applyTransaction({ update: rows })
    const g = grid.current
    if (g) a.setGridOption('pinnedBottomRowData', [totalsRow([...rowsById.current.values()], g.days.length)])
  }

  const markRejected = (keys: Set<string>): void => {
    const before = rejected.current
    rejected.current = keys
    const a = api.current
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

  /** Runs operations one after the other: an undo never overtakes the save it undoes. */
  const enqueue = (job: () => Promise<unknown>): Promise<unknown> => {
    const next = chain.current.then(job, job)
    chain.current = next.catch(() => undefined)
    return next
  }

  const save = (changes: CellChange[], mode: OpMode, local: Problem[] = [], overflow = 0): Promise<unknown> =>
    enqueue(async () => {
      const g = grid.current
      if (!g) return
      const cells = changes.filter((c) => !sameCell(valueOf(c), c.value))
      const localKeys = new Set(local.map((p) => p.key))
      if (cells.length === 0) {
        markRejected(localKeys)
        if (local.length > 0 || overflow > 0) setProblems({ title: 'Collage : aucune cellule modifiée', items: local, overflow })
        else if (mode.kind === 'op') {
          setProblems(null)
          setStatus({ kind: 'saved', text: 'Aucune modification' })
        }
        return
      }
      const before = new Map(cells.map((c) => [`${c.enrolmentId}|${c.date}`, valueOf(c)]))
      // The previous operation's panel (« 8 435 cellules enregistrées, … ») must not stand beside this one.
      setProblems(null)
      setStatus({ kind: 'saving', text: `Enregistrement de ${plural(cells.length, 'cellule', 'cellules')}…` })
      // A lost answer is read back by its idempotency key (api/readBack.ts): the result is the truth.
      const label = mode.kind === 'op' ? mode.label : mode.kind === 'undo' ? `Annulation : ${mode.entry.label}` : `Rétablissement : ${mode.entry.label}`
      const r = await http.call('attendance:save', { month: g.month, changes: cells }, { label: `Assiduité — ${label}` })
      if (!r.ok) {
        setStatus({ kind: 'error', text: failedSaveStatus(r.error.code) })
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
        keys.add(rejectKey(x.enrolmentId, col))
        const change = cells.find((c) => c.enrolmentId === x.enrolmentId && c.date === x.date)
        const displayed = api.current?.getRowNode(String(x.enrolmentId))?.rowIndex ?? -1
        const row = rowsById.current.get(x.enrolmentId)
        serverProblems.push({ key: rejectKey(x.enrolmentId, col), row: displayed, col, who: who(row), day: dayText(g.days, col), input: change ? formatCell(change.value) : '', message: x.message })
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
      afterSave()
    })

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

  /** « Remplir selon le planning »: past, empty, editable days only; says what it filled. */
  const prefill = (): void =>
    void enqueue(async () => {
      const g = grid.current
      if (!g) return
      setProblems(null)
      setStatus({ kind: 'saving', text: 'Remplissage selon le planning…' })
      // Never over a cell refused a moment ago or emptied on purpose (the service skips them too).
      const skip = prefillSkip(g.month, rejected.current, cleared.current)
      const r = await http.call('attendance:prefill', sessionId ? { month: g.month, sessionId, skip } : { month: g.month, skip })
      if (!r.ok) {
        setStatus({ kind: 'error', text: failedSaveStatus(r.error.code) })
        toast.show('error', r.error.message)
        return
      }
      applyRows(r.value.rows)
      undo.current.record({ label: 'Remplissage selon le planning', cells: r.value.changes.map((c) => ({ enrolmentId: c.enrolmentId, date: c.date, before: null, after: c.value })) })
      syncUndo()
      setStatus({ kind: 'saved', text: r.value.saved > 0 ? 'Enregistré' : 'Aucune modification' })
      toast.show(r.value.saved > 0 ? 'success' : 'info', prefillMessage(r.value.filled))
    })

  /** A new month or session, or an attestation: nothing to undo, nothing refused. */
  const reset = (): void => {
    undo.current.clear()
    syncUndo()
    setProblems(null)
    rejected.current = new Set()
    cleared.current = new Set()
    setStatus({ kind: 'idle', text: '' })
  }
  const clearUndo = (): void => {
    undo.current.clear()
    syncUndo()
  }

  return { status, setStatus, problems, setProblems, undoState, rejected, markRejected, save, doUndo, doRedo, prefill, reset, clearUndo }
}

export type SaveQueue = ReturnType<typeof useSaveQueue>
