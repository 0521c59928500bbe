import type { GridApi } from 'ag-grid-community'
import { todayIso } from '../../../shared/domain/dates'
import { csvFileName, csvSafe } from './cellValues'

/**
 * French Excel expects semicolons; values are exported as displayed (dates dd/mm/yyyy, labels,
 * amounts). AG Grid prepends a UTF-8 BOM to the file, so Excel reads the accents correctly.
 */
export function exportCsv<T>(api: GridApi<T>, baseName: string): void {
  api.exportDataAsCsv({
    columnSeparator: ';',
    fileName: csvFileName(baseName, todayIso()),
    // Formatters may answer numbers: the rule reads text.
    processCellCallback: (p) => csvSafe(String(p.formatValue(p.value) ?? ''))
  })
}
