import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router-dom'
import type { CounterTarget, DashboardCounter, DashboardItem } from '@shared/api/areas/dashboard'
import { formatDateFr, formatDateLongFr, isIsoDate, parseFrenchDate, todayIso } from '@shared/domain/dates'
import { useApi } from '../../api/ApiContext'
import { useAppState, useLoadedAppState } from '../../app/AppStateContext'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { useQuery } from '../../hooks/useQuery'
import { PrivacyReminder } from '../privacy/PrivacyReminder'
import { CounterCards } from './CounterCards'
import { CounterListDialog } from './CounterListDialog'
import { recruitmentEventPath, targetAction } from './dashboardTargets'
import { DeclarationsByAge } from './DeclarationsByAge'
import { DemoCard } from './DemoCard'
import { EnrolmentStatusPanel } from './EnrolmentStatusPanel'
import { StatCard } from './StatCard'
import { TodoLists } from './TodoLists'
import { useOverview } from './useOverview'

/**
 * Tableau de bord, like KAIROS's pilotage page: what must be done today and what is late (each
 * counter opens exactly its rows), the to-do lists, undeclared events by age, then the overview
 * of the base. « Voir le tableau de bord au … » recomputes every deadline as of another day.
 */
export function DashboardPage() {
  const state = useLoadedAppState()
  const { refresh } = useAppState()
  const api = useApi()
  const toast = useToast()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const { overview, error: overviewError, reload: reloadOverview } = useOverview()
  const realToday = todayIso()
  const asOfParam = params.get('date')
  const asOf = asOfParam !== null && isIsoDate(asOfParam) ? asOfParam : realToday
  const dashboard = useQuery('dashboard:get', asOf === realToday ? {} : { today: asOf })
  const { reload: reloadDashboard } = dashboard
  const [dateText, setDateText] = useState(formatDateFr(asOf))
  const [dateError, setDateError] = useState<string | null>(null)
  const [panel, setPanel] = useState<{ counter: DashboardCounter; note: string } | null>(null)

  // The base may have been filled elsewhere since the shell loaded: "Base vide" must not linger.
  useEffect(() => {
    void refresh()
  }, [refresh])
  useEffect(() => {
    setDateText(formatDateFr(asOf))
    setDateError(null)
  }, [asOf])
  // Back to the window after working elsewhere (KAIROS in the browser…): the counters follow.
  const reloadAll = useCallback(() => {
    void reloadDashboard()
    void reloadOverview()
  }, [reloadDashboard, reloadOverview])
  useEffect(() => {
    window.addEventListener('focus', reloadAll)
    return () => window.removeEventListener('focus', reloadAll)
  }, [reloadAll])

  const enrolments = overview ? Object.values(overview.enrolmentsByStatus).reduce((a, b) => a + b, 0) : null
  const counters = dashboard.data && dashboard.data.today === asOf ? dashboard.data.counters : null
  const byAge = dashboard.data && dashboard.data.today === asOf ? dashboard.data.declarationsByAge : null
  const lateTotal = useMemo(() => (counters ?? []).filter((c) => c.severity === 'late').reduce((n, c) => n + c.count, 0), [counters])

  function showAsOf(e?: FormEvent): void {
    e?.preventDefault()
    const r = parseFrenchDate(dateText)
    if (!r.ok) {
      setDateError(r.message)
      return
    }
    const next = new URLSearchParams(params)
    if (r.value === realToday) next.delete('date')
    else next.set('date', r.value)
    setParams(next, { replace: true })
  }

  function backToToday(): void {
    const next = new URLSearchParams(params)
    next.delete('date')
    setParams(next, { replace: true })
  }

  async function openTarget(target: CounterTarget, counter: DashboardCounter): Promise<void> {
    const action = targetAction(target)
    if (action.kind === 'path') {
      navigate(action.path)
      return
    }
    if (action.kind === 'panel') {
      setPanel({ counter, note: action.note })
      return
    }
    const r = await api.call('recruitment:listEvents', { includeCancelled: true })
    const event = r.ok ? r.value.find((e) => e.id === action.eventId) : undefined
    if (event) navigate(recruitmentEventPath(event.sessionId, event.id))
    else toast.show('error', r.ok ? 'Ce créneau de recrutement n’existe plus.' : r.error.message)
  }

  const openCounter = (c: DashboardCounter): void => void openTarget(c.target, c)
  const openItem = (item: DashboardItem, c: DashboardCounter): void => {
    setPanel(null)
    void openTarget(item.target, c)
  }

  const isPast = asOf !== realToday

  return (
    <div className="page page--dashboard" data-testid="dashboard-page">
      <div className="dashboard-head">
        <div className="page-intro">
          <p className="page-intro__date">Aujourd’hui, {formatDateLongFr(realToday)}</p>
          <p className="page-intro__text">
            Bonjour {state.clerk?.name.split(' ')[0]},{' '}
            {counters === null ? 'voici l’état de la base.' : lateTotal > 0 ? `${lateTotal} élément${lateTotal > 1 ? 's' : ''} en retard à traiter en priorité.` : 'aucune échéance en retard.'}
          </p>
        </div>
        <form className="as-of" onSubmit={showAsOf} data-testid="as-of-form">
          <label className="as-of__label" htmlFor="as-of-date">
            Voir le tableau de bord au
          </label>
          <input
            id="as-of-date"
            className="input input--date"
            value={dateText}
            placeholder="jj/mm/aaaa"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={dateError !== null}
            aria-describedby={dateError ? 'as-of-error' : undefined}
            onChange={(e) => {
              setDateText(e.target.value)
              setDateError(null)
            }}
            data-testid="as-of-date"
          />
          <button type="submit" className="button">
            Afficher
          </button>
          {isPast && (
            <button type="button" className="button button--ghost" onClick={backToToday}>
              Aujourd’hui
            </button>
          )}
          <span className="as-of__divider" aria-hidden="true" />
          <button type="button" className="icon-button as-of__refresh" onClick={reloadAll} title="Actualiser les compteurs" aria-label="Actualiser les compteurs" data-testid="dashboard-refresh">
            <Icon name="refresh" size={16} />
          </button>
          {dateError && (
            <p id="as-of-error" className="as-of__error" role="alert">
              {dateError}
            </p>
          )}
        </form>
      </div>

      {isPast && (
        <div className="notice notice--info" data-testid="as-of-notice">
          <Icon name="calendar" size={16} />
          <div>
            <strong>Tableau de bord au {formatDateLongFr(asOf)}.</strong> Les échéances sont calculées à cette date, sur les données enregistrées aujourd’hui ; un
            compteur ouvre la liste des inscriptions avec les échéances de ce jour.
          </div>
        </div>
      )}

      {state.empty && (
        <DemoCard
          onLoaded={() => {
            void reloadOverview()
            void reloadDashboard()
            void refresh()
          }}
        />
      )}

      <PrivacyReminder />

      {(dashboard.error ?? overviewError) && (
        <p className="form-error" role="alert">
          {dashboard.error ?? overviewError}
        </p>
      )}

      {/* "upcoming-panel": the name the first dashboard's test knew these counters by. */}
      <section className="dashboard-section" aria-labelledby="counters-title" data-testid="upcoming-panel">
        <h2 id="counters-title" className="dashboard-section__title">
          Échéances et tâches
        </h2>
        <CounterCards counters={counters} onOpen={openCounter} />
      </section>

      <div className="split-columns dashboard-columns dashboard-columns--pilotage">
        <TodoLists counters={counters} asOf={asOf} onOpenCounter={openCounter} onOpenItem={openItem} />
        <div className="dashboard-side">
          <DeclarationsByAge buckets={byAge} asOf={asOf} />
          <EnrolmentStatusPanel byStatus={overview?.enrolmentsByStatus ?? null} />
        </div>
      </div>

      <section className="dashboard-section" aria-labelledby="overview-title">
        <h2 id="overview-title" className="dashboard-section__title">
          Vue d’ensemble de la base
        </h2>
        <div className="stat-grid">
          <StatCard label="Formations" value={overview?.trainings ?? null} icon="trainings" to="/formations" testId="stat-trainings" hint="au catalogue" />
          <StatCard label="Sessions" value={overview?.sessions ?? null} icon="attendance" to="/formations?vue=sessions" testId="stat-sessions" hint="toutes dates" />
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
      </section>

      <CounterListDialog panel={panel} onClose={() => setPanel(null)} onOpenItem={openItem} />
    </div>
  )
}
