import { useCallback, useState, type ComponentType, type ReactNode } from 'react'
import { Icon } from '../components/Icon'
import { useToast } from '../components/Toasts'
import { useFileDrop, type DropZoneProps } from './useFileDrop'

/** The preview dialog of one kind of import: it reads the file, shows what will change, applies it. */
export type ImportDialogProps<R> = {
  file: File | null
  onClose: () => void
  onImported: (result: R) => void
  onChooseAnother: () => void
}

export type FileImportKind<R> = {
  /** A French reason to refuse the file at once (wrong type, too big), or null. */
  check: (file: File) => string | null
  /** The picker's filter. */
  accept: string
  inputTestId: string
  /** The drop overlay's line, e.g. « Déposez le fichier LHEO (.xml) pour l’importer ». */
  dropTitle: string
  /** The success toast, from the import's result. */
  resultText: (result: R) => string
  Dialog: ComponentType<ImportDialogProps<R>>
}

export type FileImport = {
  /** Opens the file picker. */
  choose: () => void
  /** Spread on the screen's root: a file dropped anywhere on it starts the import. */
  dropZone: DropZoneProps
  /** The hidden file input, the drop overlay and the preview dialog. */
  elements: ReactNode
}

/** Everything a screen needs to import a file: picker, drop anywhere, preview dialog, result toast. */
export function useFileImport<R>(kind: FileImportKind<R>, onImported: (result: R) => void): FileImport {
  const toast = useToast()
  const [file, setFile] = useState<File | null>(null)
  const refuse = useCallback((reason: string) => toast.show('error', reason), [toast])
  const { input, choose, take: start, dragging, dropZone } = useFileDrop(kind.check, setFile, refuse)
  const { resultText, Dialog } = kind

  const imported = useCallback(
    (result: R) => {
      toast.show('success', resultText(result))
      onImported(result)
    },
    [onImported, toast, resultText]
  )

  const elements = (
    <>
      <input
        ref={input}
        type="file"
        accept={kind.accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={kind.inputTestId}
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
            <strong>{kind.dropTitle}</strong>
            <span className="muted">Un aperçu s’affiche avant toute écriture.</span>
          </div>
        </div>
      )}
      <Dialog
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
