import type { ColTypeDef } from 'ag-grid-community'
import { FrenchDateInput } from './FrenchDateInput'
import {
  compareIsoToFilterDate,
  compareText,
  formatDateCell,
  formatEurosCell,
  formatHoursCell,
  formatTimestampFr,
  parseDateCell,
  parseEurosCell,
  parseHoursCell,
  parseTextCell,
  timestampDay
} from './cellValues'

const rightAligned = { headerClass: 'ag-right-aligned-header', cellClass: 'ag-right-aligned-cell' }

const compareNumbers = (a: unknown, b: unknown): number => (Number(a ?? -Infinity) || 0) - (Number(b ?? -Infinity) || 0)

/**
 * Reusable column types (`type: 'dateFr'` in a column definition). Values stay in their storage
 * form (ISO days, cents, decimal hours); the grid only formats them for display and export, and
 * parses what the user types back into that form.
 */
export const columnTypes: Record<'text' | 'dateFr' | 'hours' | 'euros' | 'integer' | 'timestamp', ColTypeDef> = {
  text: {
    filter: 'agTextColumnFilter',
    comparator: compareText,
    valueParser: (p) => parseTextCell(p.newValue)
  },
  dateFr: {
    width: 130,
    filter: 'agDateColumnFilter',
    filterParams: { comparator: compareIsoToFilterDate },
    dateComponent: FrenchDateInput,
    valueFormatter: (p) => formatDateCell(p.value),
    valueParser: (p) => parseDateCell(p.newValue),
    getQuickFilterText: (p) => formatDateCell(p.value),
    cellEditorParams: { useFormatter: true },
    comparator: compareText
  },
  hours: {
    width: 100,
    ...rightAligned,
    filter: 'agNumberColumnFilter',
    valueFormatter: (p) => formatHoursCell(p.value),
    valueParser: (p) => parseHoursCell(p.newValue),
    cellEditorParams: { useFormatter: true },
    comparator: compareNumbers
  },
  euros: {
    width: 130,
    ...rightAligned,
    filter: 'agNumberColumnFilter',
    // The filter is typed in euros, the value is stored in cents.
    filterValueGetter: (p) => {
      const field = p.colDef.field
      const cents = field && p.data ? (p.data as Record<string, unknown>)[field] : null
      return typeof cents === 'number' ? cents / 100 : null
    },
    valueFormatter: (p) => formatEurosCell(p.value),
    valueParser: (p) => parseEurosCell(p.newValue),
    cellEditorParams: { useFormatter: true },
    comparator: compareNumbers
  },
  integer: {
    width: 110,
    ...rightAligned,
    filter: 'agNumberColumnFilter',
    comparator: compareNumbers
  },
  timestamp: {
    width: 150,
    editable: false,
    filter: 'agDateColumnFilter',
    filterParams: { comparator: (filterDate: Date, value: unknown) => compareIsoToFilterDate(filterDate, timestampDay(value)) },
    dateComponent: FrenchDateInput,
    valueFormatter: (p) => formatTimestampFr(p.value),
    getQuickFilterText: (p) => formatTimestampFr(p.value),
    comparator: compareText
  }
}
