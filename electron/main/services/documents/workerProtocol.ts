import type { Stamp } from '../../pdf/authenticity'
import type { DocumentData } from '../../pdf/types'

/** One batch for the documents worker (structured clone: plain data only). */
export type WorkerInput = {
  files: { index: number; path: string; data: DocumentData; stamp: Stamp; provisional: boolean }[]
  merged: { path: string; items: DocumentData[]; stamp: Stamp; provisional: boolean[] } | null
}

/** Worker → main, for the batch being run. After 'done', 'cancelled' or 'error' the worker is idle again. */
export type WorkerMessage =
  | { type: 'file'; index: number; path: string; sha256: string; size: number }
  | { type: 'merged-progress'; drawn: number }
  | { type: 'merged'; path: string; sha256: string; size: number }
  | { type: 'cancelled' }
  | { type: 'done' }
  | { type: 'error'; message: string }

/** Main → worker: a worker runs one batch at a time and is kept for the next one. */
export type WorkerCommand = { type: 'run'; input: WorkerInput } | { type: 'cancel' }
