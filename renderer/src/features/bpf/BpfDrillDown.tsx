import type { BpfLine } from '@shared/api/areas/bpf'
import { formatDateFr } from '@shared/domain/dates'
import { hoursFr } from '@shared/domain/frenchFormat'
import { formatEuros } from '@shared/domain/money'

/** What one figure is made of: its invoices and credit notes, or its enrolments with their hours. */
export function BpfDrillDown({ line }: { line: BpfLine }) {
  return (
    <section className="panel bpf-drill" data-testid="bpf-drill" aria-labelledby="bpf-drill-title">
      <h3 className="panel__title" id="bpf-drill-title">
        {line.code} — {line.label}
      </h3>
      {line.toComplete && <p className="panel__intro">À compléter : {line.toComplete}.</p>}
      {line.invoices.length > 0 && (
        <div className="mini-table-wrap">
          <table className="mini-table" data-testid="bpf-drill-invoices">
            <thead>
              <tr>
                <th scope="col">N°</th>
                <th scope="col">Nature</th>
                <th scope="col">Date</th>
                <th scope="col">Client</th>
                <th scope="col" className="num">
                  Montant HT
                </th>
              </tr>
            </thead>
            <tbody>
              {line.invoices.map((i) => (
                <tr key={i.id}>
                  <td className="mono">{i.number}</td>
                  <td>{i.kind === 'credit_note' ? 'Avoir' : 'Facture'}</td>
                  <td>{formatDateFr(i.issueDate)}</td>
                  <td>{i.buyerName}</td>
                  <td className="num">{formatEuros(i.signedCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {line.enrolments.length > 0 && (
        <div className="mini-table-wrap">
          <table className="mini-table" data-testid="bpf-drill-enrolments">
            <thead>
              <tr>
                <th scope="col">Stagiaire</th>
                <th scope="col">Session</th>
                <th scope="col" className="num">
                  Heures dans l’exercice
                </th>
              </tr>
            </thead>
            <tbody>
              {line.enrolments.map((e) => (
                <tr key={e.enrolmentId}>
                  <td>{e.traineeName}</td>
                  <td>{e.sessionLabel}</td>
                  <td className="num">{hoursFr(e.hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {line.invoices.length === 0 && line.enrolments.length === 0 && !line.toComplete && <p className="muted">Aucune facture ni aucun stagiaire sur cette ligne.</p>}
    </section>
  )
}
