import { SCREENS } from '../../app/screens'
import { Icon } from '../../components/Icon'
import { PlannedColumns } from '../../components/PlannedColumns'
import { PLACEHOLDERS, type PlaceholderId } from './placeholders'

/** A screen built by a later issue: what it will hold, its columns and actions, clearly marked. */
export function PlaceholderPage({ id }: { id: PlaceholderId }) {
  const spec = PLACEHOLDERS[id]
  const screen = SCREENS.find((s) => s.id === id)
  return (
    <div className="page" data-testid={`placeholder-${id}`}>
      <section className="panel placeholder-intro">
        <div className="placeholder-intro__head">
          <span className="placeholder-intro__icon" aria-hidden="true">
            <Icon name={screen?.icon ?? 'documents'} size={22} />
          </span>
          <h2 className="panel__title">{screen?.title}</h2>
          <span className="badge badge--soon">En préparation</span>
        </div>
        <p className="placeholder-intro__text">{spec.description}</p>
      </section>

      {spec.grids.map((g) => (
        <PlannedColumns key={g.caption} caption={g.caption} columns={g.columns} emptyText="Ce tableau sera disponible dans une prochaine version." />
      ))}

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
          <h3 className="panel__subtitle">Règles appliquées</h3>
          <ul className="rule-list">
            {spec.rules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  )
}
