// Writes a staged catalogue into the database on a thread of its own, with its own connection,
// so that the app's main process keeps answering the window during a large import (or the
// comparison the preview makes). One job per worker; a stop flag shared with the parent lets a
// cancellation roll the transaction back between two formations.
import { parentPort, workerData } from 'node:worker_threads'
import { isLheoError } from '../../import/lheo'
import { openConnection } from '../../db/open'
import { applyStaged } from './importCatalogue'
import { importErrorMessage } from './importErrorMessage'
import { StagedFile } from './stagedFile'
import type { ApplyWorkerInput, ApplyWorkerMessage } from './applyProtocol'

const port = parentPort
if (!port) throw new Error('applyWorker must run in a worker thread')
const input = workerData as ApplyWorkerInput
const post = (m: ApplyWorkerMessage): void => port.postMessage(m)
const stop = new Int32Array(input.stop)

try {
  const db = openConnection(input.dbPath)
  try {
    const ctx = { db, clock: { now: () => new Date(input.now) }, actor: input.actor }
    const staged = { file: new StagedFile(input.stagedPath, 'read'), read: input.read }
    const summary = applyStaged(ctx, staged, input.options, {
      shouldStop: () => Atomics.load(stop, 0) !== 0,
      onProgress: (written) => post({ type: 'progress', written })
    })
    post({ type: 'done', summary })
  } finally {
    db.close()
  }
} catch (e) {
  post({ type: 'error', message: importErrorMessage(e), aborted: isLheoError(e) && e.aborted })
}
