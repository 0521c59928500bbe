import { existsSync, mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { AppError } from '@shared/api/result'
import type { Migration } from './migration'

export type MigrationReport = { from: number; to: number; backupPath: string | null }

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Refuses a database written by a newer Passerelle: an older app must never corrupt it. */
export function assertNotNewer(db: Database, migrations: readonly Migration[]): void {
  const current = schemaVersion(db)
  const latest = migrations[migrations.length - 1]?.version ?? 0
  if (current > latest) {
    throw new AppError(
      'refused',
      `Cette base de données a été créée par une version plus récente de Passerelle (schéma ${current}, ` +
        `cette version connaît le schéma ${latest}). Mettez Passerelle à jour pour l'ouvrir.`
    )
  }
}

/**
 * Applies the pending migrations in one transaction, after a backup of a non-empty database:
 * a failed migration leaves the file exactly as it was.
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[],
  options: { backupDir?: string; now?: () => Date } = {}
): Promise<MigrationReport> {
  assertNotNewer(db, migrations)
  const from = schemaVersion(db)
  const pending = migrations.filter((m) => m.version > from)
  if (pending.length === 0) return { from, to: from, backupPath: null }

  let backupPath: string | null = null
  if (from > 0 && db.name !== ':memory:') {
    const dir = options.backupDir ?? join(dirname(db.name), 'sauvegardes')
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true })
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
    backupPath = join(dir, `${basename(db.name)}.v${from}.${stamp}.bak`)
    await db.backup(backupPath)
  }

  db.transaction(() => {
    for (const m of pending) {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }
  })()
  return { from, to: schemaVersion(db), backupPath }
}
