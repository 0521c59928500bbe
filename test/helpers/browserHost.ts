import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const ROOT = resolve(__dirname, '../..')
// PASSERELLE_HOST_ENTRY: a copy of the build elsewhere, so that a rebuild of out/ during a run does not pull files from under the host.
const HOST_ENTRY = process.env.PASSERELLE_HOST_ENTRY ?? join(ROOT, 'out/main/host.js')

export const CHROMIUM_PATH = process.env.PASSERELLE_CHROMIUM ?? '/usr/bin/chromium'

export type RunningHost = { url: string; dbPath: string; dir: string; process: ChildProcess; stop: () => Promise<void> }

/**
 * A fixed instant for the e2e tests: the host's services and the page's `Date` both read it
 * (tests never read the wall clock).
 */
export const E2E_NOW = '2026-11-26T09:00:00.000Z'
/** The civil date of E2E_NOW in France. */
export const E2E_TODAY = '2026-11-26'

/** Starts the built browser host on a free port with its own database file, its clock pinned at `now`. */
export async function startHost(options: { dbPath?: string; dir?: string; now?: string; entry?: string } = {}): Promise<RunningHost> {
  // entry: a private copy of a build (a benchmark's), out of reach of other runs' rebuilds of out/.
  const entry = options.entry ?? HOST_ENTRY
  if (!existsSync(entry)) throw new Error('out/main/host.js is missing: run `npm run build` first (npm test does).')
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'passerelle-e2e-'))
  const dbPath = options.dbPath ?? join(dir, 'passerelle.db')
  const now = options.now ?? E2E_NOW
  const child = spawn(process.execPath, [entry, '--port', '0', '--db', dbPath, '--test-now', now], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PASSERELLE_TEST: '1' }
  })
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = ''
    let err = ''
    // PASSERELLE_HOST_START_MS: more time on a machine busy with other work.
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out} ${err}`)), Number(process.env.PASSERELLE_HOST_START_MS ?? 20_000))
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?cle=[\w-]+/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolveUrl(m[0])
      }
    })
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code}: ${err}`))
    })
  })
  return {
    url,
    dbPath,
    dir,
    process: child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      })
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/**
 * `showScrollbars`: classic scrollbars taking room as on the clerks' Windows PCs (headless
 * Chromium hides them by default, and AG Grid then draws overlay scrollbars instead).
 */
export async function launchBrowser(options: { showScrollbars?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    ...(options.showScrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
  })
}

/**
 * A French desktop-sized page whose `Date` is pinned at `now` (timers still run); console errors
 * are collected so tests can assert there are none.
 */
export async function openApp(browser: Browser, url: string, options: { now?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' })
  await context.clock.setFixedTime(new Date(options.now ?? E2E_NOW))
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(url)
  return { page, errors }
}
