import type { DocumentData } from '../../pdf/types'

/** What the documents worker receives (structured clone: plain data only). */
export type WorkerInput = {
  files: { index: number; path: string; data: DocumentData }[]
  merged: { path: string; items: DocumentData[] } | null
}

export type WorkerMessage =
  | { type: 'file'; index: number; path: string; sha256: string; size: number }
  | { type: 'merged-progress'; drawn: number }
  | { type: 'merged'; path: string; sha256: string; size: number }
  | { type: 'cancelled' }
  | { type: 'done' }
  | { type: 'error'; message: string }

/** Main → worker. */
export type WorkerCommand = 'cancel'
