import { createHash } from 'node:crypto'
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { renderDocument, renderMerged } from '../../pdf/render'
import type { WorkerCommand, WorkerInput, WorkerMessage } from './workerProtocol'

/*
 * Renders batches of PDFs off the main thread, one batch at a time. The worker is kept between
 * batches (documentsWorkerPool.ts), so the fonts parsed once in this thread (the pdf/fonts
 * module's cache) and the compiled drawing code serve every later batch. Each file is written
 * under a temporary name then renamed, so a cancelled or failed batch never leaves a partial
 * PDF under a real name.
 */

const port = parentPort
if (!port) throw new Error('documentsWorker must run in a worker thread')
let cancelled = false
port.on('message', (m: WorkerCommand) => {
  if (m.type === 'cancel') cancelled = true
  else {
    // A cancel meant for an earlier batch (sent as it was finishing) is always queued before this.
    cancelled = false
    main(m.input).catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }))
  }
})
const post = (m: WorkerMessage): void => port.postMessage(m)
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
/** Lets the 'cancel' message in between documents. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

function writeAtomically(path: string, bytes: Buffer): void {
  const part = `${path}.part`
  try {
    writeFileSync(part, bytes, { flag: 'wx' })
    renameSync(part, path)
  } catch (e) {
    rmSync(part, { force: true })
    throw e
  }
}

async function main(input: WorkerInput): Promise<void> {
  for (const f of input.files) {
    await yieldToEvents()
    if (cancelled) return post({ type: 'cancelled' })
    const bytes = await renderDocument(f.data, f.stamp, f.provisional)
    writeAtomically(f.path, bytes)
    post({ type: 'file', index: f.index, path: f.path, sha256: sha256(bytes), size: bytes.length })
  }
  if (input.merged) {
    const bytes = await renderMerged(input.merged.items, {
      stamp: input.merged.stamp,
      provisional: input.merged.provisional,
      shouldStop: () => cancelled,
      onDrawn: async (i) => {
        if (i % 5 === 4) {
          post({ type: 'merged-progress', drawn: i + 1 })
          await yieldToEvents()
        }
      }
    })
    if (!bytes || cancelled) return post({ type: 'cancelled' })
    writeAtomically(input.merged.path, bytes)
    post({ type: 'merged', path: input.merged.path, sha256: sha256(bytes), size: bytes.length })
  }
  post({ type: 'done' })
}
