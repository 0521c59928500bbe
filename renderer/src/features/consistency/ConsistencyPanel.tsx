import { Link } from 'react-router-dom'
import { formatDateFr } from '@shared/domain/dates'
import { HeadedTable } from '../../components/HeadedTable'
import { Icon } from '../../components/Icon'
import { countLabel } from '../../grid/cellValues'
import { useQuery } from '../../hooks/useQuery'
import { byTrainee, fixHref, kindLabel } from './consistencyFormat'

/**
 * « Contrôle avant facturation » of a session: for each trainee entered, out or dropped out, the
 * hours of the sign-in sheets against the certificat de réalisation and the invoices, and the
 * declared entry and exit dates; every difference with a link to where it is fixed. Read only:
 * overriding a difference (with a reason) happens when the invoice is issued.
 */
export function ConsistencyPanel({ sessionId }: { sessionId: number }) {
  const report = useQuery('consistency:check', { sessionId })
  const data = report.data
  const groups = data ? byTrainee(data.differences) : []

  return (
    <section className="panel consistency" data-testid="consistency-panel" aria-labelledby="consistency-title">
      <header className="panel__header">
        <h3 className="panel__title" id="consistency-title">
          <Icon name={data?.ok ? 'check' : 'alert'} size={16} />
          Contrôle avant facturation
        </h3>
        <span className="panel__meta" aria-live="polite" data-testid="consistency-summary">
          {report.error
            ? report.error
            : data === null
              ? 'Contrôle en cours…'
              : `Au ${formatDateFr(data.asOf)} · ${countLabel(data.checkedEnrolments, 'stagiaire contrôlé', 'stagiaires contrôlés')} · ${
                  data.ok ? 'aucun écart' : countLabel(data.differences.length, 'écart', 'écarts')
                }`}
        </span>
        <button type="button" className="button" onClick={() => void report.reload()} data-testid="consistency-reload">
          <Icon name="refresh" size={16} />
          Contrôler à nouveau
        </button>
      </header>
      <p className="panel__intro">
        Les financeurs rejettent toute facture dont les heures diffèrent des feuilles d’émargement, du certificat de réalisation ou des dates d’entrée et de sortie déclarées. Chaque écart
        se corrige là où il est né ; la facture ne s’émet qu’une fois les écarts levés ou justifiés.
      </p>
      {data?.ok && (
        <p className="consistency__ok" data-testid="consistency-ok">
          <Icon name="check" size={16} /> Tout concorde : émargement, certificats, factures et dates déclarées.
        </p>
      )}
      {groups.length > 0 && (
        <HeadedTable columns={['Stagiaire', 'Contrôle', 'Attendu', 'Constaté', 'Écart', 'Corriger']} className="mini-table consistency__table" testId="consistency-differences">
          {groups.flatMap((g) =>
            g.items.map((d, i) => (
              <tr key={`${d.enrolmentId}-${d.kind}-${i}`} data-testid="consistency-row" data-kind={d.kind}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={g.items.length}>
                    {g.traineeName}
                  </th>
                )}
                <td>{kindLabel(d)}</td>
                <td>{d.expected}</td>
                <td>{d.found}</td>
                <td>{d.message}</td>
                <td>
                  <Link to={fixHref(d.fix)} data-testid="consistency-fix">
                    {d.fix.label}
                  </Link>
                </td>
              </tr>
            ))
          )}
        </HeadedTable>
      )}
    </section>
  )
}
