import type { LheoImportSummary } from '@shared/api/areas/lheo'
import type { ReadSummary } from '../../import/lheo'
import type { Actor } from '../context'
import type { ImportOptions } from './importCatalogue'

/** What the apply worker receives (structured clone). */
export type ApplyWorkerInput = {
  dbPath: string
  stagedPath: string
  read: ReadSummary
  options: ImportOptions
  actor: Actor
  /** The write's time, from the parent's clock (tests fix it). */
  now: string
  /** One Int32: set to 1 by the parent to stop. */
  stop: SharedArrayBuffer
}

export type ApplyWorkerMessage =
  | { type: 'progress'; written: number }
  | { type: 'done'; summary: LheoImportSummary }
  | { type: 'error'; message: string; aborted: boolean }
