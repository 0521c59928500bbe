import { useSearchParams } from 'react-router-dom'
import { isMonth } from '@shared/domain/attendance'
import { todayIso } from '@shared/domain/dates'
import { AttendanceMonthGrid } from './AttendanceMonthGrid'

const ALL_SESSIONS = 'toutes'

/** « Assiduité mensuelle » (#/assiduite?mois=2026-11&session=3): the month and session live in the address. */
export function AttendancePage() {
  const [params, setParams] = useSearchParams()
  const rawMonth = params.get('mois') ?? ''
  const month = isMonth(rawMonth) ? rawMonth : todayIso().slice(0, 7)
  const session = params.get('session')
  const rawSession = Number(session)
  const sessionId = Number.isInteger(rawSession) && rawSession > 0 ? rawSession : undefined
  // Every session's month is thousands of rows on a large organisation: the screen opens on one
  // session (session=toutes asks for all of them explicitly).
  const all = session === ALL_SESSIONS

  const update = (next: { month?: string; sessionId?: number | null }): void => {
    const p = new URLSearchParams(params)
    if (next.month) p.set('mois', next.month)
    if (next.sessionId === null) p.set('session', ALL_SESSIONS)
    else if (next.sessionId !== undefined) p.set('session', String(next.sessionId))
    setParams(p, { replace: true })
  }

  return (
    <div className="page page--grid" data-testid="attendance-page">
      <AttendanceMonthGrid
        month={month}
        onMonthChange={(m) => update({ month: m })}
        sessionId={sessionId}
        pickSession={sessionId === undefined && !all}
        onSessionChange={(id) => update({ sessionId: id ?? null })}
      />
    </div>
  )
}
