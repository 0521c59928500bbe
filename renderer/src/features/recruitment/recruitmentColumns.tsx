import type { ColDef } from 'ag-grid-community'
import type { CustomCellRendererProps } from 'ag-grid-react'
import type { RecruitmentEventRow, RegistrationRow } from '@shared/api/areas/recruitment'
import { todayIso } from '@shared/domain/dates'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import { PRESENCE_CODES, REGISTRATION_RESULT_CODES, type Presence, type RegistrationResult } from '@shared/domain/recruitment'
import { Badge, type BadgeTone } from '../../components/Badge'
import { Icon } from '../../components/Icon'
import { compareIsoToFilterDate, compareText, parseIntegerCell, parseTextCell } from '../../grid/cellValues'
import {
  adviserText,
  bookedText,
  dateWithWeekday,
  enrolmentStatusLabel,
  eventKindLabel,
  eventState,
  eventStateText,
  prescriberText,
  presenceLabel,
  resultLabel,
  timeRangeText,
  type EventState
} from './recruitmentFormat'

const EVENT_STATE_TONES: Record<EventState, BadgeTone> = { cancelled: 'danger', past: 'muted', today: 'info', upcoming: 'success' }

function EventStateCell(p: CustomCellRendererProps<RecruitmentEventRow>) {
  if (!p.data) return null
  const state = eventState(p.data, todayIso())
  const text = eventStateText(p.data, todayIso())
  return (
    <span className="state-cell" title={text}>
      <Badge tone={EVENT_STATE_TONES[state]}>{state === 'cancelled' ? 'Annulé' : text}</Badge>
      {state === 'cancelled' && p.data.cancelReason && <span className="state-cell__reason">{p.data.cancelReason}</span>}
    </span>
  )
}

function KindCell(p: CustomCellRendererProps<RecruitmentEventRow>) {
  if (!p.data) return null
  return (
    <span className="kind-cell">
      <span>{eventKindLabel(p.data)}</span>
      {p.data.seriesId && (
        <span className="kind-cell__series" title="Fait partie d’une série hebdomadaire">
          <Icon name="refresh" size={13} />
          <span className="visually-hidden">série</span>
        </span>
      )}
    </span>
  )
}

const notCancelled = (p: { data?: RecruitmentEventRow }): boolean => !!p.data && !p.data.cancelled

/** Recruitment slots; place, capacity and comment are edited in the grid (the comment even when cancelled). */
export function eventColumns(showSession: boolean): ColDef<RecruitmentEventRow>[] {
  return [
    {
      field: 'date',
      headerName: 'Date',
      width: 146,
      context: { exportType: 'date' },
      pinned: 'left',
      editable: false,
      filter: 'agDateColumnFilter',
      filterParams: { comparator: compareIsoToFilterDate },
      comparator: compareText,
      valueFormatter: (p) => (p.data ? (p.data.endDate && p.data.endDate !== p.data.date ? `${dateWithWeekday(p.data.date)} →` : dateWithWeekday(p.data.date)) : ''),
      getQuickFilterText: (p) => (p.data ? dateWithWeekday(p.data.date) : '')
    },
    {
      colId: 'hours',
      headerName: 'Horaires',
      width: 114,
      editable: false,
      valueGetter: (p) => (p.data ? timeRangeText(p.data.startTime, p.data.endTime) : ''),
      filter: false
    },
    {
      field: 'kind',
      headerName: 'Type',
      width: 214,
      editable: false,
      cellRenderer: KindCell,
      valueFormatter: (p) => (p.data ? eventKindLabel(p.data) : ''),
      filterValueGetter: (p) => (p.data ? eventKindLabel(p.data) : ''),
      getQuickFilterText: (p) => (p.data ? eventKindLabel(p.data) : '')
    },
    {
      colId: 'state',
      headerName: 'État',
      width: 170,
      editable: false,
      cellRenderer: EventStateCell,
      valueGetter: (p) => (p.data ? eventStateText(p.data, todayIso()) : ''),
      filter: 'agTextColumnFilter'
    },
    {
      field: 'sessionLabel',
      headerName: 'Session',
      type: 'text',
      width: 260,
      editable: false,
      hide: !showSession,
      tooltipField: 'sessionLabel'
    },
    {
      field: 'place',
      headerName: 'Lieu',
      type: 'text',
      width: 170,
      editable: notCancelled,
      tooltipField: 'place',
      valueParser: (p) => parseTextCell(p.newValue)
    },
    {
      field: 'capacity',
      headerName: 'Capacité',
      type: 'integer',
      width: 98,
      filter: false,
      editable: notCancelled,
      valueParser: (p) => parseIntegerCell(p.newValue, 'La capacité', 1, 500)
    },
    {
      field: 'booked',
      headerName: 'Positionnés',
      type: 'integer',
      width: 112,
      filter: false,
      editable: false,
      valueFormatter: (p) => (p.data ? bookedText(p.data.booked, p.data.capacity) : ''),
      cellClassRules: { 'cell--over': (p) => !!p.data && p.data.capacity !== null && p.data.booked > p.data.capacity }
    },
    { field: 'present', headerName: 'Présents', type: 'integer', width: 90, editable: false, filter: false },
    { field: 'retained', headerName: 'Retenus', type: 'integer', width: 86, editable: false, filter: false },
    { field: 'absent', headerName: 'Absents', type: 'integer', width: 86, editable: false, filter: false },
    { field: 'comment', headerName: 'Commentaire', type: 'text', width: 240, editable: true, tooltipField: 'comment', valueParser: (p) => parseTextCell(p.newValue) }
  ]
}

