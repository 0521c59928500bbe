import { useCallback, useMemo, useState } from 'react'
import type { AppErrorInfo, Result } from '@shared/api/result'
import type { ApiClient } from '../api/client'
import { useApi } from '../api/ApiContext'
import { useToast } from '../components/Toasts'
import { commandOutcome, localFailure, type CommandOptions } from './commandOutcome'

export type Command = {
  /** Runs one write; `busy` is true meanwhile. Resolves with the answer so the caller can close, replace a row… */
  run: <T>(call: (api: ApiClient) => Promise<Result<T>>, options?: CommandOptions<T>) => Promise<Result<T>>
  busy: boolean
  /** The last refusal's message (server or local), null after a success. */
  error: string | null
  /** The last refusal whole (its field issues, its code). */
  failure: AppErrorInfo | null
  /** Shows a refusal found before sending (or clears it with null). */
  setError: (message: string | null) => void
}

/**
 * Every write of the renderer: one busy flag, one refusal, the toasts through the shared Toasts.
 * The call is a function of the client so that a form may pick its operation (create or update).
 */
export function useCommand(): Command {
  const api = useApi()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)

  const run = useCallback(
    async <T,>(call: (api: ApiClient) => Promise<Result<T>>, options: CommandOptions<T> = {}): Promise<Result<T>> => {
      setBusy(true)
      const r = await call(api)
      setBusy(false)
      const outcome = commandOutcome(r, options)
      setFailure(outcome.failure)
      if (outcome.toast) toast.show(outcome.toast.kind, outcome.toast.message)
      return r
    },
    [api, toast]
  )
  const setError = useCallback((message: string | null) => setFailure(localFailure(message)), [])

  return useMemo(() => ({ run, busy, error: failure?.message ?? null, failure, setError }), [run, busy, failure, setError])
}
