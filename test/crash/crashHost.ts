import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { HTTP_CLIENT_HEADER, HTTP_INVOKE_PATH, HTTP_KEY_HEADER, HTTP_KEY_PARAM } from '@shared/api/channel'
import { selectClerk } from '../../electron/main/services/clerks/clerkService'
import type { ServiceContext } from '../../electron/main/services/context'
import { fixedClock, serviceContext, tempDb } from '../helpers/tempDb'

/*
 * The browser host as a writer process the crash tests kill with SIGKILL (attendance saves,
 * catalogue and trainee imports). The build is copied first and the copy is run, so that a
 * rebuild meanwhile (another terminal) cannot remove it under the test. Kill moments come from
 * a seeded PRNG: a failing run is reproduced with the same seed.
 */

export const ROOT = resolve(__dirname, '../..')
const HOST_ENTRY = join(ROOT, 'out/main/host.js')
export const SKIP = existsSync(HOST_ENTRY) ? null : 'out/main/host.js est absent : lancez « npx electron-vite build » (npm test le fait avant vitest). Test de coupure ignoré.'
export const CRASH_NOW = '2026-11-25T09:30:00.000Z'

export type Host = { url: string; key: string; process: ChildProcess }

/** Copies the built host into `dir` (outside the project: its modules are found through NODE_PATH). */
export function copyHost(dir: string): string {
  cpSync(join(ROOT, 'out/main'), join(dir, 'app/main'), { recursive: true })
  cpSync(join(ROOT, 'out/renderer'), join(dir, 'app/renderer'), { recursive: true })
  return join(dir, 'app/main/host.js')
}

/** What a test may ask of the host beyond its database: a fixed port and key (a restart the page
 * reconnects to) and test-only options such as `--test-die-after-commit <op>`. */
export type HostOptions = { port?: number; key?: string; args?: readonly string[] }

/** The copied host on a free port and the test's database, its clock pinned (tests never read the wall clock). */
export function startHost(hostEntry: string, dbPath: string, options: HostOptions = {}): Promise<Host> {
  const args = [hostEntry, '--port', String(options.port ?? 0), '--db', dbPath, '--test-now', CRASH_NOW]
  if (options.key !== undefined) args.push('--test-key', options.key)
  const child = spawn(process.execPath, [...args, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), PASSERELLE_TEST: '1' }
  })
  return new Promise((resolveHost, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out} ${err}`)), 30_000)
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?cle=[\w-]+/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolveHost({ url: m[0], key: new URL(m[0]).searchParams.get(HTTP_KEY_PARAM) ?? '', process: child })
      }
    })
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code}: ${err}`))
    })
  })
}

/** A test database in its own folder with the built host copied beside it, the clerk chosen. */
export async function crashDatabase(): Promise<{ dir: string; dbPath: string; hostEntry: string; ctx: ServiceContext; db: ServiceContext['db']; cleanup: () => void }> {
  const t = await tempDb()
  const ctx = serviceContext(t.db, fixedClock(CRASH_NOW))
  selectClerk(t.db, ctx.clock, 'Claire Martin')
  return { dir: t.dir, dbPath: t.path, hostEntry: copyHost(t.dir), ctx, db: t.db, cleanup: t.cleanup }
}

export type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } }

/** One call to the host; null when the connection died (the host was killed). */
export function call(host: Host, op: string, input: unknown): Promise<Answer | null> {
  return fetch(new URL(`${HTTP_INVOKE_PATH}?op=${encodeURIComponent(op)}`, host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HTTP_CLIENT_HEADER]: '1', [HTTP_KEY_HEADER]: host.key },
    body: JSON.stringify({ op, input })
  })
    .then(async (r) => (await r.json()) as Answer)
    .catch(() => null)
}

export function kill(host: Host): Promise<void> {
  return new Promise((done) => {
    if (host.process.exitCode !== null || host.process.signalCode !== null) return done()
    host.process.once('exit', () => done())
    host.process.kill('SIGKILL')
  })
}

/** Opens the file as the next start would, runs `read` on it, and closes it. */
export function inspect<T>(dbPath: string, read: (db: Database.Database) => T): T & { integrity: string } {
  const db = new Database(dbPath)
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }) ?? '')
    return { ...read(db), integrity }
  } finally {
    db.close()
  }
}

/** mulberry32: the kill delays of a run, the same on every machine for a seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
