import { useEffect, useState } from 'react'
import type { DocumentCheck, DocumentKind } from '@shared/api/areas/documents'
import { useApi } from '../../api/ApiContext'
import { KIND_OPTIONS, kindUnavailable, periodKind } from './documentFormat'

export type Target = { sessionId?: number | null; enrolmentIds?: number[] | null }

/** Why a kind cannot apply to anyone of the selection (greyed, with this reason), from its check. */
export function kindRefusal(check: DocumentCheck | undefined): string | null {
  if (!check || check.people.length === 0 || check.ready + check.incomplete > 0) return null
  const reasons = [...new Set(check.people.map((p) => p.refusal).filter((r): r is string => r !== null))]
  return `Ne s’applique à personne de la sélection : ${reasons.slice(0, 2).join(' ; ')}${reasons.length > 2 ? ' ; …' : ''}.`
}

/**
 * Runs documents:check for every kind on the selection (the same rules as generation, nothing
 * written): which kinds apply, who lacks which data, and the month a statement should default to.
 */
export function useDocumentChecks(open: boolean, target: Target, month: string, day: string): { checks: Partial<Record<DocumentKind, DocumentCheck>>; error: string | null; ready: boolean } {
  const api = useApi()
  const [checks, setChecks] = useState<Partial<Record<DocumentKind, DocumentCheck>>>({})
  const [error, setError] = useState<string | null>(null)
  const [ready, setReady] = useState(false)
  const ids = (target.enrolmentIds ?? []).join(',')
  const sessionId = target.sessionId ?? null
  useEffect(() => {
    if (!open || (ids === '' && sessionId === null)) {
      setChecks({})
      setReady(false)
      return
    }
    let stale = false
    setReady(false)
    void (async () => {
      const next: Partial<Record<DocumentKind, DocumentCheck>> = {}
      for (const { value: kind } of KIND_OPTIONS) {
        if (kindUnavailable(kind, target)) continue
        const p = periodKind(kind)
        const period = p === 'month' ? month : p === 'week' ? day : undefined
        const r = await api.call('documents:check', {
          kind,
          ...(sessionId !== null && ids === '' ? { sessionId } : { enrolmentIds: ids.split(',').map(Number) }),
          ...(period ? { period } : {})
        })
        if (stale) return
        if (r.ok) next[kind] = r.value
        else setError(r.error.message)
      }
      if (!stale) {
        setChecks(next)
        setReady(true)
      }
    })()
    return () => {
      stale = true
    }
    // The target is compared through its ids; the object itself is rebuilt on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, open, ids, sessionId, month, day])
  return { checks, error, ready }
}
