import type { LheoImportSummary } from '@shared/api/areas/lheo'
import { useFileImport, type FileImport, type FileImportKind } from '../../hooks/useFileImport'
import { LheoImportDialog } from './LheoImportDialog'
import { checkLheoFile, importResultSentence } from './lheoUpload'

const LHEO_IMPORT: FileImportKind<LheoImportSummary> = {
  check: checkLheoFile,
  accept: '.xml,application/xml,text/xml',
  inputTestId: 'lheo-file-input',
  dropTitle: 'Déposez le fichier LHEO (.xml) pour l’importer',
  resultText: importResultSentence,
  Dialog: LheoImportDialog
}

/** The CARIF-OREF catalogue import (LHEO XML) of the Formations screen. */
export function useLheoImport(onImported: (summary: LheoImportSummary) => void): FileImport {
  return useFileImport(LHEO_IMPORT, onImported)
}
