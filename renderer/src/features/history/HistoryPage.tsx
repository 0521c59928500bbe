import type { ColDef, GridApi } from 'ag-grid-community'
import { useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { AuditLine, AuditVerification } from '@shared/api/areas/audit'
import { useApi } from '../../api/ApiContext'
import { Icon } from '../../components/Icon'
import { countLabel } from '../../grid/cellValues'
import { DataGrid } from '../../grid/DataGrid'
import { GridExportMenu } from '../../grid/export/GridExportMenu'
import { useQuery } from '../../hooks/useQuery'
import { changeSummary, entityLabel, operationLabel } from './historyFormat'
import { FormError } from '../../components/FormError'

const rowId = (l: AuditLine): string => String(l.id)
const PAGE = 200

const COLUMNS: ColDef<AuditLine>[] = [
  { field: 'at', headerName: 'Date', type: 'timestamp', width: 150 },
  { field: 'clerkName', headerName: 'Agent', type: 'text', width: 150 },
  { field: 'operation', headerName: 'Opération', type: 'text', width: 230, valueFormatter: (p) => (p.value ? operationLabel(String(p.value)) : '') },
  { field: 'entity', headerName: 'Objet', type: 'text', width: 150, valueFormatter: (p) => (p.value ? entityLabel(String(p.value)) : '') },
  { field: 'entityId', headerName: 'N°', type: 'text', width: 80 },
  { colId: 'change', headerName: 'Changement', type: 'text', flex: 1, minWidth: 300, valueGetter: (p) => (p.data ? changeSummary(p.data) : '') }
]

/**
 * « Historique »: the audit log, newest first, filtered by clerk, operation, date, a person or an
 * enrolment (`?stagiaire=12`, `?inscription=34` — the links from a trainee's or an enrolment's
 * page), with the check of the log's hash chain.
 */
export function HistoryPage() {
  const api = useApi()
  const [params, setParams] = useSearchParams()
  const [clerk, setClerk] = useState('')
  const [operation, setOperation] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [limit, setLimit] = useState(PAGE)
  const [check, setCheck] = useState<AuditVerification | null>(null)
  const gridApi = useRef<GridApi<AuditLine> | null>(null)
  const traineeId = Number(params.get('stagiaire')) || undefined
  const enrolmentId = Number(params.get('inscription')) || undefined

  const filter = useMemo(
    () => ({
      ...(clerk ? { clerk } : {}),
      ...(operation ? { operation } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(traineeId ? { traineeId } : {}),
      ...(enrolmentId ? { enrolmentId } : {}),
      limit
    }),
    [clerk, operation, from, to, traineeId, enrolmentId, limit]
  )
  const page = useQuery('audit:list', filter)
  const lines = page.data?.lines ?? null
  const person = traineeId ? `du stagiaire n° ${traineeId}` : enrolmentId ? `de l’inscription n° ${enrolmentId}` : null

  async function verify(): Promise<void> {
    const r = await api.call('audit:verify', {})
    if (r.ok) setCheck(r.value)
  }

  return (
    <div className="page page--grid" data-testid="history-page">
      <div className="toolbar" role="toolbar" aria-label="Filtres de l’historique">
        <select className="input input--auto" aria-label="Agent" value={clerk} onChange={(e) => setClerk(e.target.value)} data-testid="history-clerk">
          <option value="">Tous les agents</option>
          {(page.data?.clerks ?? []).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select className="input input--auto" aria-label="Opération" value={operation} onChange={(e) => setOperation(e.target.value)} data-testid="history-operation">
          <option value="">Toutes les opérations</option>
          {(page.data?.operations ?? []).map((o) => (
            <option key={o} value={o}>
              {operationLabel(o)}
            </option>
          ))}
        </select>
        <label className="check">
          Du <input type="date" className="input input--date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="history-from" />
        </label>
        <label className="check">
          au <input type="date" className="input input--date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="history-to" />
        </label>
        {person && (
          <span className="filter-chip" data-testid="history-person">
            Historique {person}
            <button type="button" className="filter-chip__remove" onClick={() => setParams({})} aria-label="Voir tout l’historique" title="Voir tout l’historique">
              ×
            </button>
          </span>
        )}
        <span className="toolbar__count" data-testid="row-count" aria-live="polite">
          {lines === null ? 'Chargement…' : countLabel(lines.length, 'ligne', 'lignes')}
        </span>
        <div className="toolbar__spacer" />
        <GridExportMenu grid={gridApi} baseName="historique" label="Historique" disabled={!lines?.length} />
        <button type="button" className="button" onClick={() => void verify()} title="Recalcule la chaîne d’empreintes du journal" data-testid="history-verify">
          <Icon name="check" size={16} />
          Vérifier l’intégrité
        </button>
      </div>

      {check && (
        <p className={check.ok ? 'notice notice--success' : 'notice notice--danger'} role="status" data-testid="history-check">
          {check.ok
            ? `Journal intègre : ${countLabel(check.rows, 'ligne vérifiée', 'lignes vérifiées')}${check.redacted > 0 ? `, dont ${countLabel(check.redacted, 'anonymisée', 'anonymisées')}` : ''}.`
            : `Journal altéré à la ligne n° ${check.broken?.id ?? '?'} : ${check.broken?.reason ?? ''}.`}
        </p>
      )}
      <FormError message={page.error} />

      <DataGrid<AuditLine> rows={lines} columns={COLUMNS} getRowId={rowId} label="Historique des modifications" testId="history-grid" onGridReady={(a) => (gridApi.current = a)} noRowsText="Aucune modification ne correspond à ces filtres." />

      <p className="grid-help">
        Chaque modification est enregistrée avec son auteur, dans la même transaction. Le journal ne peut être ni modifié ni supprimé ; chaque ligne porte l’empreinte de la
        précédente.
        {page.data?.hasMore && (
          <button type="button" className="link-button" onClick={() => setLimit((n) => Math.min(1000, n + PAGE))} data-testid="history-more">
            Afficher plus
          </button>
        )}
      </p>
    </div>
  )
}
