import type { ImportableField, TraineeImportPreview } from '@shared/api/areas/traineeImport'
import { HeadedTable, type HeadedColumn } from '../../components/HeadedTable'
import { Icon } from '../../components/Icon'
import { OptionList } from '../../forms/selectField'
import { formatCount } from '../../grid/cellValues'
import { ACTION_LABELS, DONE_LABELS, FIELD_OPTIONS, columnSamples, rowsOf, stripLine, type ImportAction } from './traineeImportFormat'

const ACTION_TONES: Record<ImportAction, string> = {
  create: 'success',
  merge: 'info',
  unchanged: 'muted',
  invalid: 'danger',
  duplicate_in_file: 'warning'
}

type MappingProps = {
  shown: TraineeImportPreview
  mapping: (ImportableField | null)[]
  /** A column choice is changed only on a preview (not while importing). */
  editable: boolean
  moved: string | null
  onChange: (index: number, field: ImportableField | null) => void
}

/** « Colonnes du fichier » : each column, the field it goes to (changeable) and a few of its values. */
export function ImportMappingTable({ shown, mapping, editable, moved, onChange }: MappingProps) {
  return (
    <section className="ti-section" aria-labelledby="ti-mapping-title">
      <h3 id="ti-mapping-title" className="ti-section__title">
        Colonnes du fichier
        <span className="ti-section__hint">reconnues d’après leurs en-têtes ; modifiez un choix si besoin</span>
      </h3>
      {moved && (
        <p className="form-note form-note--warning" role="status">
          <Icon name="info" size={14} /> {moved}
        </p>
      )}
      <HeadedTable columns={['Colonne', 'Importée dans', 'Exemples']} wrapClassName="mini-table-wrap ti-scroll" className="mini-table ti-mapping" testId="trainee-import-mapping">
        {shown.headers.map((h, i) => {
          const samples = columnSamples(shown.sample, i)
          const field = mapping[i] ?? null
          return (
            <tr key={i} className={field === null ? 'ti-mapping__row--ignored' : undefined} data-column={h}>
              <th scope="row" className="ti-mapping__header">
                {h || <span className="cell--faint">(sans titre)</span>}
              </th>
              <td>
                <select
                  className="input input--small"
                  aria-label={`Champ pour la colonne « ${h} »`}
                  value={field ?? ''}
                  disabled={!editable}
                  onChange={(e) => onChange(i, e.target.value === '' ? null : (e.target.value as ImportableField))}
                >
                  <OptionList options={FIELD_OPTIONS} />
                </select>
              </td>
              <td className="ti-mapping__samples">
                {samples.length > 0 ? (
                  samples.map((v) => (
                    <span key={v} className="ti-mapping__sample" title={v}>
                      {v}
                    </span>
                  ))
                ) : (
                  <span className="cell--faint">vide</span>
                )}
              </td>
            </tr>
          )
        })}
      </HeadedTable>
    </section>
  )
}

const ROW_COLUMNS: readonly HeadedColumn[] = [{ label: 'Ligne', className: 'ti-rows__line' }, 'Personne et résultat', 'Détail']

type RowsProps = {
  shown: TraineeImportPreview
  done: boolean
  filter: ImportAction | 'all'
  onShowAll: () => void
}

/** « Lignes » : what each line of the file would do (or did) and why. */
export function ImportRowsTable({ shown, done, filter, onShowAll }: RowsProps) {
  return (
    <section className="ti-section ti-section--rows" aria-labelledby="ti-rows-title">
      <h3 id="ti-rows-title" className="ti-section__title">
        Lignes
        <span className="ti-section__hint">
          {filter === 'all' ? `${formatCount(shown.rows.length)} lignes lues` : `${ACTION_LABELS[filter]} · `}
          {filter !== 'all' && (
            <button type="button" className="link-button" onClick={onShowAll}>
              tout afficher
            </button>
          )}
        </span>
      </h3>
      <HeadedTable columns={ROW_COLUMNS} wrapClassName="mini-table-wrap ti-scroll" className="mini-table ti-rows" testId="trainee-import-rows">
        {rowsOf(shown.rows, filter).map((r) => (
          <tr key={r.line} data-line={r.line} data-action={r.action}>
            <td className="ti-rows__line">{r.line}</td>
            <td>
              <span className="ti-rows__name">{r.name || <span className="cell--faint">(sans nom)</span>}</span>
              <span className="ti-rows__meta">
                <span className={`badge badge--${ACTION_TONES[r.action]}`}>{done ? DONE_LABELS[r.action] : ACTION_LABELS[r.action]}</span>
                {r.ftId && <span className="ti-rows__ft mono">{r.ftId}</span>}
              </span>
            </td>
            <td className="ti-rows__messages">
              {r.messages.length === 0 ? (
                <span className="cell--faint">—</span>
              ) : (
                r.messages.map((m, i) => (
                  <span key={i} className="ti-rows__message" title={m}>
                    {stripLine(m)}
                  </span>
                ))
              )}
            </td>
          </tr>
        ))}
      </HeadedTable>
    </section>
  )
}
