import { AgGridReact } from 'ag-grid-react'
import type { ColDef } from 'ag-grid-community'
import { useMemo } from 'react'
import { registerGridModules } from '../../grid/modules'
import { gridTheme } from '../../grid/theme'

registerGridModules()

type BareRow = { id: number; cells: number[] }

/**
 * Hidden route #/__bench/bare-grid?rows=500: a plain AG Grid with the attendance grid's shape
 * (name, id, 31 days of numbers) and no custom logic — the baseline of attendance.firstRender.
 */
export function BareGridBench() {
  const rowsCount = Math.min(5000, Number(new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('rows')) || 500)
  const rows = useMemo<BareRow[]>(() => Array.from({ length: rowsCount }, (_, i) => ({ id: i + 1, cells: Array.from({ length: 33 }, (_, j) => (i + j) % 8) })), [rowsCount])
  const columns = useMemo<ColDef<BareRow>[]>(
    () => Array.from({ length: 33 }, (_, j) => ({ colId: `c${j}`, headerName: String(j + 1), width: j < 2 ? 140 : 50, pinned: j < 2 ? ('left' as const) : undefined, valueGetter: (p) => p.data?.cells[j] ?? null })),
    []
  )
  return (
    <div className="page page--grid">
      <div
        className="data-grid"
        data-testid="bare-grid"
        ref={(el) => {
          if (el) el.dataset.rows = String(rows.length)
        }}
      >
        <AgGridReact<BareRow>
          theme={gridTheme}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          onFirstDataRendered={(e) => {
            const el = document.querySelector<HTMLElement>('[data-testid="bare-grid"]')
            if (el) {
              el.dataset.rows = String(e.api.getDisplayedRowCount())
              el.dataset.ready = 'true'
            }
          }}
        />
      </div>
    </div>
  )
}
