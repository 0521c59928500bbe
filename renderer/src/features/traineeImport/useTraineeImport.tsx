import { useCallback, useRef, useState, type DragEvent, type ReactNode } from 'react'
import type { TraineeImportPreview } from '../../../../shared/api/areas/traineeImport'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { TraineeImportDialog } from './TraineeImportDialog'
import { checkTraineeFile, importResultText } from './traineeImportFormat'

export type TraineeImport = {
  /** Opens the file picker. */
  choose: () => void
  /** Spread on the screen's root: a .csv or .xlsx dropped anywhere on it starts the import. */
  dropZone: {
    onDragEnter: (e: DragEvent) => void
    onDragOver: (e: DragEvent) => void
    onDragLeave: (e: DragEvent) => void
    onDrop: (e: DragEvent) => void
  }
  /** The hidden file input, the drop overlay and the preview dialog. */
  elements: ReactNode
}

/** Everything the Stagiaires screen needs to import a prescriber's list. */
export function useTraineeImport(onImported: (result: TraineeImportPreview) => void): TraineeImport {
  const toast = useToast()
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [dragging, setDragging] = useState(false)
  const depth = useRef(0)

  const start = useCallback(
    (f: File | undefined) => {
      if (!f) return
      const problem = checkTraineeFile(f)
      if (problem) {
        toast.show('error', problem)
        return
      }
      setFile(f)
    },
    [toast]
  )

  const choose = useCallback(() => {
    if (input.current) {
      input.current.value = ''
      input.current.click()
    }
  }, [])

  const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files')
  const dropZone = {
    onDragEnter: (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current++
      setDragging(true)
    },
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'copy'
    },
    onDragLeave: (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setDragging(false)
    },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current = 0
      setDragging(false)
      start(e.dataTransfer.files[0])
    }
  }

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
