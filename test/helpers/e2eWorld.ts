import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startBackend } from '../../electron/main/backend'
import type { Db } from '../../electron/main/db/open'
import type { ServiceContext } from '../../electron/main/services/context'
import { E2E_NOW, launchBrowser, openApp, startHost, type RunningHost } from './browserHost'
import { fixedClock, serviceContext } from './tempDb'

/** Calls one contract operation in-process (validated like the app's calls); throws the French message when refused. */
export type SeedCall = <T = unknown>(op: string, input?: unknown) => Promise<T>

/** What a seed gets: the contract (as the app calls it) and, for what has no operation, the services. */
export type SeedTools = { call: SeedCall; ctx: ServiceContext; db: Db; dir: string; now: string }

/**
 * A database state several tests start from, built once per file (on first use) into a template
 * file that each test copies: through the contract in-process, never through the UI.
 */
export type Template<T = unknown> = {
  readonly name: string
  readonly parent: Template<unknown> | null
  readonly clerk: string | null
  readonly seed: (tools: SeedTools, parent: unknown) => T | Promise<T>
}

export type Opened<T> = { page: Page; errors: string[]; host: RunningHost; data: T }

type Current = { host: RunningHost; page: Page | null; errorLists: string[][]; hostLog: string[] }

/**
 * Per-test isolation for the browser tests: one Chromium per file; each test opens its own host on
 * a fresh copy of a template database (or an empty one) and its own page, both closed after the
 * test, which also fails when the page logged a browser error. Tests call `open()` first, so that
 * any test runs alone (`vitest -t`) from the state it names.
 */
