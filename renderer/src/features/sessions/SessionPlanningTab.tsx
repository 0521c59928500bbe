import { useState } from 'react'
import type { HalfDaySubject, WeekSchedule } from '@shared/api/areas/schedule'
import { todayIso } from '@shared/domain/dates'
import { useApi } from '../../api/ApiContext'
import { useToast } from '../../components/Toasts'
import { useQuery } from '../../hooks/useQuery'
import { SubjectsEditor } from './SubjectsEditor'
import { WeekScheduleEditor } from './WeekScheduleEditor'
import './planning.css'

/** « Planning » tab: the session's weekly timetable and its dated half-day subjects (sign-in sheets). */
export function SessionPlanningTab({ sessionId, onChanged }: { sessionId: number; onChanged: () => void }) {
  const api = useApi()
  const toast = useToast()
  const schedule = useQuery('sessions:schedule', { sessionId })
  const [busy, setBusy] = useState(false)
  const { setData } = schedule

  async function saveWeek(week: WeekSchedule | null): Promise<boolean> {
    setBusy(true)
    const r = await api.call('sessions:saveSchedule', { sessionId, week })
    setBusy(false)
    if (!r.ok) {
      toast.show('error', r.error.message)
      return false
    }
    setData(() => r.value)
    onChanged()
    toast.show('success', week ? 'Horaires enregistrés : le rythme hebdomadaire de la session les suit.' : 'Planning déduit du rythme hebdomadaire rétabli.')
    return true
  }

  async function saveSubjects(subjects: HalfDaySubject[]): Promise<boolean> {
    setBusy(true)
    const r = await api.call('sessions:saveSubjects', { sessionId, subjects })
    setBusy(false)
    if (!r.ok) {
      toast.show('error', r.error.message)
      return false
    }
    setData(() => r.value)
    toast.show('success', 'Sujets de la semaine enregistrés.')
    return true
  }

  if (schedule.error) {
    return (
      <p className="form-error" role="alert">
        {schedule.error}
      </p>
    )
  }
  if (!schedule.data) return <p className="muted">Chargement du planning…</p>
  return (
    <div className="planning" data-testid="session-planning">
      <WeekScheduleEditor schedule={schedule.data} busy={busy} onSave={saveWeek} />
      <SubjectsEditor schedule={schedule.data} today={todayIso()} busy={busy} onSave={saveSubjects} />
    </div>
  )
}
