import type { GridApi } from 'ag-grid-community'
import { useCallback, useRef, useState } from 'react'
import type { Trainee } from '@shared/api/areas/trainees'
import { participleFr } from '@shared/domain/frenchFormat'
import { useApi } from '../../api/ApiContext'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Icon } from '../../components/Icon'
import { SearchBox } from '../../components/SearchBox'
import { useToast } from '../../components/Toasts'
import { countLabel } from '../../grid/cellValues'
import { DataGrid, type CellEdit } from '../../grid/DataGrid'
import { GridExportMenu } from '../../grid/export/GridExportMenu'
import { useCommand } from '../../hooks/useCommand'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import { useShortcut } from '../../hooks/useShortcut'
import { useTraineeImport } from '../traineeImport/useTraineeImport'
import { TraineeFormDialog } from './TraineeFormDialog'
import { toPatchValue, traineeColumns } from './traineeColumns'
import { useTrainees } from './useTrainees'
import { FormError } from '../../components/FormError'

export function TraineesPage() {
  const api = useApi()
  const toast = useToast()
  const [search, setSearch] = useState('')
  const debouncedSearch = useDebouncedValue(search, 250)
  const { rows, total: serverTotal, complete, error, reload, whenComplete, replaceRow, addRow, removeRow, traineeRowId } = useTrainees(debouncedSearch)
  const importer = useTraineeImport(() => void reload())
  const [selected, setSelected] = useState<Trainee | null>(null)
  const [displayed, setDisplayed] = useState(0)
  const [form, setForm] = useState<{ open: boolean; trainee: Trainee | null }>({ open: false, trainee: null })
  const [deleting, setDeleting] = useState<Trainee | null>(null)
  const removal = useCommand()
  const gridApi = useRef<GridApi<Trainee> | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)

  // The grid knows the selection before React re-renders: a fast Ctrl+E after a click still works.
  const currentRow = (): Trainee | null => gridApi.current?.getSelectedRows()[0] ?? selected
  const openNew = (): void => setForm({ open: true, trainee: null })
  const openEdit = (): void => {
    const row = currentRow()
    if (row) setForm({ open: true, trainee: row })
  }
  const askDelete = (): void => {
    const row = currentRow()
    if (row) setDeleting(row)
  }
  useShortcut('Ctrl+N', openNew)
  useShortcut('Alt+N', openNew)
  useShortcut('Ctrl+F', () => searchRef.current?.select())
  useShortcut('Ctrl+E', openEdit)
  useShortcut('Ctrl+I', () => importer.choose())

  const onCellEdit = useCallback(
    (edit: CellEdit<Trainee>) => api.call('trainees:update', { id: edit.row.id, changes: { [edit.field]: toPatchValue(edit.field, edit.value) } }),
    [api]
  )
  const onRowUpdated = useCallback(
    (row: Trainee) => {
      replaceRow(row)
      setSelected((s) => (s?.id === row.id ? row : s))
    },
    [replaceRow]
  )

  function onSaved(trainee: Trainee, created: boolean): void {
    setForm({ open: false, trainee: null })
    if (created) {
      addRow(trainee)
      toast.show('success', `${trainee.lastName} ${trainee.firstName} a été ${participleFr('ajouté', trainee.civility)} au registre.`)
      window.setTimeout(() => {
        const node = gridApi.current?.getRowNode(String(trainee.id))
        if (node) {
          node.setSelected(true, true)
          gridApi.current?.ensureNodeVisible(node, 'middle')
        }
      }, 50)
    } else {
      onRowUpdated(trainee)
      toast.show('success', `Fiche de ${trainee.lastName} ${trainee.firstName} enregistrée.`)
    }
  }

  async function confirmDelete(): Promise<void> {
    if (!deleting) return
    const r = await removal.run((client) => client.call('trainees:delete', { id: deleting.id }), {
      success: `${deleting.lastName} ${deleting.firstName} a été ${participleFr('supprimé', deleting.civility)}.`,
      errorToast: true
    })
    if (r.ok) {
      removeRow(r.value.id)
      setSelected(null)
    }
    setDeleting(null)
  }

  const total = rows?.length ?? 0
  // While pages arrive, the server's total keeps the count true (« 200 chargés sur 20 000 stagiaires… »).
  const streaming = rows !== null && !complete && serverTotal !== null && serverTotal > total
  const countText =
    rows === null
      ? 'Chargement…'
      : streaming
        ? `${countLabel(total, 'chargé', 'chargés')} sur ${countLabel(serverTotal, 'stagiaire', 'stagiaires')}…`
        : displayed < total
          ? `${countLabel(displayed, 'affiché', 'affichés')} sur ${countLabel(total, 'stagiaire', 'stagiaires')}`
          : countLabel(total, 'stagiaire', 'stagiaires')

  return (
    <div className="page page--grid page--drop" {...importer.dropZone} data-testid="trainees-page">
      <div className="toolbar" role="toolbar" aria-label="Actions sur les stagiaires">
        <SearchBox
          inputRef={searchRef}
          placeholder="Nom, identifiant, ville…"
          label="Rechercher un stagiaire"
          value={search}
          onChange={setSearch}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault()
              gridApi.current?.setFocusedCell(0, 'lastName')
            }
          }}
        >
          <kbd className="kbd">Ctrl+F</kbd>
        </SearchBox>
        <span className="toolbar__count" data-testid="row-count" aria-live="polite" data-streaming={streaming || undefined}>
          {countText}
        </span>
        <div className="toolbar__spacer" />
        <button type="button" className="button" onClick={openEdit} disabled={!selected} title="Modifier la fiche sélectionnée (Ctrl+E)">
          <Icon name="edit" size={16} />
          Modifier
        </button>
        <button
          type="button"
          className="button button--danger-ghost"
          onClick={askDelete}
          disabled={!selected}
          title="Supprimer la fiche sélectionnée"
        >
          <Icon name="trash" size={16} />
          Supprimer
        </button>
        <GridExportMenu grid={gridApi} baseName="stagiaires" label="Registre des stagiaires" disabled={total === 0} beforeExportAll={whenComplete} />
        <button type="button" className="button" onClick={importer.choose} title="Importer une liste de prescripteur (Ctrl+I) — ou déposez le fichier .csv ou .xlsx sur cet écran" data-testid="trainee-import-button">
          <Icon name="upload" size={16} />
          Importer une liste (CSV, Excel)
        </button>
        <button type="button" className="button button--primary" onClick={openNew} title="Nouveau stagiaire (Ctrl+N)">
          <Icon name="plus" size={16} />
          Nouveau stagiaire
        </button>
      </div>

      <FormError message={error} />

      <DataGrid<Trainee>
        rows={rows}
        columns={traineeColumns}
        getRowId={traineeRowId}
        label="Registre des stagiaires"
        testId="trainees-grid"
        onCellEdit={onCellEdit}
        onRowUpdated={onRowUpdated}
        onSelectedRowChanged={setSelected}
        onDisplayedCountChanged={setDisplayed}
        onGridReady={(a) => (gridApi.current = a)}
        noRowsText={debouncedSearch.trim() ? `Aucun stagiaire ne correspond à « ${debouncedSearch.trim()} »` : 'Aucun stagiaire. Créez le premier avec « Nouveau stagiaire ».'}
      />

      <p className="grid-help">
        Double-cliquez sur une cellule ou commencez à taper pour la modifier ; Entrée enregistre, Échap annule. Ctrl+N : nouveau stagiaire.
      </p>

      <TraineeFormDialog open={form.open} trainee={form.trainee} onClose={() => setForm({ open: false, trainee: null })} onSaved={onSaved} />

      <ConfirmDialog
        open={deleting !== null}
        title="Supprimer ce stagiaire ?"
        confirmLabel="Supprimer définitivement"
        danger
        busy={removal.busy}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        {deleting && (
          <p>
            La fiche de <strong>{`${deleting.lastName} ${deleting.firstName}`}</strong>
            {deleting.ftId ? ` (${deleting.ftId})` : ''} sera supprimée. Une personne inscrite en formation ne peut pas être
            supprimée : ses inscriptions sont des pièces justificatives.
          </p>
        )}
      </ConfirmDialog>
      {importer.elements}
    </div>
  )
}
