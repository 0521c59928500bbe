import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { AppState } from '@shared/api/areas/app'
import { useApi } from '../api/ApiContext'

type AppStateValue = {
  state: AppState | null
  error: string | null
  refresh: () => Promise<void>
}

const AppStateContext = createContext<AppStateValue | null>(null)

/** `app:state` (who is working, which organisation, whether the base is empty), shared by the whole shell. */
export function AppStateProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const [state, setState] = useState<AppState | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    const r = await api.call('app:state', {})
    if (r.ok) {
      setState(r.value)
      setError(null)
    } else {
      setError(r.error.message)
    }
  }, [api])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const value = useMemo(() => ({ state, error, refresh }), [state, error, refresh])
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>
}

export function useAppState(): AppStateValue {
  const value = useContext(AppStateContext)
  if (!value) throw new Error('AppStateProvider missing')
  return value
}

/** For screens rendered inside the shell, where the state is known to be loaded. */
export function useLoadedAppState(): AppState {
  const { state } = useAppState()
  if (!state) throw new Error('app state not loaded yet')
  return state
}
