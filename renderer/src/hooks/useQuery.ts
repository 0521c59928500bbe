import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Input, Op, Output } from '@shared/api/contract'
import { useApi } from '../api/ApiContext'

export type QueryState<T> = {
  /** null while the first answer is awaited. */
  data: T | null
  error: string | null
  /** Reloads; resolves once the answer is in (stale answers are ignored). */
  reload: () => Promise<void>
  /** Local change after a command answered (replace a row…) without asking the server again. */
  setData: (update: (current: T | null) => T | null) => void
}

export type QueryOptions = {
  /** false: nothing is asked (the last data stays). */
  enabled?: boolean
  /**
   * false: the data goes back to null when another input is asked or the query is enabled again,
   * for a form that must never show the previous record while the next one loads. Default true
   * (a grid keeps its rows while a new filter is applied). An explicit reload always keeps them.
   */
  keepPrevious?: boolean
}

/**
 * One read operation of the contract, reloaded when its input changes (compared by value). An
 * answer arriving after a newer request is dropped; `enabled: false` keeps the last data.
 */
export function useQuery<O extends Op>(op: O, input: Input<O>, options: QueryOptions = {}): QueryState<Output<O>> {
  const api = useApi()
  const [data, setDataState] = useState<Output<O> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const requestId = useRef(0)
  const key = JSON.stringify(input)
  const enabled = options.enabled ?? true
  const keepPrevious = options.keepPrevious ?? true

  const reload = useCallback(async () => {
    const id = ++requestId.current
    const r = await api.call(op, JSON.parse(key) as Input<O>)
    if (id !== requestId.current) return
    if (r.ok) {
      setDataState(r.value)
      setError(null)
    } else setError(r.error.message)
  }, [api, op, key])

  useEffect(() => {
    if (!enabled) return
    if (!keepPrevious) {
      setDataState(null)
      setError(null)
    }
    void reload()
  }, [reload, enabled, keepPrevious])

  const setData = useCallback((update: (current: Output<O> | null) => Output<O> | null) => setDataState(update), [])
  return useMemo(() => ({ data, error, reload, setData }), [data, error, reload, setData])
}
