import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AppError } from '@shared/api/result'
import { migrate, schemaVersion } from '../../db/migrate'
import { MIGRATIONS } from '../../db/migrations'
import { openConnection, type Db } from '../../db/open'
import type { Clock } from '../context'
import { fileSystemReason } from './fileSystemReason'

/** A checked copy of the backup, at the app's schema, ready to be copied over the live database. */
export type RestoreCandidate = { db: Db; schemaFrom: number; schemaTo: number }

const NOTHING_CHANGED = 'Rien n’a été changé.'
const refuse = (message: string): AppError => new AppError('refused', `${message} ${NOTHING_CHANGED}`)

/** The tables every Passerelle database has had since its first schema. */
const PASSERELLE_TABLES = ['app_setting', 'clerk', 'organisation', 'audit_log']

const samePath = (a: string, b: string): boolean =>
  process.platform === 'win32' || process.platform === 'darwin' ? a.toLocaleLowerCase() === b.toLocaleLowerCase() : a === b

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const header = Buffer.alloc(16)
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === 'SQLite format 3\u0000'
  } finally {
    closeSync(fd)
  }
}

/** SQLite's answers for a file that is not a database or is damaged. */
const isDamaged = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(e.code)

/**
 * Copies the chosen file into `workDir` (the file itself is never opened for writing: a backup
 * stays as it was) with its -wal when it has one (a database copied by hand while open), and
 * answers the path of the copy. Refuses the live database itself, a folder, a missing file.
 */
export function copyForRestore(source: string, liveDb: string, workDir: string): string {
  const path = resolve(source)
  if (samePath(path, resolve(liveDb))) throw refuse('Ce fichier est la base de données en service : choisissez une sauvegarde.')
  let stat
  try {
    stat = statSync(path, { throwIfNoEntry: false })
  } catch (e) {
    throw refuse(`Le fichier « ${path} » ne peut pas être lu (${fileSystemReason(e)}).`)
  }
  if (!stat) throw refuse(`Le fichier « ${path} » est introuvable : vérifiez le chemin (lecteur amovible ou réseau branché ?).`)
  if (!stat.isFile()) throw refuse(`« ${path} » est un dossier : choisissez un fichier de sauvegarde (.sqlite).`)
  mkdirSync(workDir, { recursive: true, mode: 0o700 })
  const copy = join(workDir, 'restauration.sqlite')
  try {
    if (!hasSqliteHeader(path)) throw refuse(`« ${path} » n’est pas une sauvegarde de Passerelle (ce n’est pas une base SQLite).`)
    copyFileSync(path, copy)
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`)
  } catch (e) {
    if (e instanceof AppError) throw e
    throw refuse(`Le fichier « ${path} » ne peut pas être lu (${fileSystemReason(e)}).`)
  }
  return copy
}

/**
 * Opens the copy and checks it before anything of the live database is touched: SQLite's
 * integrity check, Passerelle's tables, a schema this version knows (a newer one is refused: an
 * older app must never rewrite it); an older schema is brought up to date here, on the copy.
 * Finally the copy gets the live database's page size (SQLite's backup into a WAL database needs it).
 */
export async function prepareCandidate(copy: string, shownPath: string, live: Db, clock: Clock): Promise<RestoreCandidate> {
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
  let db: Db
  try {
    db = openConnection(copy, { busyTimeoutMs: 0 })
  } catch (e) {
    throw refuse(damaged(shownPath, e))
  }
  try {
    let problems: string[]
    try {
      problems = db
        .prepare<[], { integrity_check: string }>('PRAGMA integrity_check(5)')
        .all()
        .map((r) => r.integrity_check)
    } catch (e) {
      throw refuse(damaged(shownPath, e))
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw refuse(`« ${shownPath} » est endommagé (contrôle d’intégrité : ${problems.slice(0, 2).join(' ; ').slice(0, 200)}) : il ne peut pas être restauré.`)
    }
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((r) => r.name))
    const schemaFrom = schemaVersion(db)
    if (schemaFrom === 0 || PASSERELLE_TABLES.some((t) => !tables.has(t))) {
      throw refuse(`« ${shownPath} » est une base SQLite, mais pas une sauvegarde de Passerelle.`)
    }
    if (schemaFrom > latest) {
      throw refuse(
        `Cette sauvegarde vient d’une version plus récente de Passerelle (schéma ${schemaFrom}, cette version connaît le schéma ${latest}) : ` +
          'mettez Passerelle à jour avant de la restaurer.'
      )
    }
    try {
      await migrate(db, MIGRATIONS, { backupDir: join(copy, '..', 'avant-mise-a-jour'), now: () => clock.now() })
    } catch (e) {
      throw refuse(`Cette sauvegarde (schéma ${schemaFrom}) n’a pas pu être mise à jour vers le schéma ${latest} : ${e instanceof Error ? e.message : String(e)}`)
    }
    matchPageSize(db, live)
    return { db, schemaFrom, schemaTo: schemaVersion(db) }
  } catch (e) {
    db.close()
    throw e
  }
}

function damaged(path: string, e: unknown): string {
  return isDamaged(e)
    ? `« ${path} » est endommagé ou n’est pas une base de données : il ne peut pas être restauré.`
    : `« ${path} » ne peut pas être ouvert (${fileSystemReason(e)}).`
}

/** Rare (a database made by another tool): rebuilds the copy with the live database's page size. */
function matchPageSize(db: Db, live: Db): void {
  const want = Number(live.pragma('page_size', { simple: true }))
  if (Number(db.pragma('page_size', { simple: true })) === want) return
  db.pragma('journal_mode = DELETE')
  db.pragma(`page_size = ${want}`)
  db.exec('VACUUM')
}
