import { useCallback } from 'react'
import { useSearchParams } from 'react-router-dom'
import { useQuery } from '../../hooks/useQuery'
import { RecruitmentWarnings } from './RecruitmentWarnings'
import { RecruitmentWorkspace } from './RecruitmentWorkspace'

/** Recrutement: the warnings, then every slot (or one session's) and the people booked on them. */
export function RecruitmentPage() {
  const [params, setParams] = useSearchParams()
  const sessionFilter = Number(params.get('session')) || null
  const initialEventId = Number(params.get('creneau')) || null
  const warnings = useQuery('recruitment:warnings', {})
  const { reload } = warnings

  const setSession = useCallback(
    (id: number | null) => {
      const next = new URLSearchParams(params)
      if (id === null) next.delete('session')
      else next.set('session', String(id))
      next.delete('creneau')
      setParams(next, { replace: true })
    },
    [params, setParams]
  )

  return (
    <div className="page page--grid page--recruitment" data-testid="recruitment-page">
      <RecruitmentWarnings warnings={warnings.data} />
      <RecruitmentWorkspace fixedSessionId={null} sessionFilter={sessionFilter} onSessionFilterChange={setSession} onChanged={() => void reload()} initialEventId={initialEventId} />
    </div>
  )
}