/** Patch of recruitment:updateEvent for one edited cell. */
export function eventCellPatch(field: string, value: unknown): { place?: string | null; capacity?: number | null; comment?: string | null } | null {
  const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : null
  if (field === 'place') return { place: text }
  if (field === 'comment') return { comment: text }
  if (field === 'capacity') return { capacity: typeof value === 'number' ? value : null }
  return null
}

const PRESENCE_TONES: Record<Presence, BadgeTone> = { unknown: 'muted', present: 'success', absent: 'danger' }
const RESULT_TONES: Record<RegistrationResult, BadgeTone> = { retenu: 'success', non_retenu: 'neutral', en_attente: 'warning' }
const ENROLMENT_TONES: Partial<Record<EnrolmentStatus, BadgeTone>> = {
  retenu: 'success',
  inscrit: 'success',
  entre: 'info',
  a_valider: 'warning',
  en_attente: 'warning',
  non_retenu: 'neutral',
  abandon: 'danger',
  annule: 'danger'
}

function PresenceCell(p: CustomCellRendererProps<RegistrationRow, Presence>) {
  if (!p.value) return null
  return (
    <span className="editable-cell">
      <Badge tone={PRESENCE_TONES[p.value]}>{presenceLabel(p.value)}</Badge>
    </span>
  )
}

function ResultCell(p: CustomCellRendererProps<RegistrationRow>) {
  const row = p.data
  if (!row) return null
  if (row.result === null) return <span className="editable-cell cell--faint">{row.presence === 'present' ? 'à saisir' : ''}</span>
  return (
    <span className="editable-cell">
      <Badge tone={RESULT_TONES[row.result]}>{resultLabel(row.result)}</Badge>
    </span>
  )
}

function CodeCell(p: CustomCellRendererProps<RegistrationRow>) {
  const code = p.data?.resultCode
  if (!code) return null
  const title = code === 'ICR' ? 'ICR : retenu' : code === 'ICN' ? 'ICN : non retenu' : 'ICA : absent'
  return (
    <span className={`code-chip code-chip--${code.toLowerCase()}`} title={title}>
      {code}
    </span>
  )
}

function EnrolmentCell(p: CustomCellRendererProps<RegistrationRow>) {
  const status = p.data?.enrolmentStatus ?? null
  if (!status) return null
  return (
    <Badge tone={ENROLMENT_TONES[status] ?? 'neutral'} title={`Inscription en formation : ${enrolmentStatusLabel(status)}`}>
      {enrolmentStatusLabel(status)}
    </Badge>
  )
}

/** The adviser's name, then their e-mail in grey (the whole of both in the tooltip and the export). */
function AdviserCell(p: CustomCellRendererProps<RegistrationRow>) {
  const name = p.data?.adviserName?.trim() ?? ''
  const email = p.data?.adviserEmail?.trim() ?? ''
  if (!name && !email) return null
  return (
    <span className="adviser-cell">
      {name && <span className="adviser-cell__name">{name}</span>}
      {email && <span className="adviser-cell__email">{email}</span>}
    </span>
  )
}

