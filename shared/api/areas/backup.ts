import { z } from 'zod'
import { looksLikeAbsolutePath } from '../../domain/documents'
import { MAX_KEEP, MIN_KEEP, type BackupKind } from '../../domain/backups'
import { command, query } from '../spec'

/** Where automatic backups go and how many are kept (app settings `backup.folder`, `backup.keep`). */
export type BackupSettings = {
  folder: string
  /** `sauvegardes` beside the database. */
  defaultFolder: string
  isDefault: boolean
  /** Whether the folder is there now (a network or removable drive may be missing). */
  exists: boolean
  keep: number
}

/** A backup file of the folder, as the restore list shows it. */
export type BackupFile = {
  path: string
  name: string
  /** `avant-mise-a-jour`: the copy Passerelle made before upgrading the database's schema. */
  kind: BackupKind | 'avant-mise-a-jour'
  /** Local date and time it was taken, `yyyy-mm-dd hh:mm`. */
  takenAt: string
  sizeBytes: number
}

export type BackupList = { settings: BackupSettings; files: BackupFile[] }

export type BackupDone = { path: string; sizeBytes: number }

export type RestoreDone = {
  restoredFrom: string
  /** The copy of the database as it was just before the restore. */
  safetyBackup: string
  /** The backup's schema version, and the one it was brought to. */
  schemaFrom: number
  schemaTo: number
}

const path = (what: string) =>
  z
    .string({ error: `${what} : texte attendu.` })
    .trim()
    .min(1, `Indiquez le chemin complet ${what === 'Le fichier' ? 'du fichier' : 'du dossier'}.`)
    .max(1000, `${what} : 1000 caractères au maximum.`)
    .refine((s) => !/[\u0000-\u001f]/.test(s), `${what} : le chemin contient un caractère invisible, retapez-le.`)
    .refine(
      // An empty path has its own message above.
      (s) => s === '' || looksLikeAbsolutePath(s),
      `${what} : indiquez le chemin complet, depuis la racine (par exemple C:\\Formation\\Sauvegardes ou /Users/claire/Sauvegardes).`
    )

export const backupOps = {
  /** The settings in effect and the backups of the automatic folder, newest first. */
  'backup:list': query<BackupList>()(z.object({}).strict()),
  'backup:settings': query<BackupSettings>()(z.object({}).strict()),
  /** `folder: null` goes back to the default folder; refused, nothing saved, unless the folder is writable. */
  'backup:saveSettings': command<BackupSettings>()(
    z
      .object({
        folder: path('Le dossier').nullable(),
        keep: z
          .number({ error: 'Le nombre de sauvegardes gardées : nombre attendu.' })
          .int('Le nombre de sauvegardes gardées : nombre entier attendu.')
          .min(MIN_KEEP, `Gardez au moins ${MIN_KEEP} sauvegarde.`)
          .max(MAX_KEEP, `Gardez au plus ${MAX_KEEP} sauvegardes.`)
      })
      .strict()
  ),
  /** A backup now, into `folder` (created when missing) or the automatic folder; never rotated. */
  'backup:now': command<BackupDone>()(z.object({ folder: path('Le dossier').optional() }).strict()),
  /**
   * Replaces the database by a backup, once checked (integrity, a Passerelle database, a schema
   * this version knows; an older one is brought up to date), after a copy of the current one.
   */
  'backup:restore': command<RestoreDone>()(z.object({ path: path('Le fichier') }).strict())
}
