import { useCallback, useState, type ReactNode } from 'react'
import type { TraineeImportPreview } from '../../../../shared/api/areas/traineeImport'
import { Icon } from '../../components/Icon'
import { useFileDrop, type DropZoneProps } from '../../hooks/useFileDrop'
import { useToast } from '../../components/Toasts'
import { TraineeImportDialog } from './TraineeImportDialog'
import { checkTraineeFile, importResultText } from './traineeImportFormat'

export type TraineeImport = {
  /** Opens the file picker. */
  choose: () => void
  /** Spread on the screen's root: a .csv or .xlsx dropped anywhere on it starts the import. */
  dropZone: DropZoneProps
  /** The hidden file input, the drop overlay and the preview dialog. */
  elements: ReactNode
}

/** Everything the Stagiaires screen needs to import a prescriber's list. */
export function useTraineeImport(onImported: (result: TraineeImportPreview) => void): TraineeImport {
  const toast = useToast()
  const [file, setFile] = useState<File | null>(null)
  const refuse = useCallback((reason: string) => toast.show('error', reason), [toast])
  const { input, choose, take: start, dragging, dropZone } = useFileDrop(checkTraineeFile, setFile, refuse)

  const imported = useCallback(
    (result: TraineeImportPreview) => {
      toast.show('success', importResultText(result.counts))
      onImported(result)
    },
    [onImported, toast]
  )

  const elements = (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="trainee-import-input"
        onChange={(e) => start(e.target.files?.[0])}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay__card">
            <Icon name="upload" size={28} />
            <strong>Déposez la liste (.csv ou .xlsx) pour l’importer</strong>
            <span className="muted">Un aperçu s’affiche avant toute écriture.</span>
          </div>
        </div>
      )}
      <TraineeImportDialog
        file={file}
        onClose={() => setFile(null)}
        onImported={imported}
        onChooseAnother={() => {
          setFile(null)
          choose()
        }}
      />
    </>
  )

  return { choose, dropZone, elements }
}
