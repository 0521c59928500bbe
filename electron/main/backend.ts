import type { Db } from './db/open'
import { openDatabase } from './db/open'
import { createDispatch, type Dispatch } from './api/dispatch'
import { handlers, type HostInfo } from './api/handlers'
import { documentsWorkers } from './services/documents/documentsWorkerPool'
import { systemClock, type Clock } from './services/context'
import { startBackupScheduler } from './services/backup/backupScheduler'
import type { MigrationReport } from './db/migrate'
import { consoleLog, logInternal, openAppLog, setProcessLog, type AppLog } from './log/appLog'
import { loggedDispatch } from './log/loggedDispatch'
import { removeRunTemp, sweepDeadRuns } from './tempFiles/runTemp'
import { sweepPartFiles } from './tempFiles/partFiles'
import { documentsRoot } from './services/documents/documentRegister'

export type RunningBackend = { db: Db; dispatch: Dispatch; migration: MigrationReport; log: AppLog; close: () => void }

/** The log when a folder is given; a folder that cannot be written must not stop the app. */
async function openLog(dir: string | undefined): Promise<AppLog> {
  if (!dir) return consoleLog
  try {
    return await openAppLog(dir)
  } catch (e) {
    console.error(`Journal impossible à ouvrir dans ${dir}`, e)
    return consoleLog
  }
}

let watchingCrashes = false
/** A crash of the process still reaches the log (the monitor leaves Node's own handling as is). */
function logCrashes(): void {
  if (watchingCrashes) return
  watchingCrashes = true
  process.on('uncaughtExceptionMonitor', (e, origin) => logInternal(origin, e))
}

/** Opens (and migrates) the database and wires the contract's handlers: used by Electron and the browser host alike. */
export async function startBackend(options: {
  dbPath: string
  kind: HostInfo['kind']
  version: string
  clock?: Clock
  /** The folder of the rotating log (see log/appLog.ts); without it, errors go to the console. */
  logDir?: string
  /** Replaces the log's record of internal errors (tests that expect some). */
  log?: (e: unknown, op: string) => void
  /** Automatic daily backups while the backend runs (the hosts turn them on; tests usually not). */
  backups?: boolean
}): Promise<RunningBackend> {
  const log = await openLog(options.logDir)
  // Short waits on the main thread: the dispatcher retries a busy write asynchronously.
  const { db, migration } = await openDatabase(options.dbPath, { busyTimeoutMs: 200 }).catch((e: unknown) => {
    log.internal('start', e)
    log.close()
    throw e
  })
  setProcessLog(log)
  logCrashes()
  log.event('start', { kind: options.kind, version: options.version, schemaFrom: migration.from, schemaTo: migration.to })
  // Temporary files a crashed or killed run left behind (see tempFiles/runTemp.ts).
  const swept = sweepDeadRuns()
  if (swept.length > 0) log.event('temp folders of stopped runs removed', { count: swept.length })
  // After start-up, not before: the documents folder may be a slow network share.
  setTimeout(() => {
    if (!db.open) return
    const parts = sweepPartFiles(documentsRoot(db))
    if (parts.length > 0) log.event('unfinished PDF files removed', { count: parts.length })
  }, 0).unref()
  const host = { kind: options.kind, version: options.version, dbPath: options.dbPath, logDir: log.dir }
  const backend = { db, clock: options.clock ?? systemClock, host }
  const internal = options.log ?? ((e: unknown, op: string) => log.internal(op, e))
  const backups = options.backups ? startBackupScheduler(db, backend.clock, { log: (e) => internal(e, 'backup:automatic') }) : null
  return {
    db,
    migration,
    log,
    dispatch: loggedDispatch(createDispatch(backend, handlers, internal), log),
    close: () => {
      backups?.stop()
      void documentsWorkers.close()
      if (db.open) {
        // Keeps the planner's statistics current (e.g. recruitment_event vs its indexes).
        db.pragma('optimize')
        db.close()
      }
      // Finished previews and any other temporary file of this run.
      removeRunTemp()
      log.event('stop')
      setProcessLog(null)
      log.close()
    }
  }
}
