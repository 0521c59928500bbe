import type { DashboardCounter, DashboardItem } from '@shared/api/areas/dashboard'
import { formatDateFr } from '@shared/domain/dates'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { formatCount } from '../../grid/cellValues'
import { targetAction } from './dashboardTargets'

type Props = {
  panel: { counter: DashboardCounter; note: string } | null
  onClose: () => void
  onOpenItem: (item: DashboardItem, counter: DashboardCounter) => void
}

/** A counter whose rows no screen lists exactly (yet): its rows, shown by the dashboard itself. */
export function CounterListDialog({ panel, onClose, onOpenItem }: Props) {
  if (!panel) return null
  const { counter, note } = panel
  return (
    <Modal
      open
      title={counter.label}
      onClose={onClose}
      size="medium"
      testId="counter-panel"
      footer={
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          Fermer
        </button>
      }
    >
      <div className={`counter-panel counter-panel--${counter.severity}`}>
        <p className="counter-panel__note">
          <Icon name="info" size={15} /> {note}
        </p>
        {counter.items.length === 0 ? (
          <p className="muted">Rien à traiter.</p>
        ) : (
          <ul className="todo-list__items" data-testid="counter-panel-items">
            {counter.items.map((item) => {
              const action = targetAction(item.target)
              const content = (
                <>
                  <span className="todo-item__text">
                    <span className="todo-item__label">{item.label}</span>
                    <span className="todo-item__detail">{item.detail}</span>
                  </span>
                  {item.date && <span className="todo-item__date">{formatDateFr(item.date)}</span>}
                </>
              )
              return (
                <li key={`${item.id}-${item.label}`}>
                  {action.kind === 'panel' ? (
                    <div className="todo-item todo-item--static">{content}</div>
                  ) : (
                    <button type="button" className="todo-item" onClick={() => onOpenItem(item, counter)}>
                      {content}
                      <Icon name="arrowRight" size={14} className="todo-item__chevron" />
                    </button>
                  )}
                </li>
              )
            })}
          </ul>
        )}
        {counter.count > counter.items.length && (
          <p className="muted small">
            Les {formatCount(counter.items.length)} premières lignes sur {formatCount(counter.count)}.
          </p>
        )}
      </div>
    </Modal>
  )
}
