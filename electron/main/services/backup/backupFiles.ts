import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { BackupDone, BackupFile } from '@shared/api/areas/backup'
import { backupFileName, backupsToPrune, backupStamp, parseBackupName, type BackupKind } from '@shared/domain/backups'
import { AppError } from '@shared/api/result'
import type { Db } from '../../db/open'
import { fileSystemReason } from './fileSystemReason'

/** A backup being written: never under its real name until it is complete. */
const PART = /^\.passerelle-.*\.part(-wal|-shm|-journal)?$/
/** The copies db/migrate.ts makes before a schema upgrade (`passerelle.db.v50.<instant>.bak`). */
const UPGRADE_COPY = /\.v\d+\.[^/\\]*\.bak$/

/**
 * The folder for backups, created for this account only (0700) when missing. Job seekers' data:
 * another account of the computer must not read the copies either. `ours`: Passerelle's own
 * folder (not one a clerk chose, whose rights are theirs), made private even if it existed.
 */
export function ensureBackupFolder(folder: string, ours = false): void {
  let why = 'c’est un fichier, pas un dossier'
  try {
    const stat = statSync(folder, { throwIfNoEntry: false })
    if (!stat) mkdirSync(folder, { recursive: true, mode: 0o700 })
    else if (stat.isDirectory() && ours && process.platform !== 'win32') chmodSync(folder, 0o700)
    if (!stat || stat.isDirectory()) return
  } catch (e) {
    why = fileSystemReason(e)
  }
  throw new AppError('refused', `Le dossier des sauvegardes « ${folder} » n’est pas disponible (${why}) : rien n’a été sauvegardé.`)
}

function removePart(part: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${part}${suffix}`, { force: true })
}

/**
 * Copies the live database with SQLite's online backup API (consistent while the app and its
 * workers keep writing) into `folder`, under a dated name. The copy is made self-contained
 * (rollback journal, no -wal beside it) and readable by this account only (0600), then renamed:
 * an interrupted backup never leaves a file that looks complete.
 */
export async function writeBackupFile(db: Db, folder: string, kind: BackupKind, at: Date): Promise<BackupDone> {
  ensureBackupFolder(folder)
  let n = 1
  while (existsSync(join(folder, backupFileName(kind, at, n)))) n++
  const path = join(folder, backupFileName(kind, at, n))
  const part = join(folder, `.passerelle-${backupStamp(at)}-${process.pid}.part`)
  try {
    removePart(part)
    await db.backup(part)
    const copy = new Database(part)
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    chmodSync(part, 0o600)
    renameSync(part, path)
  } catch (e) {
    removePart(part)
    if (e instanceof AppError) throw e
    throw new AppError('refused', `La sauvegarde dans « ${folder} » a échoué (${fileSystemReason(e)}) : vérifiez le dossier et la place libre.`)
  }
  return { path, sizeBytes: statSync(path).size }
}

const pad = (n: number): string => String(n).padStart(2, '0')
const localMinute = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`

/** Passerelle's backups in a folder (dated names, upgrade copies), newest first; none when it is missing. */
export function listBackupFiles(folder: string): BackupFile[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return []
  }
  const files: (BackupFile & { mtimeMs: number })[] = []
  for (const name of names) {
    const parsed = parseBackupName(name)
    if (!parsed && !UPGRADE_COPY.test(name)) continue
    const path = join(folder, name)
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat?.isFile()) continue
    files.push(
      parsed
        ? { path, name, kind: parsed.kind, takenAt: `${parsed.day} ${parsed.time}`, sizeBytes: stat.size, mtimeMs: stat.mtimeMs }
        : { path, name, kind: 'avant-mise-a-jour', takenAt: localMinute(stat.mtime), sizeBytes: stat.size, mtimeMs: stat.mtimeMs }
    )
  }
  // Within one minute (a copy before a restore just after a manual one), the file written last first.
  return files
    .sort((a, b) => (a.takenAt === b.takenAt ? b.mtimeMs - a.mtimeMs || b.name.localeCompare(a.name) : a.takenAt < b.takenAt ? 1 : -1))
    .map(({ mtimeMs: _, ...f }) => f)
}

/** A part this old was left by a backup that was interrupted (the app quit or crashed meanwhile). */
const STALE_PART_MS = 60 * 60 * 1000

/**
 * Deletes the automatic backups beyond the `keep` newest, and parts left by an interrupted backup
 * (older than an hour at `now`, the service clock's time, so a part being written is never taken).
 */
export function pruneBackups(folder: string, keep: number, now: Date): string[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return []
  }
  const removed = backupsToPrune(names, keep)
  for (const name of removed) rmSync(join(folder, name), { force: true })
  for (const name of names) {
    if (!PART.test(name)) continue
    const stat = statSync(join(folder, name), { throwIfNoEntry: false })
    if (stat && now.getTime() - stat.mtimeMs > STALE_PART_MS) rmSync(join(folder, name), { force: true })
  }
  return removed
}
