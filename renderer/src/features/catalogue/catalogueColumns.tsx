import type { ColDef, ValueFormatterParams } from 'ag-grid-community'
import type { CustomCellRendererProps } from 'ag-grid-react'
import type { SessionRow, TrainingRow } from '@shared/api/areas/catalogue'
import { RECRUITMENT_STATE_CODES, type RecruitmentState } from '@shared/domain/recruitment'
import { Badge, type BadgeTone } from '../../components/Badge'
import { Icon } from '../../components/Icon'
import { compareIsoToFilterDate, compareText, parseIntegerCell } from '../../grid/cellValues'
import {
  certificationLabel,
  entryModeLabel,
  formatSessionDate,
  fundersText,
  objectiveLabel,
  placeText,
  placesLabel,
  placesRatio,
  recruitmentStateLabel,
  sourceLabel
} from './catalogueFormat'

/** A session row of the grid with the alerts that concern it (recruitment warnings, import flag). */
export type SessionGridRow = SessionRow & { alerts: string[] }

export const STATE_TONES: Record<RecruitmentState, BadgeTone> = { open: 'success', closed: 'neutral', suspended: 'warning' }

export function SourceBadge({ source }: { source: 'local' | 'lheo' }) {
  return (
    <Badge tone={source === 'lheo' ? 'info' : 'muted'} title={source === 'lheo' ? 'Importée du catalogue CARIF-OREF (LHEO)' : 'Saisie dans Passerelle'}>
      {sourceLabel(source)}
    </Badge>
  )
}

export function RecruitmentStateBadge({ state }: { state: RecruitmentState }) {
  return <Badge tone={STATE_TONES[state]}>{recruitmentStateLabel(state)}</Badge>
}

function SourceCell(p: CustomCellRendererProps<SessionGridRow, 'local' | 'lheo'>) {
  return p.value ? <SourceBadge source={p.value} /> : null
}

/** "CARIF", "CARIF · absente du dernier import", "Locale". */
export function trainingSourceText(t: Pick<TrainingRow, 'source' | 'missingFromSource'>): string {
  return t.missingFromSource ? `${sourceLabel(t.source)} · absente du dernier import` : sourceLabel(t.source)
}

function TrainingSourceCell(p: CustomCellRendererProps<TrainingRow>) {
  if (!p.data) return null
  return (
    <span className="inline-badges">
      <SourceBadge source={p.data.source} />
      {p.data.missingFromSource && (
        <Badge tone="warning" title="Présente au catalogue avant le dernier import LHEO, absente du dernier fichier : signalée, jamais supprimée.">
          Absente du dernier import
        </Badge>
      )}
    </span>
  )
}

function StateCell(p: CustomCellRendererProps<SessionGridRow, RecruitmentState>) {
  return p.value ? <RecruitmentStateBadge state={p.value} /> : null
}

function PlacesCell(p: CustomCellRendererProps<SessionGridRow>) {
  if (!p.data) return null
  const ratio = placesRatio(p.data.placesTaken, p.data.capacity)
  const full = p.data.capacity !== null && p.data.placesTaken >= p.data.capacity
  return (
    <span className="places-cell">
      <span className="places-cell__text">{placesLabel(p.data.placesTaken, p.data.capacity)}</span>
      {ratio !== null && (
        <span className="places-cell__bar" aria-hidden="true">
          <span className={`places-cell__fill${full ? ' places-cell__fill--full' : ''}`} style={{ width: `${Math.round(ratio * 100)}%` }} />
        </span>
      )}
    </span>
  )
}

function AlertsCell(p: CustomCellRendererProps<SessionGridRow, string[]>) {
  const alerts = p.value ?? []
  if (alerts.length === 0) return null
  return (
    <span className="alerts-cell" title={alerts.join('\n')} data-testid="session-alerts">
      <Icon name="alert" size={15} />
      <span>{alerts.length}</span>
      <span className="visually-hidden">{alerts.join(' ; ')}</span>
    </span>
  )
}

