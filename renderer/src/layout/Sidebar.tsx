import { NavLink, useLocation } from 'react-router-dom'
import { Icon } from '../components/Icon'
import { GROUP_LABELS, navShortcut, SCREENS, screenForPath, type Screen } from '../app/screens'

const groups = Object.keys(GROUP_LABELS) as Screen['group'][]

export function Sidebar({ version }: { version: string }) {
  const current = screenForPath(useLocation().pathname)
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">
          P
        </span>
        <span className="brand__name">Passerelle</span>
      </div>
      <nav className="sidebar__nav" aria-label="Navigation principale">
        {groups.map((group) => (
          <div key={group} className="sidebar__group">
            <p className="sidebar__group-label">{GROUP_LABELS[group]}</p>
            <ul>
              {SCREENS.filter((s) => s.group === group).map((s) => (
                <li key={s.id}>
                  <NavLink
                    to={s.path}
                    end={s.path === '/'}
                    className={({ isActive }) => (isActive || current?.id === s.id ? 'nav-link nav-link--active' : 'nav-link')}
                    title={`${s.title} (${navShortcut(SCREENS.indexOf(s)) ?? ''})`}
                    data-testid={`nav-${s.id}`}
                  >
                    <Icon name={s.icon} />
                    <span>{s.navLabel}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <p className="sidebar__footer">Version {version}</p>
    </aside>
  )
}
