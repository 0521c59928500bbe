import type { TraineeImportPreview } from '@shared/api/areas/traineeImport'
import { useFileImport, type FileImport, type FileImportKind } from '../../hooks/useFileImport'
import { TraineeImportDialog } from './TraineeImportDialog'
import { checkTraineeFile, importResultText } from './traineeImportFormat'

const TRAINEE_IMPORT: FileImportKind<TraineeImportPreview> = {
  check: checkTraineeFile,
  accept: '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  inputTestId: 'trainee-import-input',
  dropTitle: 'Déposez la liste (.csv ou .xlsx) pour l’importer',
  resultText: (result) => importResultText(result.counts),
  Dialog: TraineeImportDialog
}

/** A prescriber's list of people (CSV or Excel) imported into the Stagiaires screen. */
export function useTraineeImport(onImported: (result: TraineeImportPreview) => void): FileImport {
  return useFileImport(TRAINEE_IMPORT, onImported)
}
