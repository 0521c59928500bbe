import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * Starts one of the main process's worker entries by name (`documentsWorker`, `readerWorker`,
 * `applyWorker`), from the caller's folder (`dir`, its `__dirname`).
 *
 * The built app runs `out/main/<name>.js` (entries of electron.vite.config.ts); the caller may be
 * bundled into out/main/chunks/ (shared by index.js and host.js), the entry then sits one folder
 * up. Tests, benchmarks and the command line run from TypeScript through tsx, which the worker
 * registers itself: a worker does not inherit its parent's loader.
 */
export function startWorker(dir: string, name: string, options: WorkerOptions = {}): Worker {
  if (!__filename.endsWith('.ts')) {
    const built = [join(dir, `${name}.js`), join(dir, '..', `${name}.js`)].find((p) => existsSync(p))
    return new Worker(built ?? join(dir, `${name}.js`), options)
  }
  const entry = JSON.stringify(join(dir, `${name}.ts`))
  return new Worker(`require('tsx/cjs/api').register(); require(${entry})`, { ...options, eval: true })
}
