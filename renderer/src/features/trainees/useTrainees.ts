import { useCallback, useMemo } from 'react'
import type { Trainee } from '@shared/api/areas/trainees'
import { usePagedList } from '../../hooks/usePagedList'

const traineeRowId = (t: Trainee): string => String(t.id)

/**
 * The registry filtered by the server's accent-insensitive search, read page by page (20,000
 * people must not wait for the last one to see the first): a new search restarts the stream.
 */
export function useTrainees(search: string) {
  const trimmed = search.trim()
  const filter = useMemo(() => (trimmed ? { search: trimmed } : {}), [trimmed])
  const { rows, total, complete, error, reload, whenComplete, setRows } = usePagedList('trainees:page', filter, traineeRowId)

  const replaceRow = useCallback((row: Trainee) => setRows((all) => all?.map((t) => (t.id === row.id ? row : t)) ?? all), [setRows])
  const addRow = useCallback((row: Trainee) => setRows((all) => (all ? [...all, row] : [row])), [setRows])
  const removeRow = useCallback((id: number) => setRows((all) => all?.filter((t) => t.id !== id) ?? all), [setRows])

  return { rows, total, complete, error, reload, whenComplete, replaceRow, addRow, removeRow, traineeRowId }
}
