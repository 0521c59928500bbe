import type { ColDef, ValueFormatterParams } from 'ag-grid-community'
import type { Trainee } from '@shared/api/areas/trainees'
import { checkFranceTravailId } from '@shared/domain/franceTravailId'
import { CIVILITIES, PRESCRIBERS, PRESCRIBER_CODES } from '@shared/domain/trainee'
import { parseCheckedCell } from '../../grid/cellValues'

export function prescriberLabel(code: unknown): string {
  return typeof code === 'string' && code in PRESCRIBERS ? PRESCRIBERS[code as keyof typeof PRESCRIBERS] : ''
}

// '' only exists as the "none" choice of the select editors, where it reads as a dash.
const prescriberFormatter = (p: ValueFormatterParams<Trainee>): string => (p.value === '' ? '—' : prescriberLabel(p.value))
const civilityFormatter = (p: ValueFormatterParams<Trainee>): string => (p.value === '' ? '—' : (p.value ?? ''))

/** The trainee registry's columns; every field but the counters is editable in place. */
export const traineeColumns: ColDef<Trainee>[] = [
  { field: 'lastName', headerName: 'Nom', type: 'text', width: 160, pinned: 'left', sort: 'asc' },
  { field: 'firstName', headerName: 'Prénom', type: 'text', width: 140 },
  {
    field: 'civility',
    headerName: 'Civilité',
    type: 'text',
    width: 100,
    valueFormatter: civilityFormatter,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: ['', ...CIVILITIES] },
    valueParser: (p) => p.newValue
  },
  {
    field: 'ftId',
    headerName: 'Identifiant France Travail',
    headerTooltip: 'Identifiant régional France Travail, ex. 0676932W',
    type: 'text',
    width: 225,
    cellClass: 'cell--mono',
    valueParser: (p) => parseCheckedCell(p.newValue, checkFranceTravailId)
  },
  { field: 'birthDate', headerName: 'Date de naissance', type: 'dateFr', width: 175 },
  { field: 'phone', headerName: 'Téléphone', type: 'text', width: 140 },
  { field: 'email', headerName: 'E-mail', type: 'text', width: 220 },
  { field: 'postalCode', headerName: 'Code postal', type: 'text', width: 130 },
  { field: 'city', headerName: 'Ville', type: 'text', width: 150 },
  {
    field: 'prescriber',
    headerName: 'Prescripteur',
    type: 'text',
    width: 170,
    valueFormatter: prescriberFormatter,
    filterValueGetter: (p) => prescriberLabel(p.data?.prescriber),
    getQuickFilterText: (p) => prescriberLabel(p.value),
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: ['', ...PRESCRIBER_CODES] },
    valueParser: (p) => p.newValue
  },
  // Shown, not hidden: AG Grid Community has no column chooser to bring a hidden column back.
  // Narrow, with the whole name in the tooltip.
  {
    field: 'prescriberAgency',
    headerName: 'Agence',
    headerTooltip: 'Agence ou structure prescriptrice, ex. France Travail Lorient',
    type: 'text',
    width: 190,
    tooltipField: 'prescriberAgency'
  },
  { field: 'adviserName', headerName: 'Conseiller', type: 'text', width: 160 },
  { field: 'enrolmentCount', headerName: 'Inscriptions', type: 'integer', width: 135, editable: false },
  { field: 'updatedAt', headerName: 'Modifié le', type: 'timestamp', width: 150, editable: false }
]

/** Select editors give '' for "none": the contract wants null for civility and prescriber. */
export function toPatchValue(field: string, value: unknown): unknown {
  if (field === 'civility' || field === 'prescriber') return value === '' || value == null ? null : value
  return value == null ? '' : value
}
