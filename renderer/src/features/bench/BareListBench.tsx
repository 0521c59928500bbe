import { AgGridReact } from 'ag-grid-react'
import type { ColDef } from 'ag-grid-community'
import { useEffect, useMemo, useState } from 'react'
import type { Op } from '@shared/api/contract'
import { useApi } from '../../api/ApiContext'
import { gridTheme } from '../../grid/theme'

type BareRow = Record<string, unknown>

/** The rows of an answer: the answer itself when it is a list, else the list under `path` (« counters »). */
function rowsOf(value: unknown, path: string | null): BareRow[] {
  const picked = path ? (value as Record<string, unknown> | null)?.[path] : value
  if (Array.isArray(picked)) return picked as BareRow[]
  return picked && typeof picked === 'object' ? [picked as BareRow] : []
}

const scalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v)

/**
 * Hidden route #/__bench/bare-list?op=enrolments:list&input={}&path=: the baseline of
 * `npm run bench -- ui` (built only with PASSERELLE_BENCH=1). The same operation as the screen,
 * its rows in a plain AG Grid — one plain column per scalar field, no renderer, no formatter —
 * so that the ratio says what the screen adds on top of fetching and showing its rows.
 */
export function BareListBench() {
  const api = useApi()
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '')
  const op = params.get('op') ?? ''
  const input = params.get('input') ?? '{}'
  const path = params.get('path')
  const [rows, setRows] = useState<BareRow[] | null>(null)

  useEffect(() => {
    let live = true
    void api.call(op as Op, JSON.parse(input) as never).then((r) => {
      if (live) setRows(r.ok ? rowsOf(r.value, path) : [])
    })
    return () => {
      live = false
    }
  }, [api, op, input, path])

  const columns = useMemo<ColDef<BareRow>[]>(() => {
    const first = rows?.[0]
    if (!first) return []
    return Object.keys(first)
      .filter((k) => scalar(first[k]))
      .map((k) => ({ field: k, headerName: k, width: 140 }))
  }, [rows])

  return (
    <div className="page page--grid">
      <div className="data-grid" data-testid="bare-list" data-rows={rows?.length ?? ''}>
        {rows && (
          <AgGridReact<BareRow>
            theme={gridTheme}
            rowData={rows}
            columnDefs={columns}
            suppressColumnVirtualisation
            onFirstDataRendered={(e) => {
              const el = document.querySelector<HTMLElement>('[data-testid="bare-list"]')
              if (el) el.dataset.ready = String(e.api.getDisplayedRowCount())
            }}
          />
        )}
      </div>
    </div>
  )
}

/** Hidden route #/__bench/blank: where each timed navigation of the UI bench starts from (nothing loads). */
export function BlankBench() {
  return <div className="page" data-testid="bench-blank" />
}
