import { statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { BackupSettings } from '@shared/api/areas/backup'
import { DEFAULT_KEEP, MAX_KEEP, MIN_KEEP } from '@shared/domain/backups'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import type { ServiceContext } from '../context'
import { checkWritableFolder } from '../documents/documentsFolder'

export const BACKUP_FOLDER_SETTING = 'backup.folder'
export const BACKUP_KEEP_SETTING = 'backup.keep'

/** `sauvegardes` beside the database: the folder the pre-upgrade copies already use (db/migrate.ts). */
export function defaultBackupFolder(db: Db): string {
  return join(dirname(resolve(db.name)), 'sauvegardes')
}

const setting = (db: Db, key: string): string | null =>
  db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?').get(key)?.value ?? null

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false
  } catch {
    return false
  }
}

export function getBackupSettings(db: Db): BackupSettings {
  const stored = setting(db, BACKUP_FOLDER_SETTING)
  const defaultFolder = defaultBackupFolder(db)
  const folder = stored || defaultFolder
  const keepText = setting(db, BACKUP_KEEP_SETTING)
  const keep = keepText === null ? DEFAULT_KEEP : Math.min(MAX_KEEP, Math.max(MIN_KEEP, Math.trunc(Number(keepText)) || DEFAULT_KEEP))
  return { folder, defaultFolder, isDefault: !stored, exists: isDirectory(folder), keep }
}

/** Saves the folder (checked writable first, created when missing) and the number kept; audited. */
export function saveBackupSettings(ctx: ServiceContext, input: { folder: string | null; keep: number }): BackupSettings {
  const checked = input.folder === null ? null : checkWritableFolder(input.folder)
  const folder = checked === null || checked === defaultBackupFolder(ctx.db) ? null : checked
  return ctx.db.transaction(() => {
    const before = getBackupSettings(ctx.db)
    const upsert = ctx.db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    if (folder === null) ctx.db.prepare('DELETE FROM app_setting WHERE key = ?').run(BACKUP_FOLDER_SETTING)
    else upsert.run(BACKUP_FOLDER_SETTING, folder)
    upsert.run(BACKUP_KEEP_SETTING, String(input.keep))
    const after = getBackupSettings(ctx.db)
    if (before.folder !== after.folder || before.keep !== after.keep) {
      recordAudit(ctx, {
        operation: 'settings.backup',
        entity: 'app_setting',
        entityId: BACKUP_FOLDER_SETTING,
        before: { folder: before.folder, keep: before.keep },
        after: { folder: after.folder, keep: after.keep }
      })
    }
    return after
  })()
}
