import type { TraineeImportPreview } from '@shared/api/areas/traineeImport'
import type { AppErrorInfo } from '@shared/api/result'

export type Merge = 'fill_empty' | 'overwrite' | 'skip'

/** Where the import of one file stands: read, previewed (nothing written), applying, done or refused. */
export type ImportPhase =
  | { step: 'reading' }
  | { step: 'preview'; preview: TraineeImportPreview }
  | { step: 'applying'; preview: TraineeImportPreview }
  | { step: 'done'; result: TraineeImportPreview }
  | { step: 'failed'; error: string; during: 'read' | 'preview' | 'apply' }

/**
 * A refused preview: the first one refuses the file; a later one (another column choice) keeps the
 * preview on screen, the reason said beside it (see previewRefusalMessage).
 */
export function afterPreviewRefused(phase: ImportPhase, error: AppErrorInfo): ImportPhase {
  return phase.step === 'preview' ? phase : { step: 'failed', error: error.message, during: 'preview' }
}

/** The reason shown beside a kept preview: the column's own issue says more than the summary. */
export function previewRefusalMessage(error: AppErrorInfo): string {
  return error.issues?.[0]?.message ?? error.message
}

/** The lines on screen: the preview's (or the applying one's), else the result's once done. */
export function shownPreview(phase: ImportPhase): TraineeImportPreview | null {
  if (phase.step === 'preview' || phase.step === 'applying') return phase.preview
  return phase.step === 'done' ? phase.result : null
}
