import type { DashboardCounter } from '@shared/api/areas/dashboard'
import { Icon } from '../../components/Icon'
import { formatCount } from '../../grid/cellValues'
import { COUNTER_META, SEVERITY_LABELS, splitLabel } from './dashboardTargets'

type Props = {
  counters: DashboardCounter[] | null
  onOpen: (counter: DashboardCounter) => void
}

/** The pilotage tiles: one per deadline rule, coloured by severity; a click opens exactly its rows. */
export function CounterCards({ counters, onOpen }: Props) {
  if (counters === null) {
    return (
      <div className="counter-grid" aria-busy="true">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="tile-button counter-card counter-card--loading" aria-hidden="true" />
        ))}
      </div>
    )
  }
  return (
    <div className="counter-grid">
      {counters.map((c) => {
        const meta = COUNTER_META[c.key]
        const { title, detail } = splitLabel(c.label, meta.hint)
        return (
          <button
            key={c.key}
            type="button"
            className={`tile-button counter-card counter-card--${c.severity}`}
            onClick={() => onOpen(c)}
            data-testid={`counter-${c.key}`}
            data-severity={c.severity}
            title={c.count > 0 ? `Ouvrir la liste : ${c.label}` : c.label}
          >
            <span className="counter-card__top">
              <span className="counter-card__group">{meta.group}</span>
              <span className="counter-card__icon" aria-hidden="true">
                <Icon name={meta.icon} size={16} />
              </span>
            </span>
            <span className="counter-card__main">
              <span className="tile-figure counter-card__count" data-testid={`counter-${c.key}-count`}>
                {formatCount(c.count)}
              </span>
              <span className="counter-card__state">{SEVERITY_LABELS[c.severity]}</span>
            </span>
            <span className="counter-card__label">{title}</span>
            <span className="counter-card__hint">{detail}</span>
          </button>
        )
      })}
    </div>
  )
}
