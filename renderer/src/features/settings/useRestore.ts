import { useCallback, useEffect, useState } from 'react'
import { useApi } from '../../api/ApiContext'
import { useAppState } from '../../app/AppStateContext'
import { useToast } from '../../components/Toasts'
import { useCommand } from '../../hooks/useCommand'
import { RESTORED_NOTICE_KEY } from './backupFormat'

/** The backup the clerk asked to restore, awaiting confirmation. */
export type RestoreTarget = { path: string; label: string }

/**
 * The restore flow: a target to confirm, the restore, then a full reload of the page so that
 * every screen reads the restored database. The window's clerk is chosen again first: the
 * restored database may know them under another id (or not yet).
 */
export function useRestore() {
  const api = useApi()
  const toast = useToast()
  const { state } = useAppState()
  const { run, busy, error, setError } = useCommand()
  const [target, setTarget] = useState<RestoreTarget | null>(null)

  // After the reload: say what happened (toasts do not survive a reload).
  useEffect(() => {
    const notice = window.sessionStorage.getItem(RESTORED_NOTICE_KEY)
    if (notice === null) return
    window.sessionStorage.removeItem(RESTORED_NOTICE_KEY)
    toast.show('success', notice)
  }, [toast])

  const ask = useCallback(
    (t: RestoreTarget) => {
      setError(null)
      setTarget(t)
    },
    [setError]
  )
  const cancel = useCallback(() => {
    setError(null)
    setTarget(null)
  }, [setError])

  const confirm = useCallback(async () => {
    if (!target || busy) return
    const r = await run((a) => a.call('backup:restore', { path: target.path }))
    if (!r.ok) return
    const name = state?.clerk?.name
    if (name) await api.call('clerks:select', { name })
    window.sessionStorage.setItem(RESTORED_NOTICE_KEY, `${target.label} restaurée. La base remplacée est gardée dans ${r.value.safetyBackup}.`)
    window.location.reload()
  }, [api, busy, run, state, target])

  return { target, ask, cancel, confirm, busy, error }
}
