import type { LheoImportSummary } from '@shared/api/areas/lheo'
import { AppError } from '@shared/api/result'
import { abortError } from '../../import/lheo'
import { startWorker } from '../../workers/startWorker'
import { nowIso, type ServiceContext } from '../context'
import type { ApplyWorkerInput, ApplyWorkerMessage } from './applyProtocol'
import { applyStaged, type ImportOptions, type StagedCatalogue } from './importCatalogue'

type Control = { signal?: AbortSignal; /** 0..1, formations written over formations read. */ onProgress?: (share: number) => void }

/**
 * `applyStaged` on a thread of its own with its own connection (see applyWorker.ts): the write
 * of a large catalogue takes seconds, during which the app's main process must keep answering.
 * An in-memory database cannot be shared with another connection: it is written here.
 */
export function applyInWorker(ctx: ServiceContext, staged: StagedCatalogue, options: ImportOptions, control: Control = {}): Promise<LheoImportSummary> {
  const total = Math.max(1, staged.read.formations)
  if (ctx.db.memory) {
    return Promise.resolve().then(() =>
      applyStaged(ctx, staged, options, { shouldStop: () => control.signal?.aborted ?? false, onProgress: (n) => control.onProgress?.(n / total) })
    )
  }
  const stop = new SharedArrayBuffer(4)
  const input: ApplyWorkerInput = { dbPath: ctx.db.name, stagedPath: staged.file.path, read: staged.read, options, actor: ctx.actor, now: nowIso(ctx.clock), stop }
  const worker = startWorker(__dirname, 'applyWorker', { workerData: input })
  const onAbort = (): void => {
    Atomics.store(new Int32Array(stop), 0, 1)
  }
  control.signal?.addEventListener('abort', onAbort, { once: true })
  if (control.signal?.aborted) onAbort()
  return new Promise<LheoImportSummary>((resolve, reject) => {
    worker.on('message', (m: ApplyWorkerMessage) => {
      if (m.type === 'progress') control.onProgress?.(m.written / total)
      else if (m.type === 'done') resolve(m.summary)
      else if (m.aborted) reject(abortError())
      else reject(new AppError('refused', m.message))
    })
    worker.on('error', (e) => reject(new AppError('refused', `Écriture du catalogue impossible : ${e.message}.`)))
    worker.on('exit', (code) => reject(new AppError('refused', `Écriture du catalogue interrompue (code ${code}).`)))
  }).finally(() => {
    control.signal?.removeEventListener('abort', onAbort)
    void worker.terminate()
  })
}
