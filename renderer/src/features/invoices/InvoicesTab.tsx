import type { GridApi } from 'ag-grid-community'
import { useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { InvoiceDetail, InvoiceFilter, InvoiceRow } from '@shared/api/areas/invoices'
import { FOLLOW_UP_LABELS, type FollowUp } from '@shared/domain/invoiceRules'
import { Icon } from '../../components/Icon'
import { countLabel } from '../../grid/cellValues'
import { DataGrid } from '../../grid/DataGrid'
import { GridExportMenu } from '../../grid/export/GridExportMenu'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'
import { downloadBase64 } from '../../lib/downloadBase64'
import { CreateInvoiceDialog } from './CreateInvoiceDialog'
import { invoiceColumns } from './invoiceColumns'
import { InvoiceDialog } from './InvoiceDialog'
import { invoiceIdsFromSearch, invoicesPath } from './invoicesQuery'
import './invoices.css'
import { FormError } from '../../components/FormError'

const rowId = (r: InvoiceRow): string => String(r.id)
const CHOICES: { value: string; label: string; followUp: FollowUp[] }[] = [
  { value: '', label: 'Tous les suivis', followUp: [] },
  { value: 'todo', label: 'À déposer sur Chorus Pro', followUp: ['issued'] },
  { value: 'unpaid', label: 'Non payées', followUp: ['issued', 'deposited', 'partially_paid'] },
  ...(Object.keys(FOLLOW_UP_LABELS) as FollowUp[]).map((f) => ({ value: f, label: FOLLOW_UP_LABELS[f], followUp: [f] }))
]

const ACCOUNTING_TITLE = 'Export pour le comptable : une ligne par ligne de facture, puis les paiements'

/** « Factures » : every invoice and credit note, their follow-up, the accountant's export. */
export function InvoicesTab({ today }: { today: string }) {
  const [choice, setChoice] = useState('')
  const [year, setYear] = useState<number | undefined>(undefined)
  const [search, setSearch] = useState('')
  const [address, setAddress] = useSearchParams()
  const ids = useMemo(() => invoiceIdsFromSearch(address), [address])
  const filter: InvoiceFilter = useMemo(() => ({ ids, followUp: CHOICES.find((c) => c.value === choice)?.followUp, year, search: search || undefined }), [ids, choice, year, search])
  const list = useQuery('invoices:list', filter)
  const { run } = useCommand()
  const [creating, setCreating] = useState(false)
  const [open, setOpen] = useState<InvoiceDetail | null>(null)
  const gridApi = useRef<GridApi<InvoiceRow> | null>(null)
  const columns = useMemo(() => invoiceColumns(), [])
  const years = Array.from({ length: 4 }, (_, k) => Number(today.slice(0, 4)) + 1 - k)

  async function openRow(r: InvoiceRow): Promise<void> {
    const got = await run((api) => api.call('invoices:get', { id: r.id }))
    if (got.ok) setOpen(got.value)
  }
  function changed(i: InvoiceDetail): void {
    setOpen(i)
    void list.reload()
  }
  async function exportFile(format: 'csv' | 'xlsx'): Promise<void> {
    const r = await run((api) => api.call('invoices:export', { ...filter, format }), { success: (f) => `Export comptable : ${f.fileName}` })
    if (r.ok) downloadBase64(r.value)
  }

  const rows = list.data
  return (
    <div className="invoices" data-testid="invoices">
      <div className="toolbar" role="toolbar" aria-label="Factures">
        <select className="input input--auto" aria-label="Suivi" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="invoices-filter-status">
          {CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <select className="input input--auto" aria-label="Année" value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : undefined)} data-testid="invoices-filter-year">
          <option value="">Toutes les années</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <input className="input input--auto" type="search" placeholder="Client, n°, session…" aria-label="Rechercher" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="invoices-search" />
        {ids && (
          <button type="button" className="button" onClick={() => setAddress(new URLSearchParams(invoicesPath().split('?')[1]), { replace: true })} data-testid="invoices-filter-ids">
            {countLabel(ids.length, 'facture', 'factures')} du tableau de bord ×
          </button>
        )}
        <span className="toolbar__count" data-testid="row-count" aria-live="polite">
          {rows === null ? 'Chargement…' : countLabel(rows.length, 'facture', 'factures')}
        </span>
        <div className="toolbar__spacer" />
        <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="invoice-new">
          <Icon name="plus" size={16} />
          Nouvelle facture…
        </button>
        {/* The grid as the clerk sees it, and under it the accountant's files (one line per invoice line, then the payments). */}
        <GridExportMenu
          grid={gridApi}
          baseName="factures"
          label="Factures"
          disabled={!rows?.length}
          testId="invoices-export"
          extraItems={[
            { text: 'Export comptable (Excel)', title: ACCOUNTING_TITLE, testId: 'invoices-export-xlsx', onSelect: () => void exportFile('xlsx') },
            { text: 'Export comptable (CSV)', title: ACCOUNTING_TITLE, testId: 'invoices-export-csv', onSelect: () => void exportFile('csv') }
          ]}
        />
      </div>
      <FormError message={list.error} />
      <DataGrid<InvoiceRow>
        rows={rows}
        columns={columns}
        getRowId={rowId}
        label="Factures"
        testId="invoices-grid"
        onRowActivated={(r) => void openRow(r)}
        rowClass={(r) => (r.followUp === 'cancelled' ? 'row--muted' : undefined)}
        onGridReady={(a) => (gridApi.current = a)}
        noRowsText="Aucune facture pour ces critères."
      />
      <p className="grid-help">Double-clic ou Entrée sur une ligne : la facture, son dépôt sur Chorus Pro, ses paiements et ses avoirs. Une facture émise ne se modifie plus : établissez un avoir.</p>
      <CreateInvoiceDialog
        open={creating}
        today={today}
        onClose={() => setCreating(false)}
        onCreated={(i) => {
          setCreating(false)
          changed(i)
        }}
      />
      <InvoiceDialog
        invoice={open}
        today={today}
        onClose={() => setOpen(null)}
        onChanged={changed}
        onDeleted={() => {
          setOpen(null)
          void list.reload()
        }}
      />
    </div>
  )
}
