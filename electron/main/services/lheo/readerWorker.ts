// Reads the second part of a large catalogue file in a worker thread and hands formations to the
// parent in batches, while the parent reads the first part and writes both to SQLite. Credit-based: the
// worker waits while the parent has too many batches still to write, so memory stays flat.
import { parentPort, workerData } from 'node:worker_threads'
import { readLheo, isLheoError, type LheoFormation, type LheoWarning, type ReadSummary } from '../../import/lheo'
import { packBatch, type FormationBatch } from './formationBatch'
import { countNewlines, partSource, type ReadPart } from './splitPlan'

export type ReaderMessage =
  /** Text, not objects: a string crosses threads as one copy, and parsing it is the writer's job. */
  | { type: 'batch'; batch: FormationBatch }
  | { type: 'done'; read: ReadSummary }
  | { type: 'error'; message: string; aborted: boolean }

// Small batches: formations waiting in a large one outlive the young generation and fill the
// old one, whose limit then grows with the length of the import.
const BATCH = 8
// The writer takes batches only between two chunks of its own part: enough credit that this
// thread never waits for it (at most 16 × 8 formations, a few megabytes, in flight).
const MAX_IN_FLIGHT = 16
const port = parentPort
if (!port) throw new Error('readerWorker must run in a worker thread')
const { path, part } = workerData as { path: string; part: ReadPart }

let inFlight = 0
let wake: (() => void) | null = null
const controller = new AbortController()
port.on('message', (m: 'ack' | 'abort') => {
  if (m === 'abort') controller.abort()
  inFlight = Math.max(0, inFlight - 1)
  wake?.()
  wake = null
})

// The second half of a split file starts further down: lines are shifted back to the file's own.
const lineOffset = part.countLinesBetween ? countNewlines(path, part.countLinesBetween[0], part.countLinesBetween[1]) : 0
const shift = (line: number): number => (line > 1 ? line + lineOffset : line)
const shiftText = (text: string): string => (lineOffset === 0 ? text : text.replace(/ligne (\d+)/g, (_m, n: string) => `ligne ${shift(Number(n))}`))
function shiftFormation(f: LheoFormation): LheoFormation {
  if (lineOffset === 0) return f
  f.line = shift(f.line)
  for (const a of f.actions) {
    a.line = shift(a.line)
    for (const s of a.sessions) s.line = shift(s.line)
  }
  return f
}
const shiftWarning = (w: LheoWarning): LheoWarning => ({ ...w, message: shiftText(w.message), line: w.line === null ? null : shift(w.line) })

let batch: LheoFormation[] = []
async function flush(): Promise<void> {
  if (batch.length === 0) return
  port?.postMessage({ type: 'batch', batch: packBatch(batch) } satisfies ReaderMessage)
  batch = []
  inFlight++
  while (inFlight >= MAX_IN_FLIGHT && !controller.signal.aborted) await new Promise<void>((r) => (wake = r))
}

readLheo(partSource(path, part), {
  signal: controller.signal,
  onFormation: (f) => {
    batch.push(shiftFormation(f))
    return batch.length >= BATCH ? flush() : undefined
  }
})
  .then(async (read) => {
    await flush()
    port.postMessage({ type: 'done', read: { ...read, warnings: read.warnings.map(shiftWarning) } } satisfies ReaderMessage)
  })
  .catch((e: unknown) => {
    const message = e instanceof Error ? shiftText(e.message) : String(e)
    port.postMessage({ type: 'error', message, aborted: isLheoError(e) && e.aborted } satisfies ReaderMessage)
  })
