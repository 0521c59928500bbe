import type { DashboardCounter, DashboardItem } from '@shared/api/areas/dashboard'
import { formatDateFr } from '@shared/domain/dates'
import { Icon } from '../../components/Icon'
import { countLabel, formatCount } from '../../grid/cellValues'
import { counterOrder } from './dashboardTargets'

type Props = {
  counters: DashboardCounter[] | null
  asOf: string
  onOpenCounter: (counter: DashboardCounter) => void
  onOpenItem: (item: DashboardItem, counter: DashboardCounter) => void
}

/** The first rows of every counter that has something to do, the late ones first. */
export function TodoLists({ counters, asOf, onOpenCounter, onOpenItem }: Props) {
  const open = counterOrder((counters ?? []).filter((c) => c.count > 0))
  return (
    <section className="panel todo-panel" aria-labelledby="todo-title" data-testid="todo-lists">
      <header className="panel__header">
        <h2 id="todo-title" className="panel__title">
          <Icon name="check" size={16} /> À traiter
        </h2>
        <span className="panel__meta">{counters ? `${countLabel(open.length, 'liste', 'listes')} au ${formatDateFr(asOf)}` : '…'}</span>
      </header>
      {counters !== null && open.length === 0 && (
        <div className="todo-empty" data-testid="todo-empty">
          <span className="todo-empty__icon" aria-hidden="true">
            <Icon name="check" size={20} />
          </span>
          <div>
            <strong>Rien en attente.</strong>
            <p className="muted">Toutes les échéances sont à jour au {formatDateFr(asOf)}.</p>
          </div>
        </div>
      )}
      {open.map((c) => (
        <div key={c.key} className={`todo-list todo-list--${c.severity}`} data-testid={`todo-${c.key}`}>
          <h3 className="todo-list__title">
            <span className="todo-list__count">{formatCount(c.count)}</span>
            {c.label}
          </h3>
          <ul className="todo-list__items">
            {c.items.map((item) => (
              <li key={`${item.id}-${item.label}`}>
                <button type="button" className="todo-item" onClick={() => onOpenItem(item, c)}>
                  <span className="todo-item__text">
                    <span className="todo-item__label">{item.label}</span>
                    <span className="todo-item__detail">{item.detail}</span>
                  </span>
                  {item.date && <span className="todo-item__date">{formatDateFr(item.date)}</span>}
                  <Icon name="arrowRight" size={14} className="todo-item__chevron" />
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="link-button todo-list__more" onClick={() => onOpenCounter(c)}>
            {c.count > c.items.length || c.target.screen === 'enrolments' ? `Ouvrir la liste complète (${formatCount(c.count)})` : 'Ouvrir la liste'} →
          </button>
        </div>
      ))}
    </section>
  )
}
