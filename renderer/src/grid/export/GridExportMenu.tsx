import type { GridApi } from 'ag-grid-community'
import { useEffect, useRef, useState, type RefObject } from 'react'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { countLabel } from '../cellValues'
import { exportGrid, type ExportFormat, type ExportScope } from './gridExport'
import '../../components/popupMenu.css'
import './gridExport.css'

type Props<T> = {
  /** The grid's API (set in its onGridReady). */
  grid: RefObject<GridApi<T> | null>
  /** File name without day nor extension: « stagiaires » → stagiaires-2026-11-22.xlsx. */
  baseName: string
  /** Sheet name of the XLSX (the grid's label). */
  label: string
  disabled?: boolean
  small?: boolean
  testId?: string
  /** A grid still receiving its pages: « Exporter tout le tableau » waits for the last one. */
  beforeExportAll?: () => Promise<void>
  /** The screen's own exports, listed under the grid's (the invoices' accounting files). */
  extraItems?: ExtraItem[]
}

export type ExtraItem = { text: string; title?: string; testId?: string; onSelect: () => void }

const ITEMS: { scope: ExportScope; format: ExportFormat; text: string }[] = [
  { scope: 'all', format: 'xlsx', text: 'Exporter tout le tableau (Excel)' },
  { scope: 'all', format: 'csv', text: 'Exporter tout le tableau (CSV)' },
  { scope: 'selection', format: 'xlsx', text: 'Exporter la sélection (Excel)' },
  { scope: 'selection', format: 'csv', text: 'Exporter la sélection (CSV)' }
]

/** « Exporter ▾ » of every grid: the whole grid as filtered and sorted, or the selected rows, in Excel or CSV. */
export function GridExportMenu<T>({ grid, baseName, label, disabled = false, small = false, testId = 'grid-export', beforeExportAll, extraItems = [] }: Props<T>) {
  const toast = useToast()
  const [open, setOpen] = useState(false)
  const [selected, setSelected] = useState(0)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent | KeyboardEvent): void => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])

  const toggle = (): void => {
    setSelected(grid.current?.getSelectedNodes().length ?? 0)
    setOpen((o) => !o)
  }

  const run = async (scope: ExportScope, format: ExportFormat): Promise<void> => {
    setOpen(false)
    try {
      if (scope === 'all' && beforeExportAll) await beforeExportAll()
      const api = grid.current
      if (!api) return
      const r = await exportGrid(api, { baseName, label, scope, format })
      toast.show('success', `Fichier « ${r.fileName} » téléchargé (${countLabel(r.rows, 'ligne', 'lignes')}).`)
    } catch {
      toast.show('error', 'L’export n’a pas pu être préparé : réessayez.')
    }
  }

  return (
    <div className="popup-menu" ref={root}>
      <button type="button" className={small ? 'button button--small' : 'button'} aria-haspopup="menu" aria-expanded={open} onClick={toggle} disabled={disabled} data-testid={testId} title="Exporter le tableau en Excel ou en CSV">
        <Icon name="download" size={small ? 15 : 16} />
        Exporter ▾
      </button>
      {open && (
        <div className="popup-menu__list grid-export__list" role="menu" aria-label="Exporter">
          {ITEMS.map((item) => {
            const none = item.scope === 'selection' && selected === 0
            return (
              <button key={`${item.scope}-${item.format}`} type="button" role="menuitem" aria-label={item.text} disabled={none} title={none ? 'Aucune ligne sélectionnée' : undefined} onClick={() => void run(item.scope, item.format)}>
                {item.text}
                {item.scope === 'selection' && selected > 0 ? ` — ${countLabel(selected, 'ligne', 'lignes')}` : ''}
              </button>
            )
          })}
          {extraItems.length > 0 && <div role="separator" className="grid-export__separator" />}
          {extraItems.map((item) => (
            <button
              key={item.text}
              type="button"
              role="menuitem"
              title={item.title}
              data-testid={item.testId}
              onClick={() => {
                setOpen(false)
                item.onSelect()
              }}
            >
              {item.text}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
