import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Input, Op, Output } from '../../../shared/api/contract'
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

/**
 * One read operation of the contract, reloaded when its input changes (compared by value). An
 * answer arriving after a newer request is dropped; `enabled: false` keeps the last data.
 */
export function useQuery<O extends Op>(op: O, input: Input<O>, options: { enabled?: boolean } = {}): QueryState<Output<O>> {
  const api = useApi()
  const [data, setDataState] = useState<Output<O> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const requestId = useRef(0)
  const key = JSON.stringify(input)
  const enabled = options.enabled ?? true

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
    if (enabled) void reload()
  }, [reload, enabled])

  const setData = useCallback((update: (current: Output<O> | null) => Output<O> | null) => setDataState(update), [])
  return useMemo(() => ({ data, error, reload, setData }), [data, error, reload, setData])
}
