import { AgGridReact } from 'ag-grid-react'
import type {
  CellEditRequestEvent,
  CellFocusedEvent,
  ColDef,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowSelectionOptions
} from 'ag-grid-community'
import { useCallback, useMemo } from 'react'
import type { Result } from '../../../shared/api/result'
import { useToast } from '../components/Toasts'
import { isInvalidInput, quickFilterMatches, quickFilterParts } from './cellValues'
import { columnTypes } from './columnTypes'
import { gridLocaleFr } from './locale'
import { gridTheme } from './theme'

export type CellEdit<T> = { row: T; field: string; value: unknown; oldValue: unknown }

type Props<T> = {
  rows: T[] | null
  columns: ColDef<T>[]
  getRowId: (row: T) => string
  /** Accessible name of the grid, e.g. "Registre des stagiaires". */
  label: string
  /**
   * Sends one cell edit to the API. The grid never changes its data itself (readOnlyEdit): the
   * row is replaced by the answer through onRowUpdated, and on refusal the French message is
   * shown while the cell keeps its old value.
   */
  onCellEdit?: (edit: CellEdit<T>) => Promise<Result<T>>
  onRowUpdated?: (row: T) => void
  onSelectedRowChanged?: (row: T | null) => void
  onDisplayedCountChanged?: (count: number) => void
  onGridReady?: (api: GridApi<T>) => void
  quickFilterText?: string
  noRowsText?: string
  testId?: string
  /** Registry-sized grids render every column (find-in-page, tests, screen readers); wide month grids may virtualise. */
  virtualiseColumns?: boolean
}

const rowSelection: RowSelectionOptions = { mode: 'singleRow', checkboxes: false, enableClickSelection: true }

export function DataGrid<T>(props: Props<T>) {
  const { rows, columns, getRowId, label, onCellEdit, onRowUpdated, onSelectedRowChanged, onDisplayedCountChanged, onGridReady, quickFilterText, noRowsText, testId, virtualiseColumns = false } = props
  const toast = useToast()

  const defaultColDef = useMemo<ColDef<T>>(
    () => ({ cellDataType: false, sortable: true, resizable: true, filter: true, editable: Boolean(onCellEdit), minWidth: 70 }),
    [onCellEdit]
  )
  const rowId = useCallback((p: GetRowIdParams<T>) => getRowId(p.data), [getRowId])

  const handleEditRequest = useCallback(
    async (e: CellEditRequestEvent<T>) => {
      const field = e.colDef.field
      if (!onCellEdit || !field || !e.data) return
      if (isInvalidInput(e.newValue)) {
        toast.show('error', e.newValue.message)
        return
      }
      if (e.newValue === e.oldValue) return
      const r = await onCellEdit({ row: e.data, field, value: e.newValue, oldValue: e.oldValue })
      if (r.ok) onRowUpdated?.(r.value)
      else toast.show('error', r.error.issues?.[0]?.message ?? r.error.message)
    },
    [onCellEdit, onRowUpdated, toast]
  )

  const handleCellFocused = useCallback((e: CellFocusedEvent<T>) => {
    // Keyboard users select the row they are on, so toolbar actions apply to it.
    if (e.rowIndex == null || e.rowPinned) return
    const node = e.api.getDisplayedRowAtIndex(e.rowIndex)
    if (node && !node.isSelected()) node.setSelected(true, true)
  }, [])

  return (
    <div className="data-grid" data-testid={testId} role="region" aria-label={label}>
      <AgGridReact<T>
        theme={gridTheme}
        localeText={gridLocaleFr}
        columnTypes={columnTypes}
        defaultColDef={defaultColDef}
        columnDefs={columns}
        rowData={rows ?? []}
        loading={rows === null}
        getRowId={rowId}
        readOnlyEdit
        onCellEditRequest={(e) => void handleEditRequest(e)}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        singleClickEdit={false}
        rowSelection={rowSelection}
        onCellFocused={handleCellFocused}
        onSelectionChanged={(e) => onSelectedRowChanged?.(e.api.getSelectedRows()[0] ?? null)}
        onModelUpdated={(e) => onDisplayedCountChanged?.(e.api.getDisplayedRowCount())}
        onGridReady={(e: GridReadyEvent<T>) => onGridReady?.(e.api)}
        quickFilterText={quickFilterText}
        quickFilterParser={quickFilterParts}
        quickFilterMatcher={quickFilterMatches}
        overlayComponentParams={{
          noRows: { overlayText: noRowsText ?? 'Aucune ligne à afficher' },
          noMatchingRows: { overlayText: 'Aucune ligne ne correspond aux filtres' },
          loading: { overlayText: 'Chargement…' }
        }}
        tooltipShowDelay={400}
        suppressColumnVirtualisation={!virtualiseColumns}
      />
    </div>
  )
}
