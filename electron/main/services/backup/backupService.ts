import { readdirSync } from 'node:fs'
import type { BackupDone, BackupList } from '@shared/api/areas/backup'
import { isBackupDue, localDay } from '@shared/domain/backups'
import type { Db } from '../../db/open'
import type { Clock } from '../context'
import { checkWritableFolder } from '../documents/documentsFolder'
import { ensureBackupFolder, listBackupFiles, pruneBackups, writeBackupFile } from './backupFiles'
import { getBackupSettings } from './backupSettings'

export function listBackups(db: Db): BackupList {
  const settings = getBackupSettings(db)
  return { settings, files: listBackupFiles(settings.folder) }
}

/**
 * « Sauvegarder maintenant »: into the folder the clerk typed (checked writable, created when
 * missing: a USB key, a network share) or the automatic folder. A manual copy is never rotated.
 */
export async function backupNow(db: Db, clock: Clock, folder?: string): Promise<BackupDone> {
  const target = folder === undefined ? getBackupSettings(db).folder : checkWritableFolder(folder)
  return writeBackupFile(db, target, 'manuelle', clock.now())
}

/**
 * The automatic backup: one per day of the clerk's calendar (the first call of a day takes it),
 * then only the `keep` newest automatic backups are kept. Answers null when today's exists.
 */
export async function runAutomaticBackup(db: Db, clock: Clock): Promise<BackupDone | null> {
  const { folder, keep, isDefault } = getBackupSettings(db)
  ensureBackupFolder(folder, isDefault)
  const now = clock.now()
  if (!isBackupDue(readdirSync(folder), localDay(now))) return null
  const done = await writeBackupFile(db, folder, 'automatique', now)
  pruneBackups(folder, keep, now)
  return done
}
