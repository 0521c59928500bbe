import { useCallback, useState, type ReactNode } from 'react'
import type { LheoImportSummary } from '../../../../shared/api/areas/lheo'
import { Icon } from '../../components/Icon'
import { useFileDrop, type DropZoneProps } from '../../hooks/useFileDrop'
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
  dropZone: DropZoneProps
  elements: ReactNode
} {
  const toast = useToast()
  const [file, setFile] = useState<File | null>(null)
  const refuse = useCallback((reason: string) => toast.show('error', reason), [toast])
  const { input, choose, take: start, dragging, dropZone } = useFileDrop(checkLheoFile, setFile, refuse)

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
