import { useCallback, useEffect, useRef, useState } from 'react'
import type { Trainee } from '../../../../shared/api/areas/trainees'
import { useApi } from '../../api/ApiContext'

/** The registry filtered by the server's accent-insensitive search; stale answers are ignored. */
export function useTrainees(search: string) {
  const api = useApi()
  const [rows, setRows] = useState<Trainee[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const requestId = useRef(0)

  const reload = useCallback(async () => {
    const id = ++requestId.current
    const trimmed = search.trim()
    const r = await api.call('trainees:list', trimmed ? { search: trimmed } : {})
    if (id !== requestId.current) return
    if (r.ok) {
      setRows(r.value)
      setError(null)
    } else setError(r.error.message)
  }, [api, search])

  useEffect(() => {
    void reload()
  }, [reload])

  const replaceRow = useCallback((row: Trainee) => setRows((all) => all?.map((t) => (t.id === row.id ? row : t)) ?? all), [])
  const addRow = useCallback((row: Trainee) => setRows((all) => (all ? [...all, row] : [row])), [])
  const removeRow = useCallback((id: number) => setRows((all) => all?.filter((t) => t.id !== id) ?? all), [])

  return { rows, error, reload, replaceRow, addRow, removeRow }
}
