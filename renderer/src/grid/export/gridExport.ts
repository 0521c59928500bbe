import type { Column, GridApi, IRowNode } from 'ag-grid-community'
import { todayIso } from '@shared/domain/dates'
import { buildMatrix, exportFileName, exportTypeOf, matrixToCsv, type ExportColumn, type ExportMatrix, type SourceCell } from './exportMatrix'
import { matrixToXlsx } from './matrixToXlsx'

/*
 * Reads a grid as the clerk sees it — its visible columns in their displayed order (pinned
 * ones included), their headings, the rows in their filtered and sorted order — and saves it as
 * XLSX or CSV. Column types come from the column definitions (`type: 'dateFr'`, or
 * `context: { exportType }`); `context: { export: false }` leaves a column out (buttons).
 */

export type ExportScope = 'all' | 'selection'
export type ExportFormat = 'xlsx' | 'csv'

type ColumnContext = { exportType?: unknown; export?: boolean }

function contextOf(col: Column): ColumnContext {
  const ctx: unknown = col.getColDef().context
  return typeof ctx === 'object' && ctx !== null ? (ctx as ColumnContext) : {}
}

function exportedColumns<T>(api: GridApi<T>): Column[] {
  return api.getAllDisplayedColumns().filter((col) => {
    const def = col.getColDef()
    if (col.getColId().startsWith('ag-Grid-')) return false // the selection checkboxes
    if (contextOf(col).export === false) return false
    return (def.headerName ?? '').trim() !== '' || Boolean(def.field)
  })
}

function exportedRows<T>(api: GridApi<T>, scope: ExportScope): IRowNode<T>[] {
  const nodes: IRowNode<T>[] = []
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data !== undefined && !node.group && (scope === 'all' || node.isSelected())) nodes.push(node)
  })
  return nodes
}

const shownText = (v: unknown): string => (v == null ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '')

/** The grid → the typed matrix (visible columns, displayed order, French headings). */
export function gridMatrix<T>(api: GridApi<T>, scope: ExportScope): ExportMatrix {
  const cols = exportedColumns(api)
  const columns: ExportColumn[] = cols.map((col) => ({
    header: api.getDisplayNameForColumn(col, 'csv') || col.getColId(),
    type: exportTypeOf(col.getColDef().type, contextOf(col).exportType),
    width: Math.min(60, Math.max(8, Math.round(col.getActualWidth() / 7)))
  }))
  const rows: SourceCell[][] = exportedRows(api, scope).map((rowNode) =>
    cols.map((colKey) => ({
      raw: api.getCellValue({ rowNode, colKey }),
      shown: shownText(api.getCellValue({ rowNode, colKey, useFormatter: true }))
    }))
  )
  return buildMatrix(columns, rows)
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
}

function saveBytes(bytes: Uint8Array | string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Exports a grid and downloads the file; answers its name and row count (for the toast). */
export async function exportGrid<T>(api: GridApi<T>, opts: { baseName: string; label: string; scope: ExportScope; format: ExportFormat }): Promise<{ fileName: string; rows: number }> {
  const matrix = gridMatrix(api, opts.scope)
  const fileName = exportFileName(opts.baseName, opts.scope, todayIso(), opts.format)
  const bytes = opts.format === 'csv' ? matrixToCsv(matrix) : await matrixToXlsx(matrix, opts.label)
  saveBytes(bytes, fileName, MIME[opts.format])
  return { fileName, rows: matrix.rows.length }
}
