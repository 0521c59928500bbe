import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CsvExportModule,
  DateFilterModule,
  EventApiModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  PinnedRowModule,
  QuickFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  type Module
} from 'ag-grid-community'

/**
 * AG Grid Community only, and only the modules the app uses (a smaller bundle). ValidationModule
 * explains misconfigurations in the console: development builds only.
 */
const modules: Module[] = [
  ClientSideRowModelModule,
  ClientSideRowModelApiModule,
  // api.addEventListener is called on some grids (seen on the enrolments grid): AG Grid error #200 without it.
  EventApiModule,
  RowApiModule,
  ScrollApiModule,
  TextFilterModule,
  DateFilterModule,
  NumberFilterModule,
  QuickFilterModule,
  TextEditorModule,
  SelectEditorModule,
  RowSelectionModule,
  CsvExportModule,
  // The grids' export (grid/export): displayed columns, their headings, cell values.
  ColumnApiModule,
  CellApiModule,
  CellStyleModule,
  RowStyleModule,
  ColumnAutoSizeModule,
  TooltipModule,
  LocaleModule,
  // The attendance grid: its totals row, and refreshCells to repaint its selection.
  PinnedRowModule,
  RenderApiModule
]

let registered = false

export function registerGridModules(): void {
  if (registered) return
  registered = true
  ModuleRegistry.registerModules(import.meta.env.DEV ? [...modules, ValidationModule] : modules)
}
