import { formatDateFr } from '@shared/domain/dates'
import { ENROLMENT_STATUS_CODES, ENROLMENT_STATUSES } from '@shared/domain/enrolment'
import { Icon } from '../../components/Icon'
import { toggleStatus, type EnrolmentQuery } from './enrolmentQuery'

type Props = {
  query: EnrolmentQuery
  setQuery: (next: EnrolmentQuery) => void
  /** Another day than today for the deadlines (a dashboard counter's day). */
  showToday: boolean
  /** « Nom Prénom » of the trainee filtered on, when the rows say it. */
  traineeName: string | null
}

/** The statuses shown (one chip each, « Tous les statuts » for none), and the day and trainee filters with their remove button. */
export function StatusChips({ query, setQuery, showToday, traineeName }: Props) {
  return (
    <div className="status-chips" role="group" aria-label="Statuts affichés" data-testid="status-chips">
      <button type="button" className="status-chip status-chip--all" aria-pressed={query.statuses === null} onClick={() => setQuery({ ...query, statuses: null })}>
        Tous les statuts
      </button>
      {ENROLMENT_STATUS_CODES.map((s) => (
        <button
          key={s}
          type="button"
          className={`status-chip status-chip--${s}`}
          aria-pressed={query.statuses?.includes(s) ?? false}
          onClick={() => setQuery({ ...query, statuses: toggleStatus(query.statuses, s) })}
          data-testid={`chip-${s}`}
        >
          <span className="status-chip__dot" aria-hidden="true" />
          {s === 'annule' ? 'Annulée' : ENROLMENT_STATUSES[s]}
        </button>
      ))}
      {(showToday || query.traineeId !== null) && <span className="status-chips__divider" aria-hidden="true" />}
      {showToday && query.today !== null && (
        <span className="filter-chip" data-testid="filter-today">
          Échéances au {formatDateFr(query.today)}
          <button type="button" className="filter-chip__remove" aria-label="Calculer les échéances à la date du jour" onClick={() => setQuery({ ...query, today: null })}>
            <Icon name="x" size={12} />
          </button>
        </span>
      )}
      {query.traineeId !== null && (
        <span className="filter-chip" data-testid="filter-trainee">
          Stagiaire : {traineeName ?? `n° ${query.traineeId}`}
          <button type="button" className="filter-chip__remove" aria-label="Retirer le filtre du stagiaire" onClick={() => setQuery({ ...query, traineeId: null })}>
            <Icon name="x" size={12} />
          </button>
        </span>
      )}
    </div>
  )
}
