import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import type { ServiceContext } from '../../electron/main/services/context'
import { documentJobsFor } from '../../electron/main/services/documents/documentJobs'
import { documentsRoot } from '../../electron/main/services/documents/documentRegister'
import { getDocumentsFolder, resetDocumentsFolder, setDocumentsFolder } from '../../electron/main/services/documents/documentsFolder'
import { contract } from '@shared/api/contract'
import { AppError } from '@shared/api/result'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { documentsWorld } from './documentsWorld'

let t: TempDb
let ctx: ServiceContext
beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
})
afterEach(() => t.cleanup())

type AuditRow = { clerk_name: string; operation: string; entity: string; entity_id: string | null; before_json: string | null; after_json: string | null }
const audit = () =>
  (t.db.prepare("SELECT clerk_name, operation, entity, entity_id, before_json, after_json FROM audit_log WHERE entity = 'app_setting' ORDER BY id").all() as AuditRow[]).map((r) => ({
    ...r,
    before_json: r.before_json && JSON.parse(r.before_json),
    after_json: r.after_json && JSON.parse(r.after_json)
  }))
const stored = () => t.db.prepare("SELECT value FROM app_setting WHERE key = 'documents.folder'").pluck().get()

function refusal(f: () => unknown): AppError {
  try {
    f()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected a refusal')
}

describe('documents folder setting', () => {
  it('defaults to « Documents générés » beside the database, shown as the default', () => {
    const f = getDocumentsFolder(t.db)
    expect(f).toEqual({ path: join(t.dir, 'Documents générés'), defaultPath: join(t.dir, 'Documents générés'), isDefault: true, exists: false })
    expect(documentsRoot(t.db)).toBe(f.path)
  })

  it('saves a new folder (created with its parents), audits it, and documents are written there', async () => {
    const target = join(t.dir, 'Partage', 'Formation 2026', 'PDF')
    const f = setDocumentsFolder(ctx, `${target}/`)
    expect(f).toEqual({ path: target, defaultPath: join(t.dir, 'Documents générés'), isDefault: false, exists: true })
    expect(stored()).toBe(target)
    // The writability probe leaves nothing behind.
    expect(readdirSync(target)).toEqual([])
    expect(audit()).toEqual([
      {
        clerk_name: 'Claire Martin',
        operation: 'settings.documentsFolder.set',
        entity: 'app_setting',
        entity_id: 'documents.folder',
        before_json: { path: join(t.dir, 'Documents générés'), isDefault: true },
        after_json: { path: target, isDefault: false }
      }
    ])

    const w = documentsWorld(ctx)
    const a = w.trainee(w.sessionId, 'Dupont', 'Marie', '2026-09-07', '0676932W')
    const jobs = documentJobsFor(t.db)
    const job = await jobs.settled(jobs.start(ctx, contract['documents:generate'].input.parse({ kind: 'attestation_entree', enrolmentIds: [a] })).id)
    expect(job.state).toBe('done')
    const path = job.documents[0]?.path ?? ''
    expect(dirname(dirname(path))).toBe(target)
    expect(existsSync(path)).toBe(true)
    expect(existsSync(join(t.dir, 'Documents générés'))).toBe(false)
  })

  it('saving the same folder again writes no audit entry; typing the default in full stores « default »', () => {
    const target = join(t.dir, 'Sortie')
    setDocumentsFolder(ctx, target)
    setDocumentsFolder(ctx, target)
    expect(audit()).toHaveLength(1)
    const f = setDocumentsFolder(ctx, join(t.dir, 'Documents générés'))
    expect(f.isDefault).toBe(true)
    expect(stored()).toBeUndefined()
    expect(audit().map((a) => a.operation)).toEqual(['settings.documentsFolder.set', 'settings.documentsFolder.set'])
  })

  it('« Rétablir le dossier par défaut » removes the setting and is audited; a second reset changes nothing', () => {
    const target = join(t.dir, 'Sortie')
    setDocumentsFolder(ctx, target)
    const f = resetDocumentsFolder(ctx)
    expect(f).toMatchObject({ path: join(t.dir, 'Documents générés'), isDefault: true })
    expect(stored()).toBeUndefined()
    expect(documentsRoot(t.db)).toBe(join(t.dir, 'Documents générés'))
    resetDocumentsFolder(ctx)
    const entries = audit()
    expect(entries.map((a) => a.operation)).toEqual(['settings.documentsFolder.set', 'settings.documentsFolder.reset'])
    expect(entries[1]).toMatchObject({ before_json: { path: target, isDefault: false }, after_json: { path: join(t.dir, 'Documents générés'), isDefault: true } })
    // The chosen folder itself is left alone: its documents stay where they are.
    expect(existsSync(target)).toBe(true)
  })

  it('refuses, in French and saving nothing, a relative path, a file, a path through a file', () => {
    const file = join(t.dir, 'notes.txt')
    writeFileSync(file, 'bonjour')
    const cases: [string, RegExp][] = [
      ['Documents', /« Documents » n’est pas un chemin complet sur cet ordinateur/],
      [file, /est un fichier, pas un dossier\.$/],
      [join(file, 'PDF'), /n’existe pas et ne peut pas être créé \(un élément du chemin est un fichier\) : vérifiez le chemin et vos droits\./]
    ]
    for (const [path, message] of cases) {
      const e = refusal(() => setDocumentsFolder(ctx, path))
      expect(e.code).toBe('invalid_input')
      expect(e.message).toMatch(message)
      expect(e.issues).toEqual([{ path: 'path', message: e.message }])
    }
    expect(stored()).toBeUndefined()
    expect(audit()).toEqual([])
  })

  it.skipIf(process.platform !== 'linux')('refuses a folder where nothing can be written (/proc, read-only)', () => {
    const e = refusal(() => setDocumentsFolder(ctx, '/proc'))
    expect(e.message).toMatch(/^Passerelle ne peut pas écrire dans le dossier « \/proc » \(.+\) : choisissez un dossier où vous avez le droit d’écrire\.$/)
    expect(stored()).toBeUndefined()
  })

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('refuses a read-only folder, and a folder that cannot be created inside it', () => {
    const locked = join(t.dir, 'verrouillé')
    mkdirSync(locked)
    chmodSync(locked, 0o555)
    try {
      expect(refusal(() => setDocumentsFolder(ctx, locked)).message).toMatch(/accès refusé/)
      expect(refusal(() => setDocumentsFolder(ctx, join(locked, 'PDF'))).message).toMatch(/ne peut pas être créé \(accès refusé\)/)
    } finally {
      chmodSync(locked, 0o755)
    }
    expect(readdirSync(locked)).toEqual([])
    expect(stored()).toBeUndefined()
  })

  it('through the contract: a clerk is required, the path is checked at the boundary, the answer names the field', async () => {
    const dispatch = createDispatch({ db: t.db, clock: fixedClock(), host: { kind: 'browser', version: '0.0.0-test', dbPath: t.path } }, handlers, () => undefined)
    expect(await dispatch('documents:folder', {})).toMatchObject({ ok: true, value: { isDefault: true } })
    expect(await dispatch('documents:setFolder', { path: join(t.dir, 'X') })).toMatchObject({ ok: false, error: { code: 'no_clerk' } })
    await dispatch('clerks:select', { name: 'Claire Martin' })
    const relative = await dispatch('documents:setFolder', { path: 'Documents' })
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'path', message: expect.stringMatching(/^Indiquez le chemin complet du dossier/) }] } })
    const file = join(t.dir, 'notes.txt')
    writeFileSync(file, 'x')
    expect(await dispatch('documents:setFolder', { path: file })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'path' }] } })
    expect(await dispatch('documents:setFolder', { path: join(t.dir, 'X') })).toMatchObject({ ok: true, value: { path: join(t.dir, 'X'), isDefault: false } })
    expect(await dispatch('documents:resetFolder', {})).toMatchObject({ ok: true, value: { isDefault: true } })
  })
})
