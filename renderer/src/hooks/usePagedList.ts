import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Input, Op, Output } from '@shared/api/contract'
import type { PageOf } from '@shared/api/paging'
import { useApi } from '../api/ApiContext'
import { appendPage, pageSizes, streamPages } from './pagedStream'

/** The operations that answer one page of a list (`trainees:page`, `enrolments:page`). */
export type PagedOp = { [K in Op]: Output<K> extends PageOf<unknown, unknown> ? K : never }[Op]
type RowOf<O extends PagedOp> = Output<O> extends PageOf<infer T, unknown> ? T : never
/** The filter of a paged operation: what the screen chooses; the cursor and the page size are the hook's. */
export type PagedFilter<O extends PagedOp> = Omit<Input<O>, 'after' | 'limit'>

export type PagedListState<T> = {
  /** null while the first page is awaited; then the rows received so far, in the server's order. */
  rows: T[] | null
  /** Every row the filter selects, as the server counted it at the last page (null before the first). */
  total: number | null
  /** Every page is in (or the stream stopped on an error). */
  complete: boolean
  error: string | null
  /**
   * Asks the whole list again (after an import, a bulk change). The shown rows stay until every
   * page of the new answer is in, then are replaced at once: the grid keeps its scroll and selection.
   */
  reload: () => Promise<void>
  /** Resolves once every row is in the grid's data (an export of the whole table waits for it). */
  whenComplete: () => Promise<void>
  /** Local change after a command answered (replace a row…) without asking the server again. */
  setRows: (update: (current: T[] | null) => T[] | null) => void
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

/**
 * A registry-sized list read page by page: the first page is shown as soon as it comes, the others
 * are appended in the background. A new filter (compared by value) starts a new stream and the old
 * one stops at its next answer, as `useQuery` drops stale answers; until the new first page comes
 * the previous rows stay, as a grid does while a filter applies.
 */
export function usePagedList<O extends PagedOp>(op: O, filter: PagedFilter<O>, rowId: (row: RowOf<O>) => string, options: { enabled?: boolean } = {}): PagedListState<RowOf<O>> {
  type T = RowOf<O>
  const api = useApi()
  const [rows, setRowsState] = useState<T[] | null>(null)
  const [total, setTotal] = useState<number | null>(null)
  const [complete, setComplete] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const streamId = useRef(0)
  const waiters = useRef<(() => void)[]>([])
  const key = JSON.stringify(filter)
  const enabled = options.enabled ?? true
  const rowIdRef = useRef(rowId)
  rowIdRef.current = rowId

  const start = useCallback(
    async (mode: 'show' | 'swap') => {
      const id = ++streamId.current
      setComplete(false)
      // A new filter's count is unknown until its first page; a reload keeps the one shown.
      if (mode === 'show') setTotal(null)
      const base = JSON.parse(key) as Record<string, unknown>
      const buffer: T[] = []
      const outcome = await streamPages<T, unknown>({
        fetchPage: (after, limit) => api.call(op, { ...base, ...(after === undefined ? {} : { after }), limit } as Input<O>) as Promise<never>,
        sizes: pageSizes(),
        isLive: () => id === streamId.current,
        // Only a first load is shown page by page; a reload swaps the rows once it has them all.
        afterFirst: mode === 'show' ? nextFrame : undefined,
        onPage: (page, index) => {
          setTotal(page.total)
          if (mode === 'swap') buffer.push(...page.rows)
          else if (index === 0) setRowsState(page.rows)
          else setRowsState((current) => appendPage(current ?? [], page.rows, rowIdRef.current))
        }
      })
      if (outcome.status === 'stale') return
      if (outcome.status === 'complete') {
        if (mode === 'swap') setRowsState(appendPage([], buffer, rowIdRef.current))
        setError(null)
      } else setError(outcome.message)
      setComplete(true)
    },
    [api, op, key]
  )

  // A closed screen or a new filter: the running stream stops at its next answer.
  const cancel = useCallback(() => {
    streamId.current++
  }, [])

  useEffect(() => {
    if (!enabled) return
    void start('show')
    return cancel
  }, [start, enabled, cancel])

  // Waiters are released after React committed the last rows, so the grid already holds them.
  useEffect(() => {
    if (!complete || waiters.current.length === 0) return
    const ready = waiters.current
    waiters.current = []
    void nextFrame().then(() => ready.forEach((w) => w()))
  }, [complete, rows])

  const reload = useCallback(() => start('swap'), [start])
  const whenComplete = useCallback(
    () => (complete ? Promise.resolve() : new Promise<void>((resolve) => waiters.current.push(resolve))),
    [complete]
  )
  const setRows = useCallback((update: (current: T[] | null) => T[] | null) => setRowsState(update), [])
  return useMemo(() => ({ rows, total, complete, error, reload, whenComplete, setRows }), [rows, total, complete, error, reload, whenComplete, setRows])
}
