import type { ReactNode } from 'react'

/** A column's header: its text, or its text and a class (a narrow or aligned column). */
export type HeadedColumn = string | { label: string; className: string }

type Props = {
  columns: readonly HeadedColumn[]
  /** The scrolling frame around the table. */
  wrapClassName?: string
  className?: string
  testId?: string
  /** The rows of the body. */
  children: ReactNode
}

/** A small read-only table: its frame, one header row naming the columns, then the rows given. */
export function HeadedTable({ columns, wrapClassName = 'mini-table-wrap', className, testId, children }: Props) {
  return (
    <div className={wrapClassName}>
      <table className={className} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) =>
              typeof c === 'string' ? (
                <th key={c} scope="col">
                  {c}
                </th>
              ) : (
                <th key={c.label} scope="col" className={c.className}>
                  {c.label}
                </th>
              )
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
