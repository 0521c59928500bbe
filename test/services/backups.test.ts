import { existsSync, mkdirSync, rmSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../electron/main/api/dispatch'
import { startBackend } from '../../electron/main/backend'
import { handlers } from '../../electron/main/api/handlers'
import { backupsEnabled, startBackupScheduler } from '../../electron/main/services/backup/backupScheduler'
import { backupNow, listBackups, runAutomaticBackup } from '../../electron/main/services/backup/backupService'
import { getBackupSettings, saveBackupSettings } from '../../electron/main/services/backup/backupSettings'
import type { Clock, ServiceContext } from '../../electron/main/services/context'
import type { BackupList } from '@shared/api/areas/backup'
import { backupFileName } from '@shared/domain/backups'
import { AppError } from '@shared/api/result'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { dumpAll, dumpFile, seedDemo } from './backupWorld'

let t: TempDb
let ctx: ServiceContext
const folder = () => join(t.dir, 'sauvegardes')

/** A clock the test moves: local noon of 1 December 2026 plus `days`. */
function movingClock(): Clock & { set: (days: number, hours?: number) => void } {
  let at = new Date(2026, 11, 1, 12, 0)
  return { now: () => new Date(at.getTime()), set: (days, hours = 12) => (at = new Date(2026, 11, 1 + days, hours, 0)) }
}

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
  seedDemo(ctx)
})
afterEach(() => t.cleanup())

describe('automatic backups', () => {
  it('one per day, in « sauvegardes » beside the database, a private folder of private files', async () => {
    const clock = movingClock()
    const first = await runAutomaticBackup(t.db, clock)
    expect(first?.path).toBe(join(folder(), 'passerelle-2026-12-01-1200.sqlite'))
    expect(statSync(folder()).mode & 0o777).toBe(0o700)
    expect(statSync(first?.path ?? '').mode & 0o777).toBe(0o600)
    // A single self-contained file (no -wal beside it), equal to the database.
    expect(readdirSync(folder())).toEqual(['passerelle-2026-12-01-1200.sqlite'])
    expect(dumpFile(first?.path ?? '')).toEqual(dumpAll(t.db))
    // Later the same day: nothing; the next day: the day's backup.
    clock.set(0, 18)
    expect(await runAutomaticBackup(t.db, clock)).toBeNull()
    clock.set(1, 0)
    expect((await runAutomaticBackup(t.db, clock))?.path).toBe(join(folder(), 'passerelle-2026-12-02-0000.sqlite'))
  })

  it('keeps the 14 newest by default, then the number chosen; manual copies are never deleted', async () => {
    const clock = movingClock()
    const manual = await backupNow(t.db, clock)
    for (let day = 0; day < 20; day++) {
      clock.set(day)
      await runAutomaticBackup(t.db, clock)
    }
    const automatic = () => readdirSync(folder()).filter((n) => !n.includes('manuelle')).sort()
    expect(automatic()).toEqual(Array.from({ length: 14 }, (_, i) => backupFileName('automatique', new Date(2026, 11, 7 + i, 12, 0))))
    expect(readdirSync(folder())).toContain(manual.path.slice(folder().length + 1))

    saveBackupSettings(ctx, { folder: null, keep: 3 })
    clock.set(20)
    await runAutomaticBackup(t.db, clock)
    expect(automatic()).toEqual(['passerelle-2026-12-19-1200.sqlite', 'passerelle-2026-12-20-1200.sqlite', 'passerelle-2026-12-21-1200.sqlite'])
    expect(listBackups(t.db).files.map((f) => f.kind)).toEqual(['automatique', 'automatique', 'automatique', 'manuelle'])
  })

  it('removes a part left by an interrupted backup once it is old, never one being written', async () => {
    mkdirSync(folder(), { recursive: true })
    const old = join(folder(), '.passerelle-2026-11-30-1200-999.part')
    const recent = join(folder(), '.passerelle-2026-12-01-1159-998.part')
    writeFileSync(old, 'x')
    writeFileSync(recent, 'x')
    utimesSync(old, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'))
    // One minute before the clock's noon: still being written (whatever the machine's own date).
    utimesSync(recent, new Date(2026, 11, 1, 11, 59), new Date(2026, 11, 1, 11, 59))
    await runAutomaticBackup(t.db, movingClock())
    expect(readdirSync(folder()).sort()).toEqual(['.passerelle-2026-12-01-1159-998.part', 'passerelle-2026-12-01-1200.sqlite'])
  })

  it('the scheduler takes the day’s backup at start and when a day passes, and stops', async () => {
    const clock = movingClock()
    const errors: unknown[] = []
    const scheduler = startBackupScheduler(t.db, clock, { everyMs: 60_000, log: (e) => errors.push(e) })
    try {
      await scheduler.tick()
      expect(readdirSync(folder())).toEqual(['passerelle-2026-12-01-1200.sqlite'])
      clock.set(1, 9)
      expect((await scheduler.tick())?.path).toMatch(/passerelle-2026-12-02-0900\.sqlite$/)
    } finally {
      scheduler.stop()
    }
    clock.set(2)
    expect(await scheduler.tick()).toBeNull()
    expect(readdirSync(folder())).toHaveLength(2)
    expect(errors).toEqual([])
  })

  it('a folder that cannot be written is logged by the scheduler and tried again, never thrown', async () => {
    // A drive gone since the folder was chosen (a file where the folder was: refused even to root).
    const gone = join(t.dir, 'cle-retiree')
    saveBackupSettings(ctx, { folder: gone, keep: 14 })
    rmSync(gone, { recursive: true })
    writeFileSync(gone, '')
    const errors: unknown[] = []
    const scheduler = startBackupScheduler(t.db, movingClock(), { log: (e) => errors.push(e) })
    try {
      expect(await scheduler.tick()).toBeNull()
      expect(await scheduler.tick()).toBeNull()
    } finally {
      scheduler.stop()
    }
    expect(errors).toHaveLength(2)
    expect(errors[0]).toBeInstanceOf(AppError)
    expect((errors[0] as AppError).message).toBe(`Le dossier des sauvegardes « ${gone} » n’est pas disponible (c’est un fichier, pas un dossier) : rien n’a été sauvegardé.`)
  })

  it('the backend runs the scheduler when asked and stops it at close', async () => {
    t.db.close()
    const until = async (ok: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25))
    }
    const quiet = await startBackend({ dbPath: t.path, kind: 'browser', version: 't', clock: movingClock() })
    quiet.close()
    expect(existsSync(folder())).toBe(false)
    const backend = await startBackend({ dbPath: t.path, kind: 'browser', version: 't', clock: movingClock(), backups: true })
    try {
      await until(() => existsSync(folder()) && readdirSync(folder()).some((n) => n.endsWith('.sqlite')))
      expect(readdirSync(folder())).toEqual(['passerelle-2026-12-01-1200.sqlite'])
    } finally {
      backend.close()
    }
  })

  it('runs in the hosts, not under the tests unless a test asks', () => {
    expect(backupsEnabled({})).toBe(true)
    expect(backupsEnabled({ PASSERELLE_TEST: '1' })).toBe(false)
    expect(backupsEnabled({ PASSERELLE_TEST: '1', PASSERELLE_BACKUPS: '1' })).toBe(true)
  })
})

