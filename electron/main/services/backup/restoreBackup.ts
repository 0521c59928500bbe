import { mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { BackupDone, RestoreDone } from '@shared/api/areas/backup'
import { AppError } from '@shared/api/result'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import type { ServiceContext } from '../context'
import { writeBackupFile } from './backupFiles'
import { getBackupSettings } from './backupSettings'
import { copyForRestore, prepareCandidate, type RestoreCandidate } from './restoreCandidate'
import { makeTempDir } from '../../tempFiles/runTemp'

export type RestoreOptions = {
  /** Where the checked copy is prepared (a fresh folder inside, removed at the end); default: the run's temporary folder. */
  workRoot?: string
  /** How long to wait, in all, for another connection's write (an import) to finish. */
  busyWaitMs?: number
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** One restore at a time in this process: a second one would copy over the first. */
let restoring = false

/*
 * How the live database is replaced. The file is never closed, deleted or renamed: the main
 * connection, a catalogue import's worker connection and a second host may all have it open, and
 * a file swapped under them would leave them writing into the old one. Instead the checked copy is
 * written INTO the live file with SQLite's online backup API, through SQLite's own locking: the
 * pages are replaced in one write transaction (all pages in one step), which other connections see
 * whole or not at all, and which a crash rolls back. The main connection keeps working on the
 * restored content, with no reopen.
 *
 * better-sqlite3 answers a destination busy at the first step as a finished backup of 0 pages
 * (SQLite had not counted the pages yet): that is how « another connection is writing » shows,
 * and the copy is tried again after a pause.
 */
async function copyOver(candidate: Db, live: string, waitMs: number): Promise<void> {
  let waited = 0
  let delay = 50
  for (;;) {
    const progress = await candidate.backup(live, { progress: () => 0x7fffffff })
    if (progress.totalPages > 0) return
    if (waited >= waitMs) {
      throw new AppError(
        'busy',
        'La base de données est occupée par une autre opération (un import de catalogue, une autre fenêtre) : la restauration n’a pas eu lieu. Réessayez dans un instant.'
      )
    }
    await sleep(delay)
    waited += delay
    delay = Math.min(delay * 2, 1000)
  }
}

/** The restore, recorded in the restored database's audit trail (chained after its last row). */
function recordRestore(ctx: ServiceContext, source: string, candidate: RestoreCandidate, safety: BackupDone): void {
  ctx.db.transaction(() => {
    // The clerk's id in the restored database (it may not have existed at the backup's moment).
    const clerk = ctx.db.prepare<[string], { id: number }>('SELECT id FROM clerk WHERE name = ? COLLATE NOCASE').get(ctx.actor.name)
    recordAudit(
      { ...ctx, actor: { clerkId: clerk?.id ?? null, name: ctx.actor.name } },
      {
        operation: 'backup.restore',
        entity: 'database',
        entityId: null,
        before: { copy: safety.path },
        after: { restoredFrom: source, schemaFrom: candidate.schemaFrom, schemaTo: candidate.schemaTo }
      }
    )
  })()
}

/**
 * Replaces the database by a backup: the file is copied and checked (restoreCandidate.ts), the
 * current database is backed up (« avant-restauration », never rotated), then the copy is written
 * over the live file. Each refusal says so in French and leaves the database as it was.
 */
export async function restoreBackup(ctx: ServiceContext, source: string, options: RestoreOptions = {}): Promise<RestoreDone> {
  if (ctx.db.memory) throw new AppError('refused', 'Une base en mémoire ne se restaure pas.')
  if (restoring) throw new AppError('refused', 'Une restauration est déjà en cours : attendez qu’elle se termine. Rien n’a été changé.')
  restoring = true
  const shown = resolve(source)
  let workDir: string | null = null
  let candidate: RestoreCandidate | null = null
  try {
    // The run's temporary folder (tempFiles/runTemp.ts): a crash mid-restore leaves nothing for long.
    workDir = options.workRoot ? mkdtempSync(join(options.workRoot, 'passerelle-restauration-')) : makeTempDir('restauration-')
    const copy = copyForRestore(shown, ctx.db.name, workDir)
    candidate = await prepareCandidate(copy, shown, ctx.db, ctx.clock)
    let safety: BackupDone
    try {
      safety = await writeBackupFile(ctx.db, getBackupSettings(ctx.db).folder, 'avant-restauration', ctx.clock.now())
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e)
      throw new AppError('refused', `La base actuelle n’a pas pu être copiée avant la restauration : ${why} La restauration n’a pas eu lieu, rien n’a été changé.`)
    }
    await copyOver(candidate.db, ctx.db.name, options.busyWaitMs ?? 30_000)
    try {
      recordRestore(ctx, shown, candidate, safety)
    } catch {
      // The database is restored: a trace that could not be written (another connection's write in
      // between) must not answer « failed », nor let the dispatcher run the whole restore again.
    }
    // Folds the restored pages into the file now (best effort: a reader may hold the WAL).
    ctx.db.pragma('wal_checkpoint(PASSIVE)')
    return { restoredFrom: shown, safetyBackup: safety.path, schemaFrom: candidate.schemaFrom, schemaTo: candidate.schemaTo }
  } finally {
    if (candidate?.db.open) candidate.db.close()
    if (workDir) rmSync(workDir, { recursive: true, force: true })
    restoring = false
  }
}
