import { Link } from 'react-router-dom'
import { Icon, type IconName } from '../../components/Icon'
import { formatCount } from '../../grid/cellValues'

type Props = { label: string; value: number | null; icon: IconName; to: string; testId: string; hint: string }

export function StatCard({ label, value, icon, to, testId, hint }: Props) {
  return (
    <Link to={to} className="stat-card" data-testid={testId}>
      <span className="stat-card__icon" aria-hidden="true">
        <Icon name={icon} size={20} />
      </span>
      <span className="stat-card__text">
        <span className="stat-card__label">{label}</span>
        <span className="stat-card__value" data-testid={`${testId}-value`}>
          {value === null ? '…' : formatCount(value)}
        </span>
        <span className="stat-card__hint">{hint}</span>
      </span>
    </Link>
  )
}
