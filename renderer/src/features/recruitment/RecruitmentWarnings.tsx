import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { RecruitmentWarning } from '@shared/api/areas/recruitment'
import { Icon } from '../../components/Icon'
import { sessionPath } from '../catalogue/catalogueRoutes'

type Props = { warnings: RecruitmentWarning[] | null; /** On a session page the link to the session itself is useless. */ linkToSession?: boolean }

const KIND_LABELS: Record<RecruitmentWarning['kind'], string> = {
  no_future_slot: 'Sans créneau à venir',
  over_capacity: 'Capacité dépassée'
}

/**
 * « Ne jamais laisser le prescripteur sans modalité de recrutement » : open sessions without an
 * upcoming slot and slots with more people than places, each with a link to its session.
 */
export function RecruitmentWarnings({ warnings, linkToSession = true }: Props) {
  const [expanded, setExpanded] = useState(false)
  if (!warnings || warnings.length === 0) return null
  // Compact by default (one alert): the grids below keep the screen's height.
  const shown = expanded ? warnings : warnings.slice(0, 1)
  return (
    <section className="warning-banner" role="region" aria-label="Alertes de recrutement" data-testid="recruitment-warnings">
      <header className="warning-banner__head">
        <Icon name="alert" size={18} />
        <strong>
          {warnings.length} alerte{warnings.length > 1 ? 's' : ''} de recrutement
        </strong>
        <span className="muted">Une session ouverte doit toujours proposer un créneau à venir au prescripteur.</span>
      </header>
      <ul className={`warning-banner__list${expanded ? ' warning-banner__list--all' : ''}`}>
        {shown.map((w, i) => (
          <li key={`${w.kind}-${w.sessionId}-${w.eventId ?? 0}-${i}`}>
            <span className={`warning-banner__kind warning-banner__kind--${w.kind}`}>{KIND_LABELS[w.kind]}</span>
            <span className="warning-banner__text">{w.message}</span>
            {linkToSession && (
              <Link className="warning-banner__link" to={sessionPath(w.sessionId, 'recrutement')}>
                Ouvrir la session
              </Link>
            )}
          </li>
        ))}
      </ul>
      {warnings.length > 1 && (
        <button type="button" className="link-button" onClick={() => setExpanded((e) => !e)}>
          {expanded ? 'Réduire la liste' : `Voir les ${warnings.length} alertes`}
        </button>
      )}
    </section>
  )
}
