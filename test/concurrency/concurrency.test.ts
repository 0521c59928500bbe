import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBackend, type RunningBackend } from '../../electron/main/backend'
import { openConnection } from '../../electron/main/db/open'
import { writeLargeLheo } from '../bench/lheoFixture'
import { fixedClock } from '../helpers/tempDb'

/*
 * Writes never fail because another connection writes (issue « Hardening », item 1): every write
 * takes the lock up front (BEGIN IMMEDIATE) and the dispatcher waits for a busy lock without
 * blocking its thread. Two real processes on one real file.
 */

const ROOT = resolve(__dirname, '../..')
const TSX = ['--import', 'tsx']
const EDITS = 500
const FORMATIONS = 200

type Child = { code: number | null; out: string; err: string; startedAt: number; endedAt: number }

function run(args: string[]): Promise<Child> {
  return new Promise((done) => {
    const startedAt = performance.now()
    const child = spawn(process.execPath, [...TSX, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => done({ code, out, err, startedAt, endedAt: performance.now() }))
  })
}

let dir = ''
let backend: RunningBackend | null = null
afterEach(() => {
  backend?.close()
  backend = null
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('writes while another connection writes', () => {
  it('500 trainee edits during a catalogue import in another process: none refused, none lost', async () => {
    dir = mkdtempSync(join(tmpdir(), 'passerelle-concurrency-'))
    const dbPath = join(dir, 'passerelle.db')
    const file = join(dir, 'catalogue.xml')
    writeLargeLheo(file, FORMATIONS)
    backend = await startBackend({ dbPath, kind: 'browser', version: 'test', clock: fixedClock('2026-12-02T09:00:00.000Z') })
    const dispatch = backend.dispatch
    await dispatch('clerks:select', { name: 'Claire Martin' })
    const created = await dispatch('trainees:create', { lastName: 'Durand', firstName: 'Alex' })
    if (!created.ok) throw new Error(created.error.message)
    const id = (created.value as { id: number }).id

    const importing = run(['electron/main/cli/lheo.ts', file, '--db', dbPath])
    let finished = false
    void importing.then(() => (finished = true))
    // Wait until the import holds the write lock, then edit: each edit must wait for it, not fail.
    const probe = openConnection(dbPath, { busyTimeoutMs: 0 })
    let locked = false
    while (!locked && !finished) {
      try {
        probe.exec('BEGIN IMMEDIATE; ROLLBACK')
        await new Promise((r) => setTimeout(r, 20))
      } catch {
        locked = true
      }
    }
    probe.close()
    expect(locked).toBe(true)
    const refused: string[] = []
    let duringImport = 0
    for (let edit = 0; edit < EDITS; edit++) {
      if (!finished) duringImport++
      const r = await dispatch('trainees:update', { id, changes: { city: `Ville ${edit}` } })
      if (!r.ok) refused.push(r.error.message)
    }
    const child = await importing
    expect(child.err).toBe('')
    expect(child.code).toBe(0)
    expect(JSON.parse(child.out)).toMatchObject({ formations: { created: FORMATIONS } })
    expect(refused).toEqual([])
    expect(duringImport).toBeGreaterThan(0)
    const db = openConnection(dbPath)
    try {
      expect(db.prepare<[number], { city: string }>('SELECT city FROM trainee WHERE id = ?').get(id)?.city).toBe(`Ville ${EDITS - 1}`)
      expect(db.prepare<[], { n: number }>("SELECT count(*) AS n FROM audit_log WHERE operation = 'trainees.update'").get()?.n).toBe(EDITS)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
  }, 180_000)

  it('two processes creating and editing people in the same file: 0 failures, 0 lost updates', async () => {
    dir = mkdtempSync(join(tmpdir(), 'passerelle-concurrency-'))
    const dbPath = join(dir, 'passerelle.db')
    const init = await startBackend({ dbPath, kind: 'browser', version: 'test' })
    init.close()
    const [a, b] = await Promise.all([run(['test/concurrency/writer.ts', dbPath, 'ALPHA', '150']), run(['test/concurrency/writer.ts', dbPath, 'BETA', '150'])])
    for (const c of [a, b]) {
      expect(c.err).toBe('')
      expect(c.code).toBe(0)
      expect(JSON.parse(c.out)).toEqual({ created: 150, failures: [] })
    }
    // They really overlapped.
    expect(Math.max(a.startedAt, b.startedAt)).toBeLessThan(Math.min(a.endedAt, b.endedAt))
    const db = openConnection(dbPath)
    try {
      const rows = db.prepare<[], { last_name: string; first_name: string }>('SELECT last_name, first_name FROM trainee').all()
      expect(rows).toHaveLength(300)
      expect(rows.every((r) => r.first_name === 'Dominique')).toBe(true)
      expect(db.prepare<[], { n: number }>("SELECT count(*) AS n FROM audit_log WHERE operation IN ('trainees.create', 'trainees.update')").get()?.n).toBe(600)
    } finally {
      db.close()
    }
  }, 180_000)
})
