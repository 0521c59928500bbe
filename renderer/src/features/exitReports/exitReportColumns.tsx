import type { ColDef } from 'ag-grid-community'
import type { CustomCellRendererProps } from 'ag-grid-react'
import type { ExitReportRow } from '@shared/api/areas/exitReports'
import { CERTIFICATION_RESULT_CODES } from '@shared/domain/documents'
import { formatHours, parseHours } from '@shared/domain/hours'
import { invalidInput } from '../../grid/cellValues'
import { certificationLabel, certificationLongLabel, EXIT_STATUS_LABELS, exitReasonLabel, personLabel } from './exitReportFormat'

function StatusCell(p: CustomCellRendererProps<ExitReportRow>) {
  if (!p.data) return null
  const s = p.data.status
  return <span className={`status-badge status-badge--${s}`}>{EXIT_STATUS_LABELS[s]}</span>
}

function HoursCell(p: CustomCellRendererProps<ExitReportRow>) {
  if (!p.data) return null
  const r = p.data
  if (r.hoursOverrideReason === null) return <span>{formatHours(r.hoursCompleted)}</span>
  return (
    <span className="hours-override" title={`Corrigé : ${r.hoursOverrideReason}`} data-testid="hours-override">
      {formatHours(r.hoursCompleted)}
      <span className="hours-override__mark" aria-label={`heures corrigées : ${r.hoursOverrideReason}`}>
        *
      </span>
    </span>
  )
}

const parseReportHours = (raw: unknown) => {
  const text = raw == null ? '' : String(raw).trim()
  if (text === '') return null
  const r = parseHours(text, { max: 5000 })
  return r.ok ? r.value : invalidInput(r.message, text)
}

/** The « Bilans » grid: the report's fields are edited in place, the rest comes from the enrolment and attendance. */
export const exitReportColumns: ColDef<ExitReportRow>[] = [
  {
    colId: 'person',
    headerName: 'Stagiaire',
    width: 190,
    pinned: 'left',
    editable: false,
    valueGetter: (p) => (p.data ? personLabel(p.data) : ''),
    sort: 'asc'
  },
  { field: 'status', headerName: 'Statut', width: 130, editable: false, cellRenderer: StatusCell, valueFormatter: (p) => (p.data ? EXIT_STATUS_LABELS[p.data.status] : '') },
  { field: 'exitDate', headerName: 'Sortie', type: 'dateFr', width: 120 },
  {
    field: 'exitReason',
    headerName: 'Motif',
    type: 'text',
    width: 200,
    valueFormatter: (p) => exitReasonLabel(typeof p.value === 'string' ? p.value : null),
    getQuickFilterText: (p) => exitReasonLabel(typeof p.value === 'string' ? p.value : null),
    cellEditorParams: { useFormatter: true }
  },
  { field: 'hoursComputed', headerName: 'Heures calculées', headerTooltip: 'Somme des heures saisies dans l’assiduité', type: 'hours', width: 150, editable: false },
  {
    field: 'hoursCompleted',
    headerName: 'Heures retenues',
    headerTooltip: 'Les heures du bilan : celles de l’assiduité, sauf correction motivée',
    type: 'hours',
    width: 150,
    valueParser: (p) => parseReportHours(p.newValue),
    cellRenderer: HoursCell
  },
  {
    field: 'certificationResult',
    headerName: 'Certification',
    width: 150,
    filter: 'agTextColumnFilter',
    valueFormatter: (p) => (p.value === '' || p.value == null ? '—' : certificationLabel(p.value, p.data?.civility)),
    filterValueGetter: (p) => certificationLabel(p.data?.certificationResult, p.data?.civility),
    getQuickFilterText: (p) => certificationLabel(p.value, p.data?.civility),
    tooltipValueGetter: (p) => certificationLongLabel(p.value, p.data?.civility),
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: ['', ...CERTIFICATION_RESULT_CODES] },
    valueParser: (p) => p.newValue
  },
  { field: 'skillsAcquired', headerName: 'Compétences acquises', type: 'text', width: 240, tooltipField: 'skillsAcquired' },
  { field: 'nextStep', headerName: 'Suite de parcours', type: 'text', width: 200, tooltipField: 'nextStep' },
  { field: 'comments', headerName: 'Commentaires', type: 'text', width: 240, tooltipField: 'comments' },
  { field: 'updatedAt', headerName: 'Modifié le', type: 'timestamp', width: 150 }
]
