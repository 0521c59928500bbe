import { Icon } from '../../components/Icon'
import { PlannedColumns } from '../../components/PlannedColumns'
import type { SessionTab } from '../catalogue/catalogueRoutes'
import { SESSION_TAB_PLACEHOLDERS } from './sessionTabPlaceholders'

/** A tab filled by a later version: what it will hold, its columns and actions, clearly marked. */
export function SessionTabPlaceholderView({ tab }: { tab: Exclude<SessionTab, 'synthese' | 'recrutement' | 'planning'> }) {
  const spec = SESSION_TAB_PLACEHOLDERS[tab]
  return (
    <div className="session-placeholder" data-testid={`session-placeholder-${tab}`}>
      <section className="panel placeholder-intro">
        <div className="placeholder-intro__head">
          <h3 className="panel__title">{spec.title}</h3>
          <span className="badge badge--soon">En préparation</span>
        </div>
        <p className="placeholder-intro__text">{spec.description}</p>
      </section>
      <PlannedColumns caption={spec.title} columns={spec.columns} emptyText="Cet onglet sera disponible dans une prochaine version." />
      <div className="placeholder-columns">
        <section className="panel">
          <h3 className="panel__subtitle">Actions prévues</h3>
          <ul className="check-list">
            {spec.actions.map((a) => (
              <li key={a}>
                <Icon name="check" size={16} />
                <span>{a}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel">
          <h3 className="panel__subtitle">Règle appliquée</h3>
          <ul className="rule-list">
            <li>{spec.rule}</li>
          </ul>
        </section>
      </div>
    </div>
  )
}