const dateColumn = (
  field: 'startDate' | 'endDate',
  precision: 'startPrecision' | 'endPrecision',
  headerName: string
): ColDef<SessionGridRow> => ({
  field,
  headerName,
  width: 108,
  editable: false,
  // A date in Excel when the grid shows the day; a month-only LHEO date stays « mars 2027 ».
  context: { exportType: 'date' },
  filter: 'agDateColumnFilter',
  filterParams: { comparator: compareIsoToFilterDate },
  comparator: compareText,
  valueFormatter: (p: ValueFormatterParams<SessionGridRow>) => (p.data ? formatSessionDate(p.data[field], p.data[precision]) : ''),
  getQuickFilterText: (p) => (p.data ? formatSessionDate(p.data[field], p.data[precision]) : ''),
  cellClassRules: { 'cell--faint': (p) => !!p.data && p.data[precision] !== 'day' }
})

/** The catalogue of trainings: read in the grid, edited in the training form. */
export const trainingColumns: ColDef<TrainingRow>[] = [
  {
    field: 'intercarifFormationId',
    headerName: 'N° formation',
    headerTooltip: 'Numéro de formation InterCarif (CARIF-OREF)',
    type: 'text',
    width: 134,
    cellClass: 'cell--mono',
    pinned: 'left'
  },
  { field: 'title', headerName: 'Intitulé', type: 'text', flex: 1, minWidth: 220, sort: 'asc', tooltipField: 'title' },
  {
    colId: 'certification',
    headerName: 'Certification',
    type: 'text',
    width: 150,
    valueGetter: (p) => (p.data ? certificationLabel(p.data) : '')
  },
  { field: 'totalHours', headerName: 'Heures', type: 'hours', width: 82, filter: false },
  { field: 'sessionCount', headerName: 'Sessions', type: 'integer', width: 90, filter: false },
  {
    field: 'nextStart',
    headerName: 'Prochaine entrée',
    headerTooltip: 'Début de la prochaine session',
    type: 'dateFr',
    width: 158,
    // « mars 2027 » for a session the catalogue dates by its month only, as on the sessions grid.
    valueFormatter: (p) => (p.data ? formatSessionDate(p.data.nextStart, p.data.nextStartPrecision ?? 'day') : ''),
    getQuickFilterText: (p) => (p.data ? formatSessionDate(p.data.nextStart, p.data.nextStartPrecision ?? 'day') : '')
  },
  {
    field: 'source',
    headerName: 'Source',
    headerTooltip: 'CARIF : importée du catalogue CARIF-OREF (LHEO) ; locale : créée dans Passerelle',
    width: 200,
    cellRenderer: TrainingSourceCell,
    valueFormatter: (p) => (p.data ? trainingSourceText(p.data) : ''),
    filterValueGetter: (p) => (p.data ? trainingSourceText(p.data) : ''),
    getQuickFilterText: (p) => (p.data ? trainingSourceText(p.data) : '')
  },
  { field: 'formacode', headerName: 'Formacode', type: 'text', width: 122, cellClass: 'cell--mono' },
  {
    field: 'objectiveCode',
    headerName: 'Objectif',
    type: 'text',
    width: 200,
    valueFormatter: (p) => objectiveLabel(typeof p.value === 'number' ? p.value : null),
    filterValueGetter: (p) => objectiveLabel(p.data?.objectiveCode ?? null),
    getQuickFilterText: (p) => objectiveLabel(typeof p.value === 'number' ? p.value : null),
    tooltipValueGetter: (p) => objectiveLabel(typeof p.value === 'number' ? p.value : null)
  },
  { field: 'updatedAt', headerName: 'Modifiée le', type: 'timestamp', width: 150 }
]

/**
 * The sessions: capacity and recruitment state are the organisation's own (editable here, even on
 * an imported session); everything the CARIF-OREF describes is read-only.
 */
