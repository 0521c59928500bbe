import { Link } from 'react-router-dom'
import { ENROLMENT_STATUSES, ENROLMENT_STATUS_CODES } from '@shared/domain/enrolment'
import { countLabel, formatCount } from '../../grid/cellValues'

/** Enrolments by KAIROS status, in workflow order, with zero rows greyed rather than hidden. */
export function EnrolmentStatusPanel({ byStatus }: { byStatus: Record<string, number> | null }) {
  const counts = ENROLMENT_STATUS_CODES.map((code) => ({ code, label: ENROLMENT_STATUSES[code], n: byStatus?.[code] ?? 0 }))
  const total = counts.reduce((sum, c) => sum + c.n, 0)
  const max = Math.max(1, ...counts.map((c) => c.n))
  return (
    <section className="panel" aria-labelledby="status-panel-title">
      <header className="panel__header">
        <h2 id="status-panel-title" className="panel__title">
          Inscriptions par statut
        </h2>
        <span className="panel__meta" data-testid="enrolments-total">
          {byStatus ? countLabel(total, 'inscription', 'inscriptions') : '…'}
        </span>
      </header>
      <table className="status-table">
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Statut</th>
            <th scope="col">Nombre</th>
            <th scope="col">Répartition</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.code} className={c.n === 0 ? 'status-table__row status-table__row--zero' : 'status-table__row'} data-testid={`status-${c.code}`}>
              <th scope="row" className="status-table__label">
                <Link className="status-table__label-inner" to={`/inscriptions?statuses=${c.code}`} title={`Ouvrir les inscriptions au statut « ${c.label} »`}>
                  <span className={`status-dot status-dot--${c.code}`} aria-hidden="true" />
                  {c.label}
                </Link>
              </th>
              <td className="status-table__count">{formatCount(c.n)}</td>
              <td className="status-table__bar-cell" aria-hidden="true">
                <span className="status-table__bar" style={{ width: `${(c.n / max) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
