import type { CellClassParams, ColDef, ICellRendererComp, ICellRendererParams, IHeaderComp, IHeaderParams, ITooltipParams, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community'
import type { AttendanceRow } from '@shared/api/areas/attendance'
import {
  ABSENCE_CODE_LIST,
  ABSENCE_CODES,
  type AbsenceCode,
  type AttendanceDay,
  type AttendanceTotals,
  type CellValue,
  dayLabelFr,
  dayTotals,
  formatCell,
  isAbsenceCode,
  lockedMessage,
  sumTotals,
  WEEKDAY_INITIALS
} from '@shared/domain/attendance'
import { formatHours } from '@shared/domain/hours'
import { sumSummaries } from '@shared/domain/hoursLedger'
import type { Rect } from './gridOps'

/** What the cell rules read at paint time (refs of the grid component: no column rebuild on change). */
export type GridView = {
  selection: () => Rect | null
  /** `${enrolmentId}|${dayIndex}` of the cells the last operations refused. */
  rejected: ReadonlySet<string>
}

export const dayColId = (dayIndex: number): string => `d${dayIndex + 1}`
export const TOTALS_ROW_ID = 'totaux'

/** -1 when the column is not a day. */
export function dayIndexOfCol(colId: string | null | undefined): number {
  if (!colId) return -1
  const m = /^d(\d{1,2})$/.exec(colId)
  return m ? Number(m[1]) - 1 : -1
}

export const rejectKey = (enrolmentId: number, dayIndex: number): string => `${enrolmentId}|${dayIndex}`

const WEEKDAYS_LONG = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']

function dayTitle(day: AttendanceDay): string {
  const date = `${day.date.slice(8, 10)}/${day.date.slice(5, 7)}/${day.date.slice(0, 4)}`
  const base = `${WEEKDAYS_LONG[day.weekday - 1] ?? ''} ${date}`
  return day.holiday ? `${base} — jour férié : ${day.holiday}` : base
}

/** Day number over the weekday initial; plain DOM, no React (33 headers). */
class DayHeader implements IHeaderComp {
  private el: HTMLElement = document.createElement('div')

  init(params: IHeaderParams & { day: AttendanceDay }): void {
    const { day } = params
    this.el.className = `att-day-head${day.weekend ? ' att-day-head--weekend' : ''}${day.holiday ? ' att-day-head--holiday' : ''}`
    const n = document.createElement('span')
    n.className = 'att-day-head__num'
    n.textContent = String(day.day)
    const w = document.createElement('span')
    w.className = 'att-day-head__wd'
    w.textContent = WEEKDAY_INITIALS[day.weekday - 1] ?? ''
    this.el.append(n, w)
  }

  getGui(): HTMLElement {
    return this.el
  }

  refresh(): boolean {
    return false
  }
}

function isCodeCell(value: unknown): value is AbsenceCode | { hours: number; code: AbsenceCode } {
  if (typeof value === 'string') return isAbsenceCode(value)
  return typeof value === 'object' && value !== null && 'code' in value
}

/** The only cell renderer: a coloured chip for absence codes (other cells are plain formatted text). */
class CodeChip implements ICellRendererComp {
  private el: HTMLElement = document.createElement('span')

  init(params: ICellRendererParams): void {
    this.paint(params.value)
  }

  private paint(value: unknown): void {
    if (!isCodeCell(value)) {
      this.el.className = ''
      this.el.textContent = ''
      return
    }
    const code = typeof value === 'string' ? value : value.code
    this.el.className = `att-chip att-chip--${ABSENCE_CODES[code].justified ? 'justified' : 'unjustified'}${typeof value === 'string' ? '' : ' att-chip--partial'}`
    this.el.textContent = typeof value === 'string' ? value : `${formatHours(value.hours)} ${code}`
  }

  getGui(): HTMLElement {
    return this.el
  }

  refresh(params: ICellRendererParams): boolean {
    this.paint(params.value)
    return true
  }
}

const cellText = (p: ValueFormatterParams<AttendanceRow>): string => formatCell((p.value ?? null) as CellValue)

function dayTooltip(p: ITooltipParams<AttendanceRow>, day: AttendanceDay, i: number): string | undefined {
  const row = p.data
  if (!row || p.node?.rowPinned) return `${dayTitle(day)} : ${formatHours(row?.values[i] as number | null)} h réalisées`
  const reason = row.locked[i]
  if (reason) return lockedMessage(reason, day.date)
  const value = row.values[i] ?? null
  const parts = [`${row.lastName} ${row.firstName} — ${dayLabelFr(day.date)}`]
  if (day.holiday) parts.push(`Férié : ${day.holiday}`)
  const code = value !== null && typeof value === 'object' ? value.code : typeof value === 'string' ? value : null
  if (code) parts.push(`${code} : ${ABSENCE_CODES[code].label} (${ABSENCE_CODES[code].justified ? 'justifiée' : 'non justifiée'})`)
  parts.push(`Prévu : ${formatHours(row.planned[i] ?? 0)} h`)
  if (row.forced.includes(i)) parts.push('Saisie forcée au-delà du planning')
  return parts.join('\n')
}

function dayColumn(day: AttendanceDay, i: number, view: GridView): ColDef<AttendanceRow> {
  const isBody = (p: CellClassParams<AttendanceRow>): boolean => !p.node.rowPinned && p.data !== undefined
  return {
    colId: dayColId(i),
    headerComponent: DayHeader,
    headerComponentParams: { day },
    headerTooltip: dayTitle(day),
    headerClass: `att-day-header${day.weekend ? ' att-day-header--weekend' : ''}${day.holiday ? ' att-day-header--holiday' : ''}`,
    width: 54,
    minWidth: 44,
    resizable: false,
    valueGetter: (p: ValueGetterParams<AttendanceRow>) => p.data?.values[i] ?? null,
    valueFormatter: cellText,
    cellRendererSelector: (p) => (isCodeCell(p.value) ? { component: CodeChip } : undefined),
    editable: (p) => !p.node.rowPinned && p.data?.locked[i] === null,
    cellEditor: 'agTextCellEditor',
    cellEditorParams: { useFormatter: true, maxLength: 20 },
    cellClass: `att-day${day.weekend ? ' att-day--weekend' : ''}${day.holiday ? ' att-day--holiday' : ''}`,
    cellClassRules: {
      'att-locked': (p) => isBody(p) && (p.data?.locked[i] ?? null) !== null,
      'att-future': (p) => isBody(p) && p.data?.locked[i] === 'future',
      'att-sel': (p) => isBody(p) && p.rowIndex !== null && inSel(view.selection(), p.rowIndex, i),
      'att-rejected': (p) => isBody(p) && p.data !== undefined && view.rejected.has(rejectKey(p.data.enrolmentId, i)),
      'att-forced': (p) => isBody(p) && (p.data?.forced.includes(i) ?? false)
    },
    tooltipValueGetter: (p) => dayTooltip(p, day, i)
  }
}

function inSel(rect: Rect | null, row: number, col: number): boolean {
  return rect !== null && row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right
}

const hoursText = (n: unknown): string => (typeof n === 'number' && n !== 0 ? formatHours(n) : '')

function totalColumn(colId: string, headerName: string, headerTooltip: string, read: (t: AttendanceTotals) => number | undefined, extraClass = ''): ColDef<AttendanceRow> {
  return {
    colId,
    headerName,
    headerTooltip,
    width: colId.startsWith('abs-') ? 58 : 84,
    resizable: false,
    headerClass: `ag-right-aligned-header att-total-header ${extraClass}`,
    cellClass: `ag-right-aligned-cell att-total ${extraClass}`,
    valueGetter: (p: ValueGetterParams<AttendanceRow>) => (p.data ? (read(p.data.totals) ?? 0) : 0),
    valueFormatter: (p) => hoursText(p.value),
    comparator: (a: number, b: number) => a - b,
    sortable: true,
    editable: false
  }
}

export function attendanceColumns(days: readonly AttendanceDay[], view: GridView, options: { showSession: boolean }): ColDef<AttendanceRow>[] {
  const cols: ColDef<AttendanceRow>[] = [
    {
      colId: 'name',
      headerName: 'Stagiaire',
      pinned: 'left',
      width: 210,
      sortable: true,
      filter: 'agTextColumnFilter',
      valueGetter: (p) => (p.data ? (p.node?.rowPinned ? p.data.lastName : `${p.data.lastName.toUpperCase()} ${p.data.firstName}`) : ''),
      tooltipValueGetter: (p) => (p.data && !p.node?.rowPinned ? `${p.data.lastName.toUpperCase()} ${p.data.firstName}\n${p.data.sessionLabel}${p.data.entryDate ? `\nEntrée le ${fr(p.data.entryDate)}` : ''}${p.data.exitDate ? `\nSortie le ${fr(p.data.exitDate)}` : ''}` : undefined),
      cellClass: 'att-name',
      editable: false
    },
    {
      colId: 'ftId',
      headerName: 'Identifiant FT',
      headerTooltip: 'Identifiant France Travail',
      pinned: 'left',
      width: 124,
      sortable: true,
      valueGetter: (p) => p.data?.ftId ?? '',
      cellClass: 'cell--mono att-ftid',
      editable: false
    }
  ]
  if (options.showSession) {
    cols.push({ colId: 'session', headerName: 'Session', width: 170, sortable: true, valueGetter: (p) => p.data?.sessionLabel ?? '', tooltipValueGetter: (p) => p.data?.sessionLabel, cellClass: 'att-session', editable: false })
  }
  days.forEach((day, i) => cols.push(dayColumn(day, i, view)))
  cols.push(
    totalColumn('attended', 'Réalisé', 'Heures réalisées dans le mois', (t) => t.attendedHours, 'att-total--first'),
    totalColumn('planned', 'Prévu', 'Heures prévues au planning', (t) => t.plannedHours)
  )
  for (const code of ABSENCE_CODE_LIST) {
    const info = ABSENCE_CODES[code]
    cols.push(
      totalColumn(`abs-${code}`, code, `Heures d’absence ${code} — ${info.label} (${info.justified ? 'justifiée' : 'non justifiée'})`, (t) => t.absenceHours[code], info.justified ? 'att-total--justified' : 'att-total--unjustified')
    )
  }
  return cols
}

function fr(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

/** The pinned bottom row: hours attended per day and the sums of the totals. */
export function totalsRow(rows: readonly AttendanceRow[], dayCount: number): AttendanceRow {
  const perDay = dayTotals(rows, dayCount)
  return {
    enrolmentId: 0,
    sessionId: 0,
    sessionLabel: '',
    traineeId: 0,
    lastName: `Total (${rows.length} stagiaire${rows.length > 1 ? 's' : ''})`,
    firstName: '',
    ftId: null,
    status: '',
    entryDate: null,
    exitDate: null,
    values: perDay.attendedHours.map((h) => (h === 0 ? null : h)),
    planned: perDay.plannedHours,
    locked: perDay.plannedHours.map(() => null),
    forced: [],
    totals: sumTotals(rows.map((r) => r.totals)),
    ledger: sumSummaries(
      rows.map((r) => r.ledger),
      '',
      '',
      ''
    ),
    attested: null
  }
}
