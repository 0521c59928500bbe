import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../electron/main/db/migrate'
import { MIGRATIONS } from '../../electron/main/db/migrations'
import { openConnection } from '../../electron/main/db/open'
import { createDispatch, type Dispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import { verifyAudit } from '../../electron/main/services/audit/auditService'
import { fixedClock, tempDb, type TempDb } from '../helpers/tempDb'

/* The audit log is append-only and chained: any change behind the app's back is detected. */

let t: TempDb
let dispatch: Dispatch
const clock = fixedClock('2026-12-02T09:00:00.000Z')

beforeEach(async () => {
  t = await tempDb()
  dispatch = createDispatch({ db: t.db, clock, host: { kind: 'browser', version: 'test', dbPath: t.path } }, handlers, () => undefined)
  await dispatch('clerks:select', { name: 'Claire Martin' })
  for (const lastName of ['Durand', 'Martin', 'Petit']) await dispatch('trainees:create', { lastName, firstName: 'Alex' })
  const list = await dispatch('trainees:list', {})
  if (!list.ok) throw new Error(list.error.message)
  const [first] = list.value as { id: number }[]
  await dispatch('trainees:update', { id: first?.id, changes: { city: 'Lyon' } })
})
afterEach(() => t.cleanup())

const count = () => t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()?.n ?? 0

describe('the audit chain', () => {
  it('verifies on the app’s own writes', async () => {
    expect(count()).toBeGreaterThanOrEqual(4)
    expect(verifyAudit(t.db)).toEqual({ rows: count(), ok: true, broken: null, redacted: 0 })
    expect(await dispatch('audit:verify', {})).toMatchObject({ ok: true, value: { ok: true } })
  })

  it('refuses updates and deletes, and rows without their hashes', () => {
    expect(() => t.db.prepare("UPDATE audit_log SET clerk_name = 'Quelqu’un d’autre' WHERE id = 2").run()).toThrow(/ne se modifie pas/)
    expect(() => t.db.prepare('UPDATE audit_log SET after_json = NULL WHERE id = 2').run()).toThrow(/ne se modifie pas/)
    expect(() => t.db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/ne se supprime pas/)
    expect(() =>
      t.db.prepare("INSERT INTO audit_log (at, clerk_name, operation, entity) VALUES ('2026-12-02T10:00:00.000Z', 'X', 'trainees.update', 'trainee')").run()
    ).toThrow(/lignes chaînées/)
    expect(verifyAudit(t.db).ok).toBe(true)
  })

  it('detects changed values once the triggers are dropped', () => {
    const tamper = (sql: string) => {
      t.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_hashed')
      t.db.exec(sql)
    }
    tamper("UPDATE audit_log SET after_json = '{\"city\":\"Paris\"}' WHERE id = (SELECT max(id) FROM audit_log)")
    const last = t.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM audit_log').get()?.id
    expect(verifyAudit(t.db)).toMatchObject({ ok: false, broken: { id: last, reason: 'les valeurs avant/après ont été modifiées' } })
  })

  it('detects a deleted row', () => {
    t.db.exec('DROP TRIGGER audit_log_no_delete')
    t.db.exec('DELETE FROM audit_log WHERE id = 2')
    expect(verifyAudit(t.db)).toMatchObject({ ok: false, broken: { id: 3 } })
  })

  it('detects a changed author', () => {
    t.db.exec('DROP TRIGGER audit_log_no_update')
    t.db.exec("UPDATE audit_log SET clerk_name = 'Autre' WHERE id = 3")
    expect(verifyAudit(t.db)).toMatchObject({ ok: false, broken: { id: 3, reason: 'la ligne a été modifiée (date, auteur, opération ou objet)' } })
  })

  it('lets an anonymisation blank the values and still verifies', () => {
    t.db.prepare("UPDATE audit_log SET before_json = NULL, after_json = NULL, redacted_at = '2026-12-02T10:00:00.000Z' WHERE entity = 'trainee'").run()
    const report = verifyAudit(t.db)
    expect(report.ok).toBe(true)
    expect(report.redacted).toBeGreaterThan(0)
  })
})

describe('« Historique »', () => {
  it('lists the newest first, filters by clerk, operation and person, pages backwards', async () => {
    const all = await dispatch('audit:list', {})
    if (!all.ok) throw new Error(all.error.message)
    const page = all.value as { lines: { id: number; operation: string; clerkName: string }[]; clerks: string[]; operations: string[] }
    expect(page.lines[0]?.operation).toBe('trainees.update')
    expect(page.clerks).toContain('Claire Martin')
    const updates = await dispatch('audit:list', { operation: 'trainees.update' })
    expect(updates.ok && (updates.value as { lines: unknown[] }).lines).toHaveLength(1)
    const older = await dispatch('audit:list', { beforeId: page.lines[0]?.id, limit: 1 })
    expect(older.ok && (older.value as { lines: { id: number }[]; hasMore: boolean })).toMatchObject({ hasMore: true, lines: [{ id: (page.lines[0]?.id ?? 0) - 1 }] })
    const bad = await dispatch('audit:list', { from: '2026-02-30' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('migration 0060', () => {
  it('chains the rows written before it, then protects them', async () => {
    const db = openConnection(join(t.dir, 'v50.db'))
    try {
      await migrate(db, MIGRATIONS.filter((m) => m.version <= 50))
      const insert = db.prepare('INSERT INTO audit_log (at, clerk_name, operation, entity, entity_id, after_json) VALUES (?, ?, ?, ?, ?, ?)')
      for (let i = 0; i < 5; i++) insert.run(`2026-11-0${i + 1}T09:00:00.000Z`, 'Claire Martin', 'trainees.create', 'trainee', String(i + 1), JSON.stringify({ i }))
      await migrate(db, MIGRATIONS)
      expect(verifyAudit(db)).toEqual({ rows: 5, ok: true, broken: null, redacted: 0 })
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/ne se supprime pas/)
    } finally {
      db.close()
    }
  })
})
