import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openConnection, openDatabase } from '../../electron/main/db/open'
import { migrate, schemaVersion } from '../../electron/main/db/migrate'
import { LATEST_VERSION, MIGRATIONS } from '../../electron/main/db/migrations'
import { resolveDbPath, userDataDir } from '../../electron/main/db/paths'
import type { Migration } from '../../electron/main/db/migration'
import { tempDb, type TempDb } from '../helpers/tempDb'

const DOMAIN_TABLES = [
  'app_setting', 'clerk', 'organisation', 'partner_org', 'place', 'training', 'training_action', 'session',
  'session_funder', 'session_break', 'recruitment_event', 'trainee', 'registration', 'registration_transfer',
  'enrolment', 'enrolment_event', 'interruption', 'absence_code', 'attendance_day', 'attendance_month',
  'exit_report', 'aif_quote', 'aif_quote_funder', 'invoice', 'invoice_line', 'generated_document', 'catalogue_import', 'audit_log',
  // 0040: the session's timetable and half-day subjects; 0050: an AIF quote's non-fundable lines.
  'session_schedule', 'session_subject', 'aif_quote_line',
  // 0090: the invoice number sequence and payments.
  'invoice_sequence', 'invoice_payment',
  // 0110: the answers of writes sent with an idempotency key.
  'answered_request'
]

let t: TempDb | null = null
afterEach(() => {
  t?.cleanup()
  t = null
})

describe('migrations from an empty file', () => {
  it('creates every table of the domain model as STRICT, with WAL and foreign keys', async () => {
    t = await tempDb()
    expect(schemaVersion(t.db)).toBe(LATEST_VERSION)
    const tables = t.db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[]
    expect(tables.map((r) => r.name).sort()).toEqual([...DOMAIN_TABLES].sort())
    for (const table of tables) expect(table.strict, table.name).toBe(1)
    expect(t.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(t.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(t.db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('carries the fields a France Travail exchange needs', async () => {
    t = await tempDb()
    const columns = (table: string) => (t!.db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name)
    expect(columns('training')).toEqual(expect.arrayContaining(['intercarif_formation_id', 'formacode', 'certification_code', 'objective_code']))
    expect(columns('training_action')).toContain('intercarif_action_id')
    expect(columns('session')).toEqual(expect.arrayContaining(['intercarif_session_id', 'start_date', 'end_date', 'capacity', 'recruitment_state']))
    expect(columns('registration')).toEqual(expect.arrayContaining(['result', 'result_code']))
    expect(columns('trainee')).toContain('ft_id')
    expect(columns('enrolment')).toEqual(expect.arrayContaining(['planned_start_date', 'planned_end_date', 'planned_hours', 'ais_status_code']))
    expect(columns('enrolment_event')).toEqual(expect.arrayContaining(['effective_date', 'recorded_at', 'recorded_by', 'kairos_declared_on']))
  })

  it('enforces the STRICT types and the civil-date checks', async () => {
    t = await tempDb()
    const insert = t.db.prepare("INSERT INTO trainee (last_name, first_name, birth_date, created_at, updated_at) VALUES ('A', 'B', ?, 'x', 'x')")
    expect(() => insert.run('22/11/2026')).toThrow(/CHECK/)
    expect(() => insert.run(20261122)).toThrow()
    expect(() => insert.run('2026-11-22')).not.toThrow()
  })

  it('is idempotent: opening again applies nothing and makes no backup', async () => {
    t = await tempDb()
    t.db.close()
    const again = await openDatabase(t.path)
    expect(again.migration).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, backupPath: null })
    again.db.close()
  })
})

describe('a database from a newer Passerelle', () => {
  it('is refused with a French message and left untouched', async () => {
    t = await tempDb()
    t.db.pragma('user_version = 990')
    t.db.close()
    await expect(openDatabase(t.path)).rejects.toThrow(/version plus récente de Passerelle/)
    const raw = new Database(t.path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(990)
    raw.close()
  })
})

describe('upgrading an existing database', () => {
  const add = (version: number, up: Migration['up']): Migration[] => [...MIGRATIONS, { version, name: `test-${version}`, up }]

  it('backs the file up before migrating, then applies the new step', async () => {
    t = await tempDb()
    t.db.prepare("INSERT INTO clerk (name, created_at) VALUES ('Claire', 'x')").run()
    const report = await migrate(t.db, add(LATEST_VERSION + 10, (db) => db.exec('ALTER TABLE clerk ADD COLUMN initials TEXT')), { backupDir: join(t.dir, 'bak') })
    expect(report.from).toBe(LATEST_VERSION)
    expect(report.to).toBe(LATEST_VERSION + 10)
    expect(report.backupPath && existsSync(report.backupPath)).toBe(true)
    const backup = new Database(report.backupPath!, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(backup.prepare('SELECT name FROM clerk').pluck().all()).toEqual(['Claire'])
    backup.close()
  })

  it('rolls a failing migration back completely', async () => {
    t = await tempDb()
    const failing = add(LATEST_VERSION + 10, (db) => {
      db.exec('CREATE TABLE half_done (x INTEGER) STRICT')
      throw new Error('boom')
    })
    await expect(migrate(t.db, failing, { backupDir: join(t.dir, 'bak') })).rejects.toThrow('boom')
    expect(schemaVersion(t.db)).toBe(LATEST_VERSION)
    expect(t.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0)
    expect(readdirSync(join(t.dir, 'bak'))).toHaveLength(1)
  })

  it('does not back up a brand-new file', async () => {
    t = await tempDb()
    const fresh = openConnection(join(t.dir, 'fresh.db'))
    const report = await migrate(fresh, MIGRATIONS)
    expect(report.backupPath).toBeNull()
    fresh.close()
  })
})

describe('where the database lives', () => {
  it('uses --db, then PASSERELLE_DB, then the per-user folder', () => {
    expect(resolveDbPath(['node', 'host', '--db', '/data/a.db'], { PASSERELLE_DB: '/data/b.db' }, '/home/u')).toBe('/data/a.db')
    expect(resolveDbPath(['node', 'host', '--db=/data/c.db'], {}, '/home/u')).toBe('/data/c.db')
    expect(resolveDbPath(['node', 'host'], { PASSERELLE_DB: '/data/b.db' }, '/home/u')).toBe('/data/b.db')
    expect(resolveDbPath(['node', 'host'], {}, '/home/u/Passerelle')).toBe(join('/home/u/Passerelle', 'passerelle.db'))
  })

  it('follows each OS convention for application data', () => {
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\c\\AppData\\Roaming' }, 'C:\\Users\\c')).toContain('Passerelle')
    expect(userDataDir('darwin', {}, '/Users/c')).toBe('/Users/c/Library/Application Support/Passerelle')
    expect(userDataDir('linux', {}, '/home/c')).toBe('/home/c/.config/Passerelle')
  })
})
