import { Icon } from '../../components/Icon'
import { plural } from './gridText'
import type { Problem, Problems } from './useSaveQueue'

type Props = { problems: Problems; onClose: () => void; onJump: (p: Problem) => void }

/** The cells refused by the last operation, each with its reason; a click goes to the cell. */
export function ProblemsPanel({ problems, onClose, onJump }: Props) {
  return (
    <section className="att-problems" aria-label="Cellules refusées" data-testid="attendance-problems">
      <header className="att-problems__head">
        <Icon name="alert" size={16} />
        <strong>{problems.title}</strong>
        {problems.overflow > 0 && <span className="att-problems__overflow">{plural(problems.overflow, 'cellule hors du tableau n’a pas été collée', 'cellules hors du tableau n’ont pas été collées')}</span>}
        <div className="toolbar__spacer" />
        <button type="button" className="icon-button" aria-label="Fermer la liste" onClick={onClose}>
          ×
        </button>
      </header>
      {problems.items.length > 0 && (
        <div className="att-problems__scroll">
          <table className="att-problems__table">
            <thead>
              <tr>
                <th>Stagiaire</th>
                <th>Jour</th>
                <th>Valeur</th>
                <th>Motif</th>
              </tr>
            </thead>
            <tbody>
              {problems.items.slice(0, 200).map((p, i) => (
                <tr key={`${p.key}-${i}`} onClick={() => onJump(p)} title="Aller à la cellule">
                  <td>{p.who}</td>
                  <td className="mono">{p.day}</td>
                  <td className="mono">{p.input === '' ? '(vide)' : p.input}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {problems.items.length > 200 && <p className="muted">… et {problems.items.length - 200} autres.</p>}
        </div>
      )}
    </section>
  )
}
