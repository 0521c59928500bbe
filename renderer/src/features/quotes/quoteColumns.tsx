import type { ColDef } from 'ag-grid-community'
import type { CustomCellRendererProps } from 'ag-grid-react'
import type { QuoteRow } from '@shared/api/areas/quotes'
import { QUOTE_FUNDERS } from '@shared/domain/aifQuoteAmounts'
import { formatEuros } from '@shared/domain/money'
import '../../components/statusChip.css'

export const personName = (q: Pick<QuoteRow, 'lastName' | 'firstName'>): string => `${q.lastName.toLocaleUpperCase('fr-FR')} ${q.firstName}`

const STATUS_TONES: Record<QuoteRow['status'], string> = {
  draft: 'neutral',
  sent: 'info',
  accepted: 'info',
  validated: 'success',
  refused: 'danger',
  cancelled: 'muted',
  superseded: 'muted'
}

function StatusCell(p: CustomCellRendererProps<QuoteRow>) {
  if (!p.data) return null
  return (
    <span className={`status-chip status-chip--${STATUS_TONES[p.data.status]}`} data-testid="quote-status">
      {p.data.statusLabel}
    </span>
  )
}

/** « 1 bloquant, 1 alerte », the messages in the tooltip. */
function ChecksCell(p: CustomCellRendererProps<QuoteRow>) {
  const q = p.data
  if (!q) return null
  if (q.findings.length === 0) return <span className="quote-checks quote-checks--ok">Conforme</span>
  const parts = [q.refusalCount > 0 ? `${q.refusalCount} bloquant${q.refusalCount > 1 ? 's' : ''}` : null, q.warningCount > 0 ? `${q.warningCount} alerte${q.warningCount > 1 ? 's' : ''}` : null].filter(Boolean)
  return (
    <span className={`quote-checks ${q.refusalCount > 0 ? 'quote-checks--refusal' : 'quote-checks--warning'}`} title={q.findings.map((f) => f.message).join('\n')} data-testid="quote-checks">
      {parts.join(', ')}
    </span>
  )
}


export function quoteColumns(withSession: boolean): ColDef<QuoteRow>[] {
  const cols: (ColDef<QuoteRow> | null)[] = [
    { field: 'number', headerName: 'N° devis', width: 150, pinned: 'left' },
    { colId: 'person', headerName: 'Stagiaire', width: 180, valueGetter: (p) => (p.data ? personName(p.data) : '') },
    { field: 'ftId', headerName: 'Id. France Travail', width: 130 },
    withSession ? { colId: 'session', headerName: 'Session', width: 220, valueGetter: (p) => p.data?.sessionLabel ?? p.data?.trainingTitle ?? '' } : null,
    { field: 'status', headerName: 'Statut', width: 170, cellRenderer: StatusCell, valueFormatter: (p) => p.data?.statusLabel ?? '', filterValueGetter: (p) => p.data?.statusLabel ?? '' },
    { colId: 'checks', headerName: 'Contrôles', width: 160, cellRenderer: ChecksCell, valueGetter: (p) => (p.data ? p.data.findings.map((f) => f.message).join(' ') : '') },
    { field: 'startDate', headerName: 'Début', width: 110, type: 'dateFr' },
    { field: 'endDate', headerName: 'Fin', width: 110, type: 'dateFr' },
    { field: 'hoursTotal', headerName: 'Heures', width: 90, type: 'hours' },
    { field: 'totalCents', headerName: 'Coût pédagogique', width: 140, type: 'euros' },
    { colId: 'funders', headerName: 'Autres financeurs', width: 200, valueGetter: (p) => (p.data ? p.data.funders.map((f) => `${QUOTE_FUNDERS[f.funder]} ${formatEuros(f.amountCents)}`).join(' ; ') : '') },
    { field: 'franceTravailCents', headerName: 'Part France Travail', width: 150, type: 'euros' },
    { field: 'remainingCents', headerName: 'Reste à charge', width: 120, type: 'euros' },
    { field: 'latestFilingDate', headerName: 'À déposer avant le', width: 140, type: 'dateFr' },
    { field: 'sentOn', headerName: 'Transmis le', width: 115, type: 'dateFr' },
    { field: 'kairosReference', headerName: 'N° KAIROS', width: 130 },
    { field: 'answeredOn', headerName: 'Décision le', width: 115, type: 'dateFr' }
  ]
  return cols.filter((c): c is ColDef<QuoteRow> => c !== null).map((c) => ({ ...c, editable: false }))
}
