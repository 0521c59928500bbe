import { Link } from 'react-router-dom'
import { Icon } from '../../components/Icon'
import { useQuery } from '../../hooks/useQuery'
import { PRIVACY_PARAM } from './PrivacyCard'

const NO_INPUT = {}

/** Dashboard: « N personnes à anonymiser » once people are past the retention period. */
export function PrivacyReminder() {
  const { data } = useQuery('privacy:settings', NO_INPUT)
  if (!data || data.dueCount === 0) return null
  const n = data.dueCount
  return (
    <div className="notice notice--warning" data-testid="privacy-reminder">
      <Icon name="lock" size={16} />
      <div>
        <strong>
          {n} personne{n > 1 ? 's' : ''} à anonymiser
        </strong>{' '}
        : sans activité depuis plus de {data.retentionYears} ans (RGPD).{' '}
        <Link to={`/parametres?${PRIVACY_PARAM}=anonymiser`} data-testid="privacy-reminder-link">
          Voir la liste
        </Link>
      </div>
    </div>
  )
}
