import type { BackupDone } from '@shared/api/areas/backup'
import type { Db } from '../../db/open'
import type { Clock } from '../context'
import { runAutomaticBackup } from './backupService'

export type BackupScheduler = {
  /** One check now (what the timer does): the day's backup when it is due. */
  tick: () => Promise<BackupDone | null>
  /** No more checks; a backup being written is abandoned with the connection's close. */
  stop: () => void
}

/** A day that passes while the app stays open is noticed within this delay. */
export const CHECK_EVERY_MS = 10 * 60 * 1000

/**
 * Automatic backups while the app runs: a check at start, then every few minutes; the day's
 * backup is taken by the first check of that day (by the injected clock). A failure (a folder on
 * a missing drive) is logged and tried again at the next check; it never disturbs the app.
 */
export function startBackupScheduler(
  db: Db,
  clock: Clock,
  options: { everyMs?: number; log?: (e: unknown) => void } = {}
): BackupScheduler {
  let running: Promise<BackupDone | null> | null = null
  let stopped = false
  const tick = (): Promise<BackupDone | null> => {
    if (stopped || !db.open) return Promise.resolve(null)
    running ??= runAutomaticBackup(db, clock)
      .catch((e: unknown) => {
        if (!stopped) options.log?.(e)
        return null
      })
      .finally(() => {
        running = null
      })
    return running
  }
  void tick()
  const timer = setInterval(() => void tick(), options.everyMs ?? CHECK_EVERY_MS)
  // The timer alone must not keep a process alive (the CLI, a test).
  timer.unref()
  return {
    tick,
    stop: () => {
      stopped = true
      clearInterval(timer)
    }
  }
}

/**
 * Whether a host runs the scheduler: always, except under the tests (PASSERELLE_TEST=1), where a
 * test turns it on with PASSERELLE_BACKUPS=1 (backups at every host start would fill temp folders).
 */
export function backupsEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.PASSERELLE_TEST !== '1' || env.PASSERELLE_BACKUPS === '1'
}
