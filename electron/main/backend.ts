import type { Db } from './db/open'
import { openDatabase } from './db/open'
import { createDispatch, type Dispatch } from './api/dispatch'
import { handlers, type HostInfo } from './api/handlers'
import { documentsWorkers } from './services/documents/documentsWorkerPool'
import { systemClock, type Clock } from './services/context'
import type { MigrationReport } from './db/migrate'

export type RunningBackend = { db: Db; dispatch: Dispatch; migration: MigrationReport; close: () => void }

/** Opens (and migrates) the database and wires the contract's handlers: used by Electron and the browser host alike. */
export async function startBackend(options: {
  dbPath: string
  kind: HostInfo['kind']
  version: string
  clock?: Clock
  log?: (e: unknown) => void
}): Promise<RunningBackend> {
  // Short waits on the main thread: the dispatcher retries a busy write asynchronously.
  const { db, migration } = await openDatabase(options.dbPath, { busyTimeoutMs: 200 })
  const backend = { db, clock: options.clock ?? systemClock, host: { kind: options.kind, version: options.version, dbPath: options.dbPath } }
  return {
    db,
    migration,
    dispatch: createDispatch(backend, handlers, options.log),
    close: () => {
      void documentsWorkers.close()
      if (!db.open) return
      // Keeps the planner's statistics current (e.g. recruitment_event vs its indexes).
      db.pragma('optimize')
      db.close()
    }
  }
}
