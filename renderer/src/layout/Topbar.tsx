import { Link } from 'react-router-dom'
import { Icon } from '../components/Icon'
import { initials } from '../features/clerk/ClerkPicker'
import type { AppState } from '@shared/api/areas/app'

type Props = { title: string; state: AppState; onChangeClerk: () => void }

export function Topbar({ title, state, onChangeClerk }: Props) {
  return (
    <header className="topbar">
      <h1 className="topbar__title" data-testid="screen-title">
        {title}
      </h1>
      <div className="topbar__right">
        {state.organisationName ? (
          <span className="topbar__org" title="Organisme de formation">
            <Icon name="building" size={16} />
            {state.organisationName}
          </span>
        ) : (
          <Link className="topbar__org topbar__org--missing" to="/parametres">
            <Icon name="alert" size={16} />
            Organisme à renseigner
          </Link>
        )}
        <button type="button" className="clerk-button" onClick={onChangeClerk} title="Changer d’utilisateur" data-testid="current-clerk">
          <span className="clerk-chip__avatar" aria-hidden="true">
            {initials(state.clerk?.name ?? '?')}
          </span>
          <span className="clerk-button__name">{state.clerk?.name}</span>
          <span className="visually-hidden"> — changer d’utilisateur</span>
        </button>
      </div>
    </header>
  )
}
