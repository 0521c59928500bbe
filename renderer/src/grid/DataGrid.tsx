import { AgGridReact } from 'ag-grid-react'
import type {
  CellDoubleClickedEvent,
  CellEditRequestEvent,
  CellFocusedEvent,
  CellKeyDownEvent,
  ColDef,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowClassParams,
  RowSelectionOptions
} from 'ag-grid-community'
import { useCallback, useMemo } from 'react'
import type { Result } from '@shared/api/result'
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
  /** 'multiple': a checkbox column, Ctrl+click and Shift+click select several rows (bulk actions). */
  selection?: 'single' | 'multiple'
  onSelectionChanged?: (rows: T[]) => void
  /** Enter or double-click on a cell that is not editable: open the row (its detail page). */
  onRowActivated?: (row: T) => void
  /** Extra CSS class of a row (e.g. a cancelled event greyed out). */
  rowClass?: (row: T) => string | undefined
  onDisplayedCountChanged?: (count: number) => void
  onGridReady?: (api: GridApi<T>) => void
  quickFilterText?: string
  noRowsText?: string
  testId?: string
  /** Registry-sized grids render every column (find-in-page, tests, screen readers); wide month grids may virtualise. */
  virtualiseColumns?: boolean
}

const singleSelection: RowSelectionOptions = { mode: 'singleRow', checkboxes: false, enableClickSelection: true }
const multipleSelection: RowSelectionOptions = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: true }
const selectionColumn: ColDef = { width: 44, minWidth: 44, maxWidth: 44, pinned: 'left', resizable: false, sortable: false, filter: false, suppressHeaderMenuButton: true }

export function DataGrid<T>(props: Props<T>) {
  const {
    rows,
    columns,
    getRowId,
    label,
    onCellEdit,
    onRowUpdated,
    onSelectedRowChanged,
    selection = 'single',
    onSelectionChanged,
    onRowActivated,
    rowClass,
    onDisplayedCountChanged,
    onGridReady,
    quickFilterText,
    noRowsText,
    testId,
    virtualiseColumns = false
  } = props
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

  const multiple = selection === 'multiple'
  const handleCellFocused = useCallback(
    (e: CellFocusedEvent<T>) => {
      // Keyboard users select the row they are on, so toolbar actions apply to it. With several
      // rows selectable, the selection is the user's own (Space, Ctrl/Shift+click, checkboxes).
      if (multiple || e.rowIndex == null || e.rowPinned) return
      const node = e.api.getDisplayedRowAtIndex(e.rowIndex)
      if (node && !node.isSelected()) node.setSelected(true, true)
    },
    [multiple]
  )

  const handleKeyDown = useCallback(
    (e: CellKeyDownEvent<T>) => {
      const key = e.event instanceof KeyboardEvent ? e.event.key : null
      if (key !== 'Enter' || !onRowActivated || !e.data || !e.node) return
      if (e.column.isCellEditable(e.node) || e.api.getEditingCells().length > 0) return
      onRowActivated(e.data)
    },
    [onRowActivated]
  )
  const handleDoubleClick = useCallback(
    (e: CellDoubleClickedEvent<T>) => {
      if (!onRowActivated || !e.data || e.column.isCellEditable(e.node)) return
      onRowActivated(e.data)
    },
    [onRowActivated]
  )
  const getRowClass = useCallback((p: RowClassParams<T>) => (rowClass && p.data ? rowClass(p.data) : undefined), [rowClass])

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
        rowSelection={multiple ? multipleSelection : singleSelection}
        selectionColumnDef={multiple ? selectionColumn : undefined}
        onCellFocused={handleCellFocused}
        onCellKeyDown={handleKeyDown}
        onCellDoubleClicked={handleDoubleClick}
        getRowClass={rowClass ? getRowClass : undefined}
        onSelectionChanged={(e) => {
          const selected = e.api.getSelectedRows()
          onSelectedRowChanged?.(selected[0] ?? null)
          onSelectionChanged?.(selected)
        }}
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
