import { useEffect } from 'react'
import { formatDateLongFr, todayIso } from '../../../../shared/domain/dates'
import { useAppState, useLoadedAppState } from '../../app/AppStateContext'
import { DemoCard } from './DemoCard'
import { EnrolmentStatusPanel } from './EnrolmentStatusPanel'
import { StatCard } from './StatCard'
import { UpcomingPanel } from './UpcomingPanel'
import { useOverview } from './useOverview'

export function DashboardPage() {
  const state = useLoadedAppState()
  const { refresh } = useAppState()
  const { overview, error, reload } = useOverview()
  // The base may have been filled elsewhere since the shell loaded: "Base vide" must not linger.
  useEffect(() => {
    void refresh()
  }, [refresh])
  const enrolments = overview ? Object.values(overview.enrolmentsByStatus).reduce((a, b) => a + b, 0) : null

  return (
    <div className="page page--dashboard">
      <div className="page-intro">
        <p className="page-intro__date">Aujourd’hui, {formatDateLongFr(todayIso())}</p>
        <p className="page-intro__text">Bonjour {state.clerk?.name.split(' ')[0]}, voici l’état de la base.</p>
      </div>

      {state.empty && (
        <DemoCard
          onLoaded={() => {
            void reload()
            void refresh()
          }}
        />
      )}

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <div className="stat-grid">
        <StatCard label="Formations" value={overview?.trainings ?? null} icon="trainings" to="/formations" testId="stat-trainings" hint="au catalogue" />
        <StatCard label="Sessions" value={overview?.sessions ?? null} icon="attendance" to="/formations" testId="stat-sessions" hint="toutes dates" />
        <StatCard label="Stagiaires" value={overview?.trainees ?? null} icon="trainees" to="/stagiaires" testId="stat-trainees" hint="dans le registre" />
        <StatCard
          label="Recrutement"
          value={overview?.recruitmentEvents ?? null}
          icon="recruitment"
          to="/recrutement"
          testId="stat-recruitment"
          hint="créneaux (réunions, RDV)"
        />
        <StatCard label="Inscriptions" value={enrolments} icon="enrolments" to="/inscriptions" testId="stat-enrolments" hint="tous statuts" />
      </div>

      <div className="dashboard-columns">
        <EnrolmentStatusPanel byStatus={overview?.enrolmentsByStatus ?? null} />
        <UpcomingPanel />
      </div>
    </div>
  )
}