export function e2eWorld(options: { now?: string; timeout?: number; ignoreErrors?: RegExp; showScrollbars?: boolean } = {}) {
  const now = options.now ?? E2E_NOW
  let browser: Browser | null = null
  let templatesDir = ''
  const built = new Map<Template<unknown>, Promise<{ path: string; data: unknown }>>()
  let current: Current | null = null
  /** The test's open() while it runs: a test that timed out must not leave its host behind. */
  let opening: Promise<unknown> | null = null
  const running = new Set<RunningHost>()
  const trace = (what: string, since: number): void => {
    if (process.env.PASSERELLE_E2E_TRACE) process.stderr.write(`[e2eWorld] ${what}: ${Math.round(performance.now() - since)} ms\n`)
  }
  // Last resort (a worker killed mid-test): signal every host still running.
  const killAll = (): void => {
    for (const h of running) h.process.kill('SIGTERM')
  }
  process.once('exit', killAll)

  beforeAll(async () => {
    browser = await launchBrowser({ showScrollbars: options.showScrollbars ?? false })
  })

  afterEach(async () => {
    await opening?.catch(() => undefined)
    opening = null
    const c = current
    current = null
    if (!c) return
    await c.page
      ?.context()
      .close()
      .catch(() => undefined)
    await stopHost(c.host)
    rmSync(c.host.dir, { recursive: true, force: true })
    const errors = c.errorLists.flat().filter((e) => !options.ignoreErrors?.test(e))
    expect(errors, `the page logged browser errors${c.hostLog.length ? `; the host said: ${c.hostLog.join('')}` : ''}`).toEqual([])
  })

  afterAll(async () => {
    // Whatever a failed test left behind: no host survives the file.
    for (const h of [...running]) await stopHost(h)
    process.off('exit', killAll)
    await browser?.close()
    if (templatesDir) rmSync(templatesDir, { recursive: true, force: true })
  })

  /** Keeps what the host writes on stderr and an unexpected exit, to explain a failure. */
  function watch(c: Current): void {
    const h = c.host
    h.process.stderr?.on('data', (d: Buffer) => c.hostLog.push(d.toString()))
    h.process.once('exit', (code, signal) => {
      if (running.has(h)) c.hostLog.push(`[host exited early: ${code ?? signal}]`)
    })
  }

  async function stopHost(h: RunningHost): Promise<void> {
    running.delete(h)
    await h.stop()
  }

  async function build(t: Template<unknown>): Promise<{ path: string; data: unknown }> {
    let promise = built.get(t)
    if (!promise) {
      promise = (async () => {
        const parent = t.parent ? await build(t.parent) : null
        if (!templatesDir) templatesDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-templates-'))
        const dir = join(templatesDir, `${built.size}-${t.name.replace(/[^\w-]/g, '_')}`)
        mkdirSync(dir, { recursive: true })
        const path = join(dir, 'passerelle.db')
        if (parent) copyFileSync(parent.path, path)
        const clock = fixedClock(now)
        const backend = await startBackend({ dbPath: path, kind: 'browser', version: 'e2e-template', clock, log: () => undefined })
        try {
          const call: SeedCall = async <T>(op: string, input: unknown = {}) => {
            const r = await backend.dispatch(op, input)
            if (!r.ok) throw new Error(`${t.name}: ${op} refused: ${r.error.message}`)
            return r.value as T
          }
          if (!parent && t.clerk) await call('clerks:select', { name: t.clerk })
          const data = await t.seed({ call, ctx: serviceContext(backend.db, clock, t.clerk ?? 'Claire Martin'), db: backend.db, dir, now }, parent?.data)
          return { path, data }
        } finally {
          // Closing checkpoints the WAL: the single file is the whole state.
          backend.close()
        }
      })()
      built.set(t, promise)
    }
    return promise
  }

  return {
    /** A state built from an empty database with `clerk` chosen (default Claire Martin), or from `from`'s state. */
    template<T, P = unknown>(name: string, seed: (tools: SeedTools, parent: P) => T | Promise<T>, opts: { from?: Template<P>; clerk?: string | null } = {}): Template<T> {
      const clerk = opts.clerk === undefined ? 'Claire Martin' : opts.clerk
      return { name, parent: (opts.from as Template<unknown> | undefined) ?? null, clerk, seed: seed as Template<T>['seed'] }
    },

    /**
     * Starts this test's host on a fresh copy of `template` (no template: an empty database, nobody
     * chosen yet) and opens a page at `hash` (e.g. '#/stagiaires', or made from the template's data).
     */
    open<T = undefined>(template?: Template<T>, at: { hash?: string | ((data: T) => string) } = {}): Promise<Opened<T>> {
      if (current || opening) throw new Error('open() once per test (use restart() to restart the host)')
      const p = openNow(template, at)
      opening = p
      return p
    },

    /** Stops this test's host, starts a new one on the same database, and opens a new page. */
    async restart(at: { hash?: string } = {}): Promise<{ page: Page; host: RunningHost }> {
      await opening
      const c = current
      if (!c || !browser) throw new Error('restart() after open()')
      await c.page?.context().close()
      await stopHost(c.host)
      c.host = await startHost({ dbPath: c.host.dbPath, dir: c.host.dir, now })
      running.add(c.host)
      watch(c)
      const opened = await openApp(browser, `${c.host.url}${at.hash ?? ''}`, { now })
      opened.page.setDefaultTimeout(options.timeout ?? 10_000)
      c.page = opened.page
      c.errorLists.push(opened.errors)
      return { page: opened.page, host: c.host }
    }
  }

  async function openNow<T>(template: Template<T> | undefined, at: { hash?: string | ((data: T) => string) }): Promise<Opened<T>> {
    if (!browser) throw new Error('no browser: e2eWorld() must be called inside describe()')
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'))
    const dbPath = join(dir, 'passerelle.db')
    let data: unknown = undefined
    let t0 = performance.now()
    if (template) {
      const b = await build(template as Template<unknown>)
      copyFileSync(b.path, dbPath)
      data = b.data
      trace(`template « ${template.name} »`, t0)
    }
    t0 = performance.now()
    const host = await startHost({ dbPath, dir, now })
    running.add(host)
    current = { host, page: null, errorLists: [], hostLog: [] }
    watch(current)
    trace('host start', t0)
    t0 = performance.now()
    const hash = typeof at.hash === 'function' ? at.hash(data as T) : (at.hash ?? '')
    const opened = await openApp(browser, `${host.url}${hash}`, { now })
    opened.page.setDefaultTimeout(options.timeout ?? 10_000)
    current.page = opened.page
    current.errorLists.push(opened.errors)
    trace('page open', t0)
    return { page: opened.page, errors: opened.errors, host, data: data as T }
  }
}
