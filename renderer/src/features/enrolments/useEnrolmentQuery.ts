import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { todayIso } from '@shared/domain/dates'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import { parseEnrolmentQuery, toEnrolmentFilter, withEnrolmentQuery, type EnrolmentQuery } from './enrolmentQuery'

/**
 * The enrolments grid's filter, kept in the URL (a dashboard counter opens exactly its rows, Back
 * restores the previous one); the search box writes it after a pause and follows it when the URL
 * changes from elsewhere.
 */
export function useEnrolmentQuery(sessionId: number | null, defaultStatuses: EnrolmentStatus[] | null) {
  const [params, setParams] = useSearchParams()
  // Compared by value: a caller may pass a new array at each render.
  const defaultsKey = defaultStatuses?.join(',') ?? null
  const defaults = useMemo(() => (defaultsKey ? (defaultsKey.split(',') as EnrolmentStatus[]) : null), [defaultsKey])
  const query = useMemo(() => parseEnrolmentQuery(params, defaults), [params, defaults])
  const filter = useMemo(() => toEnrolmentFilter(query, sessionId), [query, sessionId])
  const gridToday = query.today ?? todayIso()

  const setQuery = useCallback(
    (next: EnrolmentQuery) => setParams(withEnrolmentQuery(params, next, defaults, sessionId), { replace: true }),
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

  return { query, filter, gridToday, setQuery, searchText, setSearchText }
}
