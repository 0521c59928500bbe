import { mkdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import type { DocumentsFolder } from '@shared/api/areas/documents'
import { AppError } from '@shared/api/result'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import type { ServiceContext } from '../context'
import { DOCUMENTS_FOLDER_SETTING, defaultDocumentsRoot, storedDocumentsRoot } from './documentRegister'

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false
  } catch {
    return false
  }
}

export function getDocumentsFolder(db: Db): DocumentsFolder {
  const stored = storedDocumentsRoot(db)
  const defaultPath = defaultDocumentsRoot(db)
  const path = stored ?? defaultPath
  return { path, defaultPath, isDefault: stored === null, exists: isDirectory(path) }
}

const samePath = (a: string, b: string): boolean =>
  process.platform === 'win32' || process.platform === 'darwin' ? a.toLocaleLowerCase() === b.toLocaleLowerCase() : a === b

function refused(message: string): AppError {
  return new AppError('invalid_input', message, [{ path: 'path', message }])
}

/** The system's reason, in the clerk's words where it is a common one. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'accès refusé'
    case 'EROFS':
      return 'support en lecture seule'
    case 'ENOSPC':
      return 'disque plein'
    case 'ENOTDIR':
      return 'un élément du chemin est un fichier'
    case 'ENOENT':
      return 'lecteur ou dossier introuvable'
    default:
      return code ? `erreur ${code}` : 'erreur inconnue'
  }
}

/**
 * Checks a folder typed by a clerk before it is saved: a complete path on this computer, a
 * folder (created when missing, with its parents) where a file can be written. Answers the
 * normalised path; refuses with a French message, leaving behind no folder it created.
 */
export function checkWritableFolder(input: string): string {
  const example = process.platform === 'win32' ? 'C:\\Formation\\Documents' : '/Users/claire/Documents'
  if (!isAbsolute(input)) throw refused(`« ${input} » n’est pas un chemin complet sur cet ordinateur : indiquez le dossier depuis la racine (par exemple ${example}).`)
  const path = resolve(input)
  let created: string | undefined
  try {
    const stat = statSync(path, { throwIfNoEntry: false })
    if (stat && !stat.isDirectory()) throw refused(`« ${path} » est un fichier, pas un dossier.`)
    if (!stat) created = mkdirSync(path, { recursive: true })
  } catch (e) {
    if (e instanceof AppError) throw e
    throw refused(`Le dossier « ${path} » n’existe pas et ne peut pas être créé (${reason(e)}) : vérifiez le chemin et vos droits.`)
  }
  const probe = join(path, `.passerelle-essai-${process.pid}-${Date.now()}.tmp`)
  try {
    writeFileSync(probe, '', { flag: 'wx' })
    unlinkSync(probe)
  } catch (e) {
    if (created) rmSync(created, { recursive: true, force: true })
    throw refused(`Passerelle ne peut pas écrire dans le dossier « ${path} » (${reason(e)}) : choisissez un dossier où vous avez le droit d’écrire.`)
  }
  return path
}

function saveFolder(ctx: ServiceContext, operation: 'set' | 'reset', folder: string | null): DocumentsFolder {
  return ctx.db.transaction(() => {
    const before = getDocumentsFolder(ctx.db)
    const stored = storedDocumentsRoot(ctx.db)
    if (stored === folder) return before
    if (folder === null) ctx.db.prepare('DELETE FROM app_setting WHERE key = ?').run(DOCUMENTS_FOLDER_SETTING)
    else ctx.db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(DOCUMENTS_FOLDER_SETTING, folder)
    const after = getDocumentsFolder(ctx.db)
    recordAudit(ctx, {
      operation: `settings.documentsFolder.${operation}`,
      entity: 'app_setting',
      entityId: DOCUMENTS_FOLDER_SETTING,
      before: { path: before.path, isDefault: before.isDefault },
      after: { path: after.path, isDefault: after.isDefault }
    })
    return after
  })()
}

/** Saves the output folder once checked; the default folder typed in full is stored as « default ». */
export function setDocumentsFolder(ctx: ServiceContext, input: string): DocumentsFolder {
  const path = checkWritableFolder(input)
  return saveFolder(ctx, 'set', samePath(path, defaultDocumentsRoot(ctx.db)) ? null : path)
}

/** Back to « Documents générés » beside the database (it follows the database if it moves). */
export function resetDocumentsFolder(ctx: ServiceContext): DocumentsFolder {
  return saveFolder(ctx, 'reset', null)
}