export const sessionColumns: ColDef<SessionGridRow>[] = [
  { field: 'trainingTitle', headerName: 'Formation', type: 'text', width: 190, pinned: 'left', editable: false, tooltipField: 'trainingTitle' },
  {
    field: 'alerts',
    headerName: 'Alertes',
    headerTooltip: 'Recrutement ouvert sans créneau à venir, capacité dépassée, session absente du dernier import',
    width: 76,
    editable: false,
    cellRenderer: AlertsCell,
    valueFormatter: (p) => (Array.isArray(p.value) ? p.value.join(' ; ') : ''),
    comparator: (a: unknown, b: unknown) => (Array.isArray(a) ? a.length : 0) - (Array.isArray(b) ? b.length : 0),
    // « Avec alertes » above the grid filters them; the messages are in the tooltip.
    filter: false
  },
  {
    field: 'intercarifSessionId',
    headerName: 'N° session',
    headerTooltip: 'Numéro de session CARIF',
    type: 'text',
    width: 118,
    cellClass: 'cell--mono',
    editable: false
  },
  dateColumn('startDate', 'startPrecision', 'Début'),
  dateColumn('endDate', 'endPrecision', 'Fin'),
  {
    colId: 'place',
    headerName: 'Lieu',
    type: 'text',
    width: 146,
    editable: false,
    valueGetter: (p) => (p.data ? placeText(p.data.placeName, p.data.placeCity) : ''),
    tooltipValueGetter: (p) => (typeof p.value === 'string' ? p.value : '')
  },
  {
    field: 'capacity',
    headerName: 'Capacité',
    headerTooltip: 'Places conventionnées (modifiable : double-clic ou saisie directe)',
    type: 'integer',
    width: 92,
    filter: false,
    editable: true,
    valueParser: (p) => parseIntegerCell(p.newValue, 'La capacité', 0, 1000)
  },
  {
    field: 'placesTaken',
    headerName: 'Places prises',
    headerTooltip: 'Inscriptions qui occupent une place (retenu, à valider, inscrit, entré) sur la capacité',
    width: 128,
    editable: false,
    cellRenderer: PlacesCell,
    valueFormatter: (p) => (p.data ? placesLabel(p.data.placesTaken, p.data.capacity) : ''),
    filter: false
  },
  {
    field: 'recruitmentState',
    headerName: 'Recrutement',
    headerTooltip: 'État du recrutement (modifiable : double-clic ou Entrée)',
    width: 136,
    editable: true,
    cellRenderer: StateCell,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: [...RECRUITMENT_STATE_CODES], valueListMaxHeight: 120 },
    valueFormatter: (p) => (typeof p.value === 'string' && p.value in STATE_TONES ? recruitmentStateLabel(p.value as RecruitmentState) : ''),
    valueParser: (p) => p.newValue,
    filterValueGetter: (p) => (p.data ? recruitmentStateLabel(p.data.recruitmentState) : ''),
    getQuickFilterText: (p) => (p.data ? recruitmentStateLabel(p.data.recruitmentState) : ''),
    filter: 'agTextColumnFilter'
  },
  { field: 'nextEventDate', headerName: 'Prochain créneau', headerTooltip: 'Prochaine réunion de recrutement non annulée', type: 'dateFr', width: 150, editable: false },
  {
    field: 'entryMode',
    headerName: 'Mode d’entrée',
    type: 'text',
    width: 150,
    editable: false,
    valueFormatter: (p) => (p.data ? entryModeLabel(p.data.entryMode) : ''),
    filterValueGetter: (p) => (p.data ? entryModeLabel(p.data.entryMode) : ''),
    getQuickFilterText: (p) => (p.data ? entryModeLabel(p.data.entryMode) : ''),
    tooltipValueGetter: (p) => (p.data ? entryModeLabel(p.data.entryMode) : '')
  },
  {
    colId: 'funders',
    headerName: 'Financeurs',
    type: 'text',
    width: 200,
    editable: false,
    valueGetter: (p) => (p.data ? fundersText(p.data.funders) : ''),
    tooltipValueGetter: (p) => (typeof p.value === 'string' ? p.value : '')
  },
  { field: 'intercarifActionId', headerName: 'N° action', headerTooltip: 'Numéro d’action InterCarif', type: 'text', width: 118, cellClass: 'cell--mono', editable: false },
  { field: 'label', headerName: 'Libellé', type: 'text', width: 160, editable: false, hide: false },
  {
    field: 'source',
    headerName: 'Source',
    width: 96,
    editable: false,
    cellRenderer: SourceCell,
    valueFormatter: (p) => (p.data ? sourceLabel(p.data.source) : ''),
    filterValueGetter: (p) => (p.data ? sourceLabel(p.data.source) : ''),
    getQuickFilterText: (p) => (p.data ? sourceLabel(p.data.source) : '')
  }
]

/** Patch of sessions:update for one edited cell. */
export function sessionCellPatch(field: string, value: unknown): { capacity?: number | null; recruitmentState?: RecruitmentState } | null {
  if (field === 'capacity') return { capacity: typeof value === 'number' ? value : null }
  if (field === 'recruitmentState' && typeof value === 'string' && (RECRUITMENT_STATE_CODES as readonly string[]).includes(value)) {
    return { recruitmentState: value as RecruitmentState }
  }
  return null
}
