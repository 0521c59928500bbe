// Reads a catalogue file in a worker thread and hands formations to the parent in batches, so
// that parsing (one core) and writing to SQLite (the other) overlap. Credit-based: the worker
// waits when the parent has too many batches still to write, so memory stays flat.
import { parentPort, workerData } from 'node:worker_threads'
import { readLheoFile, isLheoError, type LheoFormation } from '../../import/lheo'

export type ReaderMessage =
  /** JSON text: a string crosses threads as one copy, and parsing it is the writer's job (the reader is the busier thread). */
  | { type: 'batch'; json: string }
  | { type: 'progress'; bytesRead: number }
  | { type: 'done'; read: Awaited<ReturnType<typeof readLheoFile>> }
  | { type: 'error'; message: string; aborted: boolean }

const BATCH = 32
const MAX_IN_FLIGHT = 4
const port = parentPort
if (!port) throw new Error('readerWorker must run in a worker thread')

let inFlight = 0
let wake: (() => void) | null = null
const controller = new AbortController()
port.on('message', (m: 'ack' | 'abort') => {
  if (m === 'abort') controller.abort()
  inFlight = Math.max(0, inFlight - 1)
  wake?.()
  wake = null
})

let batch: LheoFormation[] = []
async function flush(): Promise<void> {
  if (batch.length === 0) return
  port?.postMessage({ type: 'batch', json: JSON.stringify(batch) } satisfies ReaderMessage)
  batch = []
  inFlight++
  while (inFlight >= MAX_IN_FLIGHT && !controller.signal.aborted) await new Promise<void>((r) => (wake = r))
}

readLheoFile((workerData as { path: string }).path, {
  signal: controller.signal,
  onFormation: (f) => {
    batch.push(f)
    return batch.length >= BATCH ? flush() : undefined
  },
  onProgress: (bytesRead) => port.postMessage({ type: 'progress', bytesRead } satisfies ReaderMessage)
})
  .then(async (read) => {
    await flush()
    port.postMessage({ type: 'done', read } satisfies ReaderMessage)
  })
  .catch((e: unknown) => {
    port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e), aborted: isLheoError(e) && e.aborted } satisfies ReaderMessage)
  })
