import type { Worker } from 'node:worker_threads'
import { startWorker } from '../../workers/startWorker'

/** An idle worker is kept this long after its last batch, then stopped to give its memory back. */
const IDLE_MS = 5 * 60 * 1000

/**
 * Documents workers reused across batches. Starting a worker costs more than drawing a hundred
 * certificates (loading pdfkit, parsing the fonts, cold compiled code), so the last idle worker is
 * kept for the next batch; concurrent batches each get their own. An idle worker is unref'd: it
 * never keeps the process alive on its own.
 */
export class DocumentsWorkerPool {
  private idle: Worker | null = null
  private idleTimer: NodeJS.Timeout | null = null

  constructor(private readonly start: () => Worker = startDocumentsWorker, private readonly idleMs = IDLE_MS) {}

  acquire(): Worker {
    const worker = this.idle ?? this.spawn()
    this.clearIdle()
    worker.ref()
    return worker
  }

  /** A worker that finished its batch normally comes back here; one that failed is `discard`ed. */
  release(worker: Worker): void {
    if (this.idle) return void worker.terminate()
    this.idle = worker
    worker.unref()
    this.idleTimer = setTimeout(() => {
      if (this.idle === worker) this.discardIdle()
    }, this.idleMs)
    this.idleTimer.unref()
  }

  discard(worker: Worker): Promise<number> {
    if (this.idle === worker) this.clearIdle()
    return worker.terminate()
  }

  /** Stops the idle worker (app quit, tests). */
  async close(): Promise<void> {
    await this.discardIdle()
  }

  private spawn(): Worker {
    const worker = this.start()
    // A worker that dies while idle (out of memory, a bug) is simply not reused.
    worker.on('exit', () => {
      if (this.idle === worker) this.clearIdle()
    })
    worker.on('error', () => undefined)
    return worker
  }

  private discardIdle(): Promise<number | void> {
    const worker = this.idle
    this.clearIdle()
    return worker ? worker.terminate() : Promise.resolve()
  }

  private clearIdle(): void {
    this.idle = null
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
  }
}

function startDocumentsWorker(): Worker {
  return startWorker(__dirname, 'documentsWorker')
}

/** One pool for the process: the workers hold no database state, only fonts and code. */
export const documentsWorkers = new DocumentsWorkerPool()
