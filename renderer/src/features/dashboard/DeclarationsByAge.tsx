import { Link } from 'react-router-dom'
import type { Dashboard } from '@shared/api/areas/dashboard'
import { countLabel, formatCount } from '../../grid/cellValues'
import { enrolmentsPath } from '../enrolments/enrolmentQuery'
import { barWidths } from './dashboardTargets'

/** Undeclared KAIROS events by age, as plain CSS bars: the older, the redder. */
export function DeclarationsByAge({ buckets, asOf }: { buckets: Dashboard['declarationsByAge'] | null; asOf: string }) {
  const list = buckets ?? []
  const widths = barWidths(list)
  const total = list.reduce((n, b) => n + b.count, 0)
  return (
    <section className="panel" aria-labelledby="age-title" data-testid="declarations-by-age">
      <header className="panel__header">
        <h2 id="age-title" className="panel__title">
          Déclarations KAIROS en attente, par ancienneté
        </h2>
        <span className="panel__meta">{buckets ? countLabel(total, 'événement', 'événements') : '…'}</span>
      </header>
      <table className="age-chart">
        <caption className="visually-hidden">Événements non déclarés dans KAIROS selon le nombre de jours depuis leur date d’effet</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Ancienneté</th>
            <th scope="col">Nombre</th>
          </tr>
        </thead>
        <tbody>
          {list.map((b, i) => (
            <tr key={b.label} className={`age-chart__row age-chart__row--${i}`} data-testid={`age-${i}`}>
              <th scope="row" className="age-chart__label">
                {b.label}
              </th>
              <td className="age-chart__bar-cell">
                <span className="age-chart__track">
                  <span className="age-chart__bar" style={{ width: `${widths[i] ?? 0}%` }} />
                </span>
              </td>
              <td className="age-chart__count">{formatCount(b.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="age-chart__foot">
        Délai légal : 3 jours après la date d’effet (décret 2019-1386).{' '}
        {total > 0 && <Link to={enrolmentsPath({ declaration: 'any_pending', today: asOf })}>Voir les inscriptions concernées</Link>}
      </p>
    </section>
  )
}
