import { useCallback } from 'react'
import type { Trainee } from '@shared/api/areas/trainees'
import { useQuery } from '../../hooks/useQuery'

/** The registry filtered by the server's accent-insensitive search (a `useQuery`: stale answers are ignored). */
export function useTrainees(search: string) {
  const trimmed = search.trim()
  const { data: rows, error, reload, setData } = useQuery('trainees:list', trimmed ? { search: trimmed } : {})

  const replaceRow = useCallback((row: Trainee) => setData((all) => all?.map((t) => (t.id === row.id ? row : t)) ?? all), [setData])
  const addRow = useCallback((row: Trainee) => setData((all) => (all ? [...all, row] : [row])), [setData])
  const removeRow = useCallback((id: number) => setData((all) => all?.filter((t) => t.id !== id) ?? all), [setData])

  return { rows, error, reload, replaceRow, addRow, removeRow }
}
