import type { GridApi } from 'ag-grid-community'
import { useCallback, useRef, useState } from 'react'
import type { ExitReportRow } from '@shared/api/areas/exitReports'
import type { Result } from '@shared/api/result'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { countLabel } from '../../grid/cellValues'
import { DataGrid, type CellEdit } from '../../grid/DataGrid'
import { GridExportMenu } from '../../grid/export/GridExportMenu'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'
import { useShortcut } from '../../hooks/useShortcut'
import { GenerateDocumentsDialog } from '../documents/GenerateDocumentsDialog'
import { ExitReportDialog } from './ExitReportDialog'
import { exitReportColumns } from './exitReportColumns'
import { cellEditInput, isHoursOverride, personLabel } from './exitReportFormat'
import { HoursReasonDialog, type HoursReasonRequest } from './HoursReasonDialog'
import { FormError } from '../../components/FormError'

const rowId = (r: ExitReportRow): string => String(r.enrolmentId)

type PendingHours = HoursReasonRequest & { resolve: (reason: string | null) => void }

/**
 * « Bilans » of a session: the end-of-training report of each trainee entered, out or dropped
 * out, edited in the grid or in a form (double-click on the name, Entrée); hours differing from
 * the attendance need a reason. « Générer les bilans » opens the generation dialog.
 */
export function ExitReportsTab({ sessionId, sessionName }: { sessionId: number; sessionName: string }) {
  const toast = useToast()
  const { run } = useCommand()
  const list = useQuery('exitReports:list', { sessionId })
  const { setData } = list
  const [selected, setSelected] = useState<ExitReportRow | null>(null)
  const [editing, setEditing] = useState<ExitReportRow | null>(null)
  const [pendingHours, setPendingHours] = useState<PendingHours | null>(null)
  const [generating, setGenerating] = useState(false)
  const gridApi = useRef<GridApi<ExitReportRow> | null>(null)

  const replaceRow = useCallback((row: ExitReportRow) => setData((rows) => rows?.map((r) => (r.enrolmentId === row.enrolmentId ? row : r)) ?? null), [setData])

  /** Hours differing from the attendance: the reason is asked first; cancelling keeps the old value. */
  const askReason = useCallback(
    (row: ExitReportRow, hours: number) =>
      new Promise<string | null>((resolve) => setPendingHours({ name: personLabel(row), hours, computed: row.hoursComputed, reason: row.hoursOverrideReason, resolve })),
    []
  )

  const onCellEdit = useCallback(
    async (edit: CellEdit<ExitReportRow>): Promise<Result<ExitReportRow>> => {
      let reason: string | undefined
      if (edit.field === 'hoursCompleted' && typeof edit.value === 'number' && isHoursOverride(edit.row, edit.value)) {
        const given = await askReason(edit.row, edit.value)
        if (given === null) return { ok: true, value: edit.row }
        reason = given
      }
      const input = cellEditInput(edit.row, edit.field, edit.value, reason)
      if (!input) return { ok: true, value: edit.row }
      return run((api) => api.call('exitReports:save', input), { success: (saved) => `Bilan de ${personLabel(saved)} enregistré.` })
    },
    [run, askReason]
  )

  const currentRow = (): ExitReportRow | null => gridApi.current?.getSelectedRows()[0] ?? selected
  const openForm = (): void => {
    const r = currentRow()
    if (r) setEditing(r)
  }
  useShortcut('Ctrl+E', openForm)

  const rows = list.data
  const total = rows?.length ?? 0
  const written = rows?.filter((r) => r.reportId !== null).length ?? 0

  return (
    <div className="exit-reports" data-testid="exit-reports">
      <div className="toolbar" role="toolbar" aria-label="Bilans de fin de formation">
        <span className="toolbar__count" data-testid="row-count" aria-live="polite">
          {rows === null ? 'Chargement…' : `${countLabel(total, 'stagiaire', 'stagiaires')} · ${countLabel(written, 'bilan saisi', 'bilans saisis')}`}
        </span>
        <div className="toolbar__spacer" />
        <GridExportMenu grid={gridApi} baseName="bilans" label="Bilans de fin de formation" disabled={total === 0} />
        <button type="button" className="button" onClick={openForm} disabled={!selected} title="Saisir le bilan du stagiaire sélectionné (Ctrl+E)" data-testid="exit-report-edit">
          <Icon name="edit" size={16} />
          Saisir le bilan…
        </button>
        <button type="button" className="button button--primary" onClick={() => setGenerating(true)} disabled={total === 0} data-testid="exit-reports-generate">
          <Icon name="file" size={16} />
          Générer les bilans
        </button>
      </div>

      <FormError message={list.error} />

      <DataGrid<ExitReportRow>
        rows={rows}
        columns={exitReportColumns}
        getRowId={rowId}
        label="Bilans de fin de formation"
        testId="exit-reports-grid"
        onCellEdit={onCellEdit}
        onRowUpdated={replaceRow}
        onSelectedRowChanged={setSelected}
        onGridReady={(a) => (gridApi.current = a)}
        onRowActivated={setEditing}
        noRowsText="Aucun stagiaire entré en formation sur cette session : les bilans concernent les stagiaires entrés, sortis ou en abandon."
      />

      <p className="grid-help">
        Double-cliquez sur une cellule pour la modifier ; double-clic ou Entrée sur le nom ouvre le bilan complet. Des heures retenues différentes de l’assiduité demandent un
        motif (marquées *). Le bilan se génère pour les stagiaires sortis ou en abandon dont le bilan est saisi.
      </p>

      <ExitReportDialog
        row={editing}
        onClose={() => setEditing(null)}
        onSaved={(r) => {
          setEditing(null)
          replaceRow(r)
          toast.show('success', `Bilan de ${personLabel(r)} enregistré.`)
        }}
      />
      <HoursReasonDialog
        request={pendingHours}
        onConfirm={(reason) => {
          pendingHours?.resolve(reason)
          setPendingHours(null)
        }}
        onCancel={() => {
          pendingHours?.resolve(null)
          setPendingHours(null)
        }}
      />
      <GenerateDocumentsDialog open={generating} sessionId={sessionId} subject={`Session : ${sessionName}`} defaultKind="bilan_fin" onClose={() => setGenerating(false)} />
    </div>
  )
}
