import { HeadedTable } from './HeadedTable'

/** The header of a grid still to come, so a screen shows what it will hold rather than a blank. */
export function PlannedColumns({ caption, columns, emptyText }: { caption: string; columns: readonly string[]; emptyText: string }) {
  return (
    <section className="preview-grid" aria-label={`${caption} (aperçu des colonnes)`}>
      <header className="preview-grid__caption">
        <span>{caption}</span>
        <span className="muted">Colonnes prévues</span>
      </header>
      <HeadedTable columns={columns} wrapClassName="preview-grid__scroll">
        <tr>
          <td colSpan={columns.length} className="preview-grid__empty">
            {emptyText}
          </td>
        </tr>
      </HeadedTable>
    </section>
  )
}
