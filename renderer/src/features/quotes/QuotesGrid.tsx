import type { GridApi } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { QuoteFilter, QuoteRow } from '@shared/api/areas/quotes'
import { Icon } from '../../components/Icon'
import { countLabel } from '../../grid/cellValues'
import { DataGrid } from '../../grid/DataGrid'
import { GridExportMenu } from '../../grid/export/GridExportMenu'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'
import { GenerateDocumentsDialog } from '../documents/GenerateDocumentsDialog'
import { quoteColumns } from './quoteColumns'
import { QuoteDialog } from './QuoteDialog'
import './quotes.css'
import { FormError } from '../../components/FormError'

const rowId = (q: QuoteRow): string => String(q.id)

type Props = {
  filter: QuoteFilter
  /** The session column (the all-quotes page) or not (a session's tab). */
  withSession: boolean
  /** Today's civil date (the steps' default date). */
  today: string
  /** Extra toolbar controls on the left (filters). */
  filters?: ReactNode
  /** Bumped by the parent to reload (quotes created). */
  reloadKey?: number
  onChanged?: () => void
}

/**
 * Quotes as a grid: several selected at once for « Marquer transmis » (one date for all) or
 * printing, a double-click or Entrée opens one (amounts, checks, next step), export of the list.
 */
export function QuotesGrid({ filter, withSession, today, filters, reloadKey = 0, onChanged }: Props) {
  const { run, busy } = useCommand()
  const query = useMemo(() => ({ ...filter }), [filter])
  const list = useQuery('quotes:list', query)
  const { setData, reload } = list
  useEffect(() => {
    if (reloadKey > 0) void reload()
  }, [reloadKey, reload])
  const [selection, setSelection] = useState<QuoteRow[]>([])
  const [open, setOpen] = useState<QuoteRow | null>(null)
  const [printing, setPrinting] = useState<QuoteRow[] | null>(null)
  const [filedOn, setFiledOn] = useState(today)
  const gridApi = useRef<GridApi<QuoteRow> | null>(null)
  const columns = useMemo(() => quoteColumns(withSession), [withSession])

  const replace = useCallback(
    (q: QuoteRow) => {
      setData((rows) => rows?.map((r) => (r.id === q.id ? q : r)) ?? null)
      setOpen(q)
      // A new version is a new row, and the old one changed: read the list again.
      if (q.supersedesId !== null) void reload()
      onChanged?.()
    },
    [setData, reload, onChanged]
  )

  const drafts = selection.filter((q) => q.status === 'draft')
  async function markFiled(): Promise<void> {
    const r = await run((api) => api.call('quotes:markFiled', { ids: drafts.map((q) => q.id), date: filedOn }), {
      success: (rows) => `${countLabel(rows.length, 'devis marqué transmis', 'devis marqués transmis')} le ${filedOn.split('-').reverse().join('/')}.`
    })
    if (r.ok) {
      void reload()
      onChanged?.()
    }
  }

  const rows = list.data
  const enrolmentIds = (printing ?? []).map((q) => q.enrolmentId).filter((id): id is number => id !== null)
  return (
    <div className="quotes" data-testid="quotes">
      <div className="toolbar" role="toolbar" aria-label="Devis AIF">
        {filters}
        <span className="toolbar__count" data-testid="row-count" aria-live="polite">
          {rows === null ? 'Chargement…' : countLabel(rows.length, 'devis', 'devis')}
          {selection.length > 0 && <span data-testid="selection-count"> · {countLabel(selection.length, 'coché', 'cochés')}</span>}
        </span>
        <div className="toolbar__spacer" />
        <label className="quotes__filed-on">
          <span>Transmis le</span>
          <input type="date" className="input input--auto" value={filedOn} max={today} onChange={(e) => setFiledOn(e.target.value)} data-testid="bulk-filed-on" />
        </label>
        <button type="button" className="button" disabled={drafts.length === 0 || busy} onClick={() => void markFiled()} title="Les brouillons cochés ont été saisis dans KAIROS à cette date" data-testid="bulk-mark-filed">
          <Icon name="check" size={16} />
          Marquer transmis{drafts.length > 0 ? ` (${drafts.length})` : ''}
        </button>
        <button type="button" className="button" disabled={selection.length === 0} onClick={() => setPrinting(selection)} data-testid="bulk-print">
          <Icon name="file" size={16} />
          Imprimer…
        </button>
        <GridExportMenu grid={gridApi} baseName="devis-aif" label="Devis AIF" disabled={!rows?.length} testId="quotes-export" />
      </div>
      <FormError message={list.error} />
      <DataGrid<QuoteRow>
        rows={rows}
        columns={columns}
        getRowId={rowId}
        label="Devis AIF"
        testId="quotes-grid"
        selection="multiple"
        onSelectionChanged={setSelection}
        onGridReady={(a) => (gridApi.current = a)}
        onRowActivated={setOpen}
        rowClass={(q) => (q.status === 'superseded' || q.status === 'cancelled' ? 'row--muted' : undefined)}
        noRowsText="Aucun devis AIF pour ces critères."
      />
      <p className="grid-help">
        Double-clic ou Entrée sur une ligne : le devis, ses contrôles et l’étape suivante. Un devis transmis ne se modifie plus : faites-en une nouvelle version.
      </p>
      <QuoteDialog quote={open} today={today} onClose={() => setOpen(null)} onChanged={replace} onPrint={(q) => setPrinting([q])} />
      <GenerateDocumentsDialog
        open={printing !== null}
        enrolmentIds={enrolmentIds}
        subject={(printing ?? []).map((q) => `${q.number} (${q.lastName.toLocaleUpperCase('fr-FR')} ${q.firstName})`).join(', ')}
        defaultKind="devis_aif"
        onClose={() => setPrinting(null)}
      />
    </div>
  )
}
