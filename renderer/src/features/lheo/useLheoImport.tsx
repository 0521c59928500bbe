import { useCallback, useRef, useState, type DragEvent, type ReactNode } from 'react'
import type { LheoImportSummary } from '../../../../shared/api/areas/lheo'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { LheoImportDialog } from './LheoImportDialog'
import { checkLheoFile, importResultSentence } from './lheoUpload'

/**
 * Everything a screen needs to import an LHEO file: `choose()` opens the file picker, the
 * `dropZone` props accept a file dropped anywhere on the screen, `elements` renders the hidden
 * input, the drop overlay and the import dialog.
 */
export function useLheoImport(onImported: (summary: LheoImportSummary) => void): {
  choose: () => void
  dropZone: {
    onDragEnter: (e: DragEvent) => void
    onDragOver: (e: DragEvent) => void
    onDragLeave: (e: DragEvent) => void
    onDrop: (e: DragEvent) => void
  }
  elements: ReactNode
} {
  const toast = useToast()
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [dragging, setDragging] = useState(false)
  const depth = useRef(0)

  const start = useCallback(
    (f: File | undefined) => {
      if (!f) return
      const problem = checkLheoFile(f)
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
    (summary: LheoImportSummary) => {
      toast.show('success', importResultSentence(summary))
      onImported(summary)
    },
    [onImported, toast]
  )

  const elements = (
    <>
      <input
        ref={input}
        type="file"
        accept=".xml,application/xml,text/xml"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="lheo-file-input"
        onChange={(e) => {
          start(e.target.files?.[0])
          // The same file can be chosen again (re-import after a cancel or a correction).
          e.target.value = ''
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay__card">
            <Icon name="upload" size={28} />
            <strong>Déposez le fichier LHEO (.xml) pour l’importer</strong>
            <span className="muted">Un aperçu s’affiche avant toute écriture.</span>
          </div>
        </div>
      )}
      <LheoImportDialog
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
