import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { DocumentsWorkerPool } from '../../electron/main/services/documents/documentsWorkerPool'

// A trivial worker that stays alive until terminated, like the documents worker between batches.
const started: Worker[] = []
const start = (): Worker => {
  const w = new Worker("require('node:worker_threads').parentPort.on('message', () => undefined)", { eval: true })
  started.push(w)
  return w
}
const exited = (w: Worker): Promise<number> => new Promise((resolve) => w.once('exit', resolve))

afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.terminate()))
})

describe('documents worker pool', () => {
  it('hands the idle worker to the next batch instead of starting another', async () => {
    const pool = new DocumentsWorkerPool(start, 60_000)
    const a = pool.acquire()
    pool.release(a)
    const b = pool.acquire()
    expect(b).toBe(a)
    expect(started).toHaveLength(1)
    pool.release(b)
    await pool.close()
  })

  it('gives concurrent batches their own worker and keeps only one idle', async () => {
    const pool = new DocumentsWorkerPool(start, 60_000)
    const a = pool.acquire()
    const b = pool.acquire()
    expect(b).not.toBe(a)
    const bExit = exited(b)
    pool.release(a)
    pool.release(b)
    await bExit // stopped: only one idle worker is kept
    expect(pool.acquire()).toBe(a)
    await pool.discard(a)
  })

  it('never reuses a discarded worker', async () => {
    const pool = new DocumentsWorkerPool(start, 60_000)
    const a = pool.acquire()
    await pool.discard(a)
    const b = pool.acquire()
    expect(b).not.toBe(a)
    await pool.discard(b)
  })

  it('stops the idle worker after the idle delay', async () => {
    const pool = new DocumentsWorkerPool(start, 20)
    const a = pool.acquire()
    const aExit = exited(a)
    pool.release(a)
    await aExit
    expect(pool.acquire()).not.toBe(a)
    await pool.close()
  })

  it('does not hand out an idle worker that died', async () => {
    const pool = new DocumentsWorkerPool(start, 60_000)
    const a = pool.acquire()
    pool.release(a)
    await a.terminate()
    await new Promise((r) => setImmediate(r))
    expect(pool.acquire()).not.toBe(a)
  })
})
