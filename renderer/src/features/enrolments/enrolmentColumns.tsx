import type { ColDef } from 'ag-grid-community'
import type { CustomCellRendererProps } from 'ag-grid-react'
import type { EnrolmentRow } from '@shared/api/areas/enrolments'
import { formatDateFr } from '@shared/domain/dates'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import { statusLabel } from '@shared/domain/enrolmentStateMachine'
import { compareText } from '../../grid/cellValues'
import { declarationCell, declarationSortKey, fundingLabel, personName, type DeclarationCell } from './enrolmentFormat'

/** A KAIROS status as a coloured pill; the colour follows the path (waiting, enrolled, in training, ended). */
export function StatusBadge({ status, testId }: { status: EnrolmentStatus; testId?: string }) {
  return (
    <span className={`status-badge status-badge--${status}`} data-testid={testId}>
      {statusLabel(status)}
    </span>
  )
}

function StatusCell(p: CustomCellRendererProps<EnrolmentGridRow>) {
  return p.data ? <StatusBadge status={p.data.status} /> : null
}

/** A grid row: the server's row with its KAIROS cell worked out for the grid's day. */
export type EnrolmentGridRow = EnrolmentRow & { kairos: DeclarationCell; kairosSort: string }

export function toGridRow(row: EnrolmentRow, today: string): EnrolmentGridRow {
  return { ...row, kairos: declarationCell(row, today), kairosSort: declarationSortKey(row) }
}

function DeclarationCellView(p: CustomCellRendererProps<EnrolmentGridRow>) {
  if (!p.data) return null
  const c = p.data.kairos
  if (c.state === 'none') return <span className="cell--faint">—</span>
  return (
    <span className={`kairos-cell kairos-cell--${c.state}`} title={c.title} data-state={c.state}>
      <span className="kairos-cell__dot" aria-hidden="true" />
      {c.text}
    </span>
  )
}

function InterruptionCell(p: CustomCellRendererProps<EnrolmentGridRow>) {
  if (!p.data?.interrupted) return null
  return (
    <span className="flag-pill" title="Une interruption de parcours est en cours aujourd’hui">
      Interrompu
    </span>
  )
}

const plannedText = (r: EnrolmentGridRow): string => {
  if (!r.plannedStartDate && !r.plannedEndDate) return ''
  return `${formatDateFr(r.plannedStartDate) || '…'} → ${formatDateFr(r.plannedEndDate) || '…'}`
}

/** Read-only columns: every change goes through an action (a dated, declared event), never a cell edit. */
export function enrolmentColumns(showSession: boolean): ColDef<EnrolmentGridRow>[] {
  return [
    {
      field: 'status',
      headerName: 'Statut',
      width: 140,
      pinned: 'left',
      cellRenderer: StatusCell,
      valueFormatter: (p) => (p.value ? statusLabel(p.value as EnrolmentStatus) : ''),
      filterValueGetter: (p) => (p.data ? statusLabel(p.data.status) : ''),
      getQuickFilterText: (p) => (p.data ? statusLabel(p.data.status) : ''),
      filter: 'agTextColumnFilter'
    },
    {
      colId: 'person',
      headerName: 'Stagiaire',
      width: 195,
      pinned: 'left',
      valueGetter: (p) => (p.data ? personName(p.data) : ''),
      comparator: compareText,
      filter: 'agTextColumnFilter',
      sort: 'asc',
      tooltipValueGetter: (p) => (p.data ? personName(p.data) : '')
    },
    { field: 'ftId', headerName: 'Identifiant FT', type: 'text', width: 135, cellClass: 'cell--mono' },
    {
      field: 'sessionLabel',
      headerName: 'Session / formation',
      type: 'text',
      width: 230,
      hide: !showSession,
      tooltipValueGetter: (p) => (p.data ? `${p.data.sessionLabel}\n${p.data.trainingTitle}` : '')
    },
    {
      field: 'funding',
      headerName: 'Financement',
      width: 150,
      valueFormatter: (p) => fundingLabel((p.value as EnrolmentGridRow['funding']) ?? null),
      filterValueGetter: (p) => fundingLabel(p.data?.funding ?? null),
      getQuickFilterText: (p) => fundingLabel(p.data?.funding ?? null),
      filter: 'agTextColumnFilter'
    },
    {
      colId: 'planned',
      headerName: 'Dates prévues',
      width: 190,
      valueGetter: (p) => (p.data ? plannedText(p.data) : ''),
      comparator: (_a, _b, na, nb) => compareText(na?.data?.plannedStartDate, nb?.data?.plannedStartDate),
      filter: false
    },
    { field: 'entryDate', headerName: 'Entrée', type: 'dateFr', width: 118 },
    { field: 'exitDate', headerName: 'Sortie', type: 'dateFr', width: 118 },
    {
      colId: 'declaration',
      headerName: 'Déclaration KAIROS',
      headerTooltip: 'Entrée, interruption, sortie : à déclarer dans KAIROS dans les 3 jours (décret 2019-1386)',
      width: 210,
      // Always in sight, whatever the horizontal scroll: the column the clerk works from.
      pinned: 'right',
      cellRenderer: DeclarationCellView,
      valueGetter: (p) => p.data?.kairos.text ?? '',
      comparator: (_a, _b, na, nb) => compareText(na?.data?.kairosSort, nb?.data?.kairosSort),
      filter: 'agTextColumnFilter'
    },
    {
      field: 'interrupted',
      headerName: 'Interruption',
      width: 130,
      cellRenderer: InterruptionCell,
      valueFormatter: (p) => (p.value ? 'Interrompu' : ''),
      getQuickFilterText: (p) => (p.value ? 'Interrompu' : ''),
      filter: false
    },
    { field: 'statusSince', headerName: 'Statut depuis le', type: 'dateFr', width: 155 }
  ]
}
