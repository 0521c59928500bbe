/** The header of a grid still to come, so a screen shows what it will hold rather than a blank. */
export function PlannedColumns({ caption, columns, emptyText }: { caption: string; columns: readonly string[]; emptyText: string }) {
  return (
    <section className="preview-grid" aria-label={`${caption} (aperçu des colonnes)`}>
      <header className="preview-grid__caption">
        <span>{caption}</span>
        <span className="muted">Colonnes prévues</span>
      </header>
      <div className="preview-grid__scroll">
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td colSpan={columns.length} className="preview-grid__empty">
                {emptyText}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  )
}