describe('settings and operations', () => {
  it('folder and number kept are saved, checked and audited; the default folder typed in full stays the default', () => {
    expect(getBackupSettings(t.db)).toEqual({ folder: folder(), defaultFolder: folder(), isDefault: true, exists: false, keep: 14 })
    const chosen = join(t.dir, 'Clé USB', 'Sauvegardes')
    expect(saveBackupSettings(ctx, { folder: chosen, keep: 30 })).toEqual({ folder: chosen, defaultFolder: folder(), isDefault: false, exists: true, keep: 30 })
    expect(saveBackupSettings(ctx, { folder: folder(), keep: 30 }).isDefault).toBe(true)
    const rows = t.db.prepare("SELECT after_json FROM audit_log WHERE operation = 'settings.backup' ORDER BY id").pluck().all()
    expect(rows.map((r) => JSON.parse(String(r)))).toEqual([
      { folder: chosen, keep: 30 },
      { folder: folder(), keep: 30 }
    ])
  })

  it('through the contract: list, a manual backup into a chosen folder, the settings, French refusals', async () => {
    const dispatch = createDispatch({ db: t.db, clock: fixedClock('2026-12-02T13:30:00.000Z'), host: { kind: 'browser', version: 't', dbPath: t.path } }, handlers, () => undefined)
    await dispatch('clerks:select', { name: 'Claire Martin' })
    const usb = join(t.dir, 'Clé USB')
    const now = await dispatch('backup:now', { folder: usb })
    expect(now).toMatchObject({ ok: true })
    expect(readdirSync(usb)).toHaveLength(1)
    expect(readdirSync(usb)[0]).toMatch(/^passerelle-2026-12-02-\d{4}-manuelle\.sqlite$/)
    await dispatch('backup:now', {})
    const list = await dispatch('backup:list', {})
    expect(list.ok && (list.value as BackupList).files.map((f) => f.kind)).toEqual(['manuelle'])

    const relative = await dispatch('backup:now', { folder: 'Sauvegardes' })
    expect(!relative.ok && relative.error.message).toMatch(/^Le dossier : indiquez le chemin complet/)
    const badKeep = await dispatch('backup:saveSettings', { folder: null, keep: 0 })
    expect(!badKeep.ok && badKeep.error.message).toBe('Gardez au moins 1 sauvegarde.')
    const badPath = await dispatch('backup:restore', { path: '' })
    expect(!badPath.ok && badPath.error.message).toBe('Indiquez le chemin complet du fichier.')
  })
})
