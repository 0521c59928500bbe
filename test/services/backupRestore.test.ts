import { copyFileSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../electron/main/db/migrate'
import { LATEST_VERSION, MIGRATIONS } from '../../electron/main/db/migrations'
import { openConnection } from '../../electron/main/db/open'
import { backupNow } from '../../electron/main/services/backup/backupService'
import { restoreBackup } from '../../electron/main/services/backup/restoreBackup'
import type { ServiceContext } from '../../electron/main/services/context'
import { AppError } from '@shared/api/result'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { changeEverything, dumpAll, dumpFile, seedDemo, type Dump } from './backupWorld'

let t: TempDb
let ctx: ServiceContext
const clock = fixedClock('2026-12-02T13:30:00.000Z')
const backupsDir = () => join(t.dir, 'sauvegardes')

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db, clock)
  seedDemo(ctx)
})
afterEach(() => t.cleanup())

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected a refusal')
}

/** The restored audit trail: the backup's rows unchanged, then exactly one row telling the restore. */
function withoutRestoreRow(d: Dump): Dump {
  const audit = d.tables.audit_log ?? []
  return { ...d, tables: { ...d.tables, audit_log: audit.slice(0, -1) } }
}

describe('restore', () => {
  it('brings back every table byte for byte as it was at the backup, after a copy of what it replaces', async () => {
    const backup = await backupNow(t.db, clock)
    const atBackup = dumpAll(t.db)
    expect(dumpFile(backup.path)).toEqual(atBackup)
    expect(Object.values(atBackup.tables).filter((rows) => rows.length > 0).length).toBeGreaterThan(10)

    changeEverything(ctx)
    const changed = dumpAll(t.db)
    expect(changed).not.toEqual(atBackup)

    const done = await restoreBackup(ctx, backup.path, { workRoot: t.dir })
    const restored = dumpAll(t.db)
    expect(withoutRestoreRow(restored)).toEqual(atBackup)
    const last = t.db.prepare<[], { operation: string; clerk_name: string; after_json: string }>('SELECT operation, clerk_name, after_json FROM audit_log ORDER BY id DESC LIMIT 1').get()
    expect(last?.operation).toBe('backup.restore')
    expect(last?.clerk_name).toBe('Claire Martin')
    expect(JSON.parse(last?.after_json ?? '{}')).toMatchObject({ restoredFrom: backup.path, schemaFrom: LATEST_VERSION, schemaTo: LATEST_VERSION })

    // The database it replaced, kept whole beside the automatic backups.
    expect(done.safetyBackup).toMatch(/passerelle-\d{4}-\d{2}-\d{2}-\d{4}-avant-restauration\.sqlite$/)
    expect(dumpFile(done.safetyBackup)).toEqual(changed)
    expect(statSync(done.safetyBackup).mode & 0o777).toBe(0o600)
    // The working copy is gone.
    expect(readdirSync(t.dir).filter((n) => n.startsWith('passerelle-restauration-'))).toEqual([])
  })

  it('another connection on the file (an import worker) sees the restored data, with no reopen', async () => {
    const backup = await backupNow(t.db, clock)
    changeEverything(ctx)
    const worker = openConnection(t.path)
    try {
      expect(worker.prepare("SELECT value FROM app_setting WHERE key = 'after.backup'").pluck().get()).toBe('oui')
      await restoreBackup(ctx, backup.path, { workRoot: t.dir })
      expect(worker.prepare("SELECT value FROM app_setting WHERE key = 'after.backup'").pluck().get()).toBeUndefined()
      expect(worker.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(t.db.pragma('journal_mode', { simple: true })).toBe('wal')
    } finally {
      worker.close()
    }
  })

  it('waits for another connection’s write, and gives up in French with nothing changed', async () => {
    const backup = await backupNow(t.db, clock)
    changeEverything(ctx)
    const before = dumpAll(t.db)
    const importer = new Database(t.path)
    try {
      importer.exec('BEGIN IMMEDIATE')
      const e = await refusal(restoreBackup(ctx, backup.path, { workRoot: t.dir, busyWaitMs: 300 }))
      expect(e.code).toBe('busy')
      expect(e.message).toMatch(/occupée.*la restauration n’a pas eu lieu/)
      importer.exec('COMMIT')
      expect(dumpAll(t.db)).toEqual(before)

      // The import finishes while the restore waits: the restore then goes through.
      importer.exec('BEGIN IMMEDIATE')
      const restoring = restoreBackup(ctx, backup.path, { workRoot: t.dir, busyWaitMs: 10_000 })
      setTimeout(() => importer.exec('COMMIT'), 200)
      await restoring
      expect(t.db.prepare("SELECT count(*) FROM app_setting WHERE key = 'after.backup'").pluck().get()).toBe(0)
    } finally {
      importer.close()
    }
  })

  it('brings a backup of an older schema up to date, the backup file itself untouched', async () => {
    const old = join(t.dir, 'ancienne.sqlite')
    const oldDb = openConnection(old)
    await migrate(oldDb, MIGRATIONS.filter((m) => m.version <= 50))
    oldDb.prepare("INSERT INTO clerk (name, created_at) VALUES ('Ancienne Collègue', '2026-01-05T09:00:00.000Z')").run()
    oldDb.close()
    const bytes = statSync(old).size
    const done = await restoreBackup(ctx, old, { workRoot: t.dir })
    expect(done).toMatchObject({ schemaFrom: 50, schemaTo: LATEST_VERSION })
    expect(t.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(t.db.prepare('SELECT name FROM clerk').pluck().all()).toEqual(['Ancienne Collègue'])
    expect(t.db.prepare('SELECT count(*) FROM trainee').pluck().get()).toBe(0)
    expect(statSync(old).size).toBe(bytes)
    expect(dumpFile(old).version).toBe(50)
  })
})

describe('restore refusals leave the database as it was and copy nothing', () => {
  let before: Dump
  let backupPath: string
  beforeEach(async () => {
    backupPath = (await backupNow(t.db, clock)).path
    changeEverything(ctx)
    before = dumpAll(t.db)
  })
  const expectNothingChanged = () => {
    expect(dumpAll(t.db)).toEqual(before)
    expect(readdirSync(backupsDir()).filter((n) => n.includes('avant-restauration'))).toEqual([])
    expect(readdirSync(t.dir).filter((n) => n.startsWith('passerelle-restauration-'))).toEqual([])
  }

  it('a damaged file (pages overwritten)', async () => {
    const damaged = join(t.dir, 'abimee.sqlite')
    copyFileSync(backupPath, damaged)
    const fd = openSync(damaged, 'r+')
    const size = statSync(damaged).size
    for (let offset = 4096 * 2; offset < size - 4096; offset += 4096 * 3) writeSync(fd, Buffer.alloc(600, 0x5a), 0, 600, offset + 100)
    closeSync(fd)
    const e = await refusal(restoreBackup(ctx, damaged, { workRoot: t.dir }))
    expect(e.message).toMatch(/abimee\.sqlite » est endommagé.*Rien n’a été changé\.$/)
    expectNothingChanged()
  })

  it('the current database cannot be copied first (its backup folder is gone)', async () => {
    const gone = join(t.dir, 'cle-retiree')
    writeFileSync(gone, '')
    t.db.prepare("INSERT INTO app_setting (key, value) VALUES ('backup.folder', ?)").run(gone)
    before = dumpAll(t.db)
    const e = await refusal(restoreBackup(ctx, backupPath, { workRoot: t.dir }))
    expect(e.message).toBe(
      `La base actuelle n’a pas pu être copiée avant la restauration : Le dossier des sauvegardes « ${gone} » n’est pas disponible ` +
        '(c’est un fichier, pas un dossier) : rien n’a été sauvegardé. La restauration n’a pas eu lieu, rien n’a été changé.'
    )
    expectNothingChanged()
  })

  it('a newer schema than this version knows', async () => {
    const newer = join(t.dir, 'future.sqlite')
    copyFileSync(backupPath, newer)
    const db = new Database(newer)
    db.pragma(`user_version = ${LATEST_VERSION + 100}`)
    db.close()
    const e = await refusal(restoreBackup(ctx, newer, { workRoot: t.dir }))
    expect(e.message).toBe(
      `Cette sauvegarde vient d’une version plus récente de Passerelle (schéma ${LATEST_VERSION + 100}, cette version connaît le schéma ${LATEST_VERSION}) : ` +
        'mettez Passerelle à jour avant de la restaurer. Rien n’a été changé.'
    )
    expectNothingChanged()
  })

  it('a file that is not a database, another SQLite database, a folder, a missing file, the live database', async () => {
    const text = join(t.dir, 'notes.sqlite')
    writeFileSync(text, 'Ceci n’est pas une base.\n'.repeat(200))
    const other = join(t.dir, 'autre.sqlite')
    const o = new Database(other)
    o.exec('CREATE TABLE t (x)')
    o.close()
    const cases: [string, RegExp][] = [
      [text, /notes\.sqlite » n’est pas une sauvegarde de Passerelle \(ce n’est pas une base SQLite\)/],
      [other, /autre\.sqlite » est une base SQLite, mais pas une sauvegarde de Passerelle/],
      [t.dir, /est un dossier : choisissez un fichier de sauvegarde/],
      [join(t.dir, 'absente.sqlite'), /absente\.sqlite » est introuvable/],
      [t.path, /Ce fichier est la base de données en service/]
    ]
    for (const [path, message] of cases) {
      const e = await refusal(restoreBackup(ctx, path, { workRoot: t.dir }))
      expect(e.message).toMatch(message)
      expect(e.message).toMatch(/Rien n’a été changé\.$/)
    }
    expectNothingChanged()
    expect(existsSync(backupPath)).toBe(true)
  })
})
