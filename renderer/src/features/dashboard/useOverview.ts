import { useCallback, useEffect, useState } from 'react'
import type { Overview } from '../../../../shared/api/areas/app'
import { useApi } from '../../api/ApiContext'

export function useOverview(): { overview: Overview | null; error: string | null; reload: () => Promise<void> } {
  const api = useApi()
  const [overview, setOverview] = useState<Overview | null>(null)
  const [error, setError] = useState<string | null>(null)

  const reload = useCallback(async () => {
    const r = await api.call('app:overview', {})
    if (r.ok) {
      setOverview(r.value)
      setError(null)
    } else setError(r.error.message)
  }, [api])

  useEffect(() => {
    void reload()
  }, [reload])

  return { overview, error, reload }
}