/**
 * People booked on a slot: presence and result are typed or picked in the grid, like in KAIROS;
 * the comment is typed in its cell.
 */
/** A read-only column whose text is computed from the row; the tooltip shows it whole. */
function computedText(text: (r: RegistrationRow) => string): ColDef<RegistrationRow> {
  return {
    type: 'text',
    editable: false,
    valueGetter: (p) => (p.data ? text(p.data) : ''),
    tooltipValueGetter: (p) => (p.data ? text(p.data) || undefined : undefined)
  }
}

export const registrationColumns: ColDef<RegistrationRow>[] = [
  { field: 'lastName', headerName: 'Nom', type: 'text', width: 150, pinned: 'left', editable: false },
  { field: 'firstName', headerName: 'Prénom', type: 'text', width: 130, editable: false },
  { field: 'ftId', headerName: 'Identifiant FT', headerTooltip: 'Identifiant France Travail', type: 'text', width: 140, cellClass: 'cell--mono', editable: false },
  {
    field: 'presence',
    headerName: 'Présence',
    width: 140,
    editable: true,
    cellRenderer: PresenceCell,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: [...PRESENCE_CODES] },
    valueFormatter: (p) => (typeof p.value === 'string' && p.value in PRESENCE_TONES ? presenceLabel(p.value as Presence) : ''),
    valueParser: (p) => p.newValue,
    filterValueGetter: (p) => (p.data ? presenceLabel(p.data.presence) : ''),
    getQuickFilterText: (p) => (p.data ? presenceLabel(p.data.presence) : '')
  },
  {
    field: 'result',
    headerName: 'Résultat',
    width: 140,
    editable: (p) => p.data?.presence === 'present',
    cellRenderer: ResultCell,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: ['', ...REGISTRATION_RESULT_CODES] },
    valueFormatter: (p) => (typeof p.value === 'string' && p.value !== '' ? resultLabel(p.value as RegistrationResult) : p.value === '' ? '—' : ''),
    valueParser: (p) => p.newValue,
    filterValueGetter: (p) => (p.data ? resultLabel(p.data.result) : ''),
    getQuickFilterText: (p) => (p.data ? resultLabel(p.data.result) : '')
  },
  {
    field: 'resultCode',
    headerName: 'Code',
    headerTooltip: 'Code France Travail : ICR retenu, ICA absent, ICN non retenu',
    width: 84,
    editable: false,
    cellRenderer: CodeCell
  },
  {
    field: 'enrolmentStatus',
    headerName: 'Inscription',
    headerTooltip: 'Statut de l’inscription en formation (créée en « Retenu » par le résultat ICR)',
    width: 130,
    editable: false,
    cellRenderer: EnrolmentCell,
    valueFormatter: (p) => enrolmentStatusLabel(p.data?.enrolmentStatus ?? null),
    filterValueGetter: (p) => enrolmentStatusLabel(p.data?.enrolmentStatus ?? null)
  },
  {
    colId: 'prescriber',
    headerName: 'Prescripteur',
    headerTooltip: 'Qui a adressé la personne : France Travail, Mission locale, Cap emploi…, avec l’agence',
    width: 220,
    ...computedText(prescriberText)
  },
  {
    colId: 'adviser',
    headerName: 'Conseiller',
    headerTooltip: 'Conseiller du prescripteur (valide le projet de formation)',
    width: 250,
    cellRenderer: AdviserCell,
    ...computedText(adviserText)
  },
  {
    field: 'comment',
    headerName: 'Commentaire',
    headerTooltip: 'Double-clic, Entrée ou frappe directe pour saisir ; Entrée enregistre (500 caractères au maximum)',
    type: 'text',
    width: 240,
    editable: true,
    tooltipField: 'comment'
  },
  { field: 'phone', headerName: 'Téléphone', type: 'text', width: 130, editable: false },
  { field: 'email', headerName: 'E-mail', type: 'text', width: 200, editable: false },
  { field: 'transferredFrom', headerName: 'Transfert', type: 'text', width: 260, editable: false, tooltipField: 'transferredFrom' }
]
