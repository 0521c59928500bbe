import { createHash } from 'node:crypto'
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { renderDocument, renderMerged } from '../../pdf/render'
import type { WorkerCommand, WorkerInput, WorkerMessage } from './workerProtocol'

/*
 * Renders a batch of PDFs off the main thread. The fonts are parsed once in this thread (the
 * pdf/fonts module's cache) and shared by every document of the batch. Each file is written
 * under a temporary name then renamed, so a cancelled or failed batch never leaves a partial
 * PDF under a real name.
 */

const port = parentPort
if (!port) throw new Error('documentsWorker must run in a worker thread')
let cancelled = false
port.on('message', (m: WorkerCommand) => {
  if (m === 'cancel') cancelled = true
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
    const bytes = await renderDocument(f.data)
    writeAtomically(f.path, bytes)
    post({ type: 'file', index: f.index, path: f.path, sha256: sha256(bytes), size: bytes.length })
  }
  if (input.merged) {
    const bytes = await renderMerged(input.merged.items, {
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

main(workerData as WorkerInput).catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }))
