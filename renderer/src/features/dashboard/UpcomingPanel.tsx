import { todayIso } from '../../../../shared/domain/dates'
import { Icon } from '../../components/Icon'
import { UPCOMING_COUNTERS, attendanceWindowText } from './deadlines'

/** What the dashboard will watch once sessions, entries and attendance exist: described, not blank. */
export function UpcomingPanel() {
  const today = todayIso()
  return (
    <section className="panel panel--soon" aria-labelledby="upcoming-title" data-testid="upcoming-panel">
      <header className="panel__header">
        <h2 id="upcoming-title" className="panel__title">
          <Icon name="clock" size={16} /> Échéances à surveiller
        </h2>
        <span className="badge badge--soon">Bientôt</span>
      </header>
      <p className="panel__intro">
        Ces compteurs arrivent avec les sessions, les inscriptions et l’assiduité. Chaque matin, ils diront ce qui doit être fait
        aujourd’hui et ce qui est en retard.
      </p>
      <ul className="upcoming-list">
        {UPCOMING_COUNTERS.map((c) => (
          <li key={c.title} className="upcoming-list__item">
            <span className="upcoming-list__count" aria-hidden="true">
              —
            </span>
            <span>
              <span className="upcoming-list__title">{c.title}</span>
              <span className="upcoming-list__rule">
                {c.rule}
                {c.title === 'Assiduité à saisir' && <> {attendanceWindowText(today)}</>}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
