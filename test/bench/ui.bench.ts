import { execFileSync } from 'node:child_process'
import { copyFileSync, cpSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { SCREENS } from '../../renderer/src/app/screens'
import { openConnection } from '../../electron/main/db/open'
import { selectClerk } from '../../electron/main/services/clerks/clerkService'
import { launchBrowser, openApp, removeDir, startHost } from '../helpers/browserHost'
import { fixedClock } from '../helpers/tempDb'
import { BENCH_NOW, benchDatabase } from './enrolmentBenchDb'
import { report } from './report'
import { FIRST_LOAD, INFLIGHT_PROBE, type Call } from './uiProbe'

/*
 * `npm run bench -- ui`: every screen's first useful paint on the 20,000-trainee demo database in
 * headless Chromium: from the click (a hash change from an empty page of the app) until every
 * answer of the screen's first load arrived and is shown (no « Chargement… », no loading overlay,
 * every grid showing rows or its empty message), one more frame painted.
 *
 * Baseline, in the same run: a bare page (#/__bench/bare-list, built with PASSERELLE_BENCH=1)
 * asking the screen's largest operation with the same input and showing its rows in a plain AG
 * Grid. Target: 1.5 times the baseline (and 0.5 s absolute, the issue's).
 *
 * Each line also says how many operations the screen asked and how many were asked twice.
 *
 * Paged screens (« Stagiaires », « Inscriptions »: usePagedList) show a first page, then append the
 * rest in the background. Their first useful paint is the first page on screen: the continuation
 * calls (input with the contract's `after` cursor, asked only once the first page is shown) are
 * not waited for by firstLoad (see INFLIGHT_PROBE), and the bare page asks that same first page.
 * A second line, `ui.<screen>.allRows` (for information, no target), is the time until every page
 * is in the grid, against the same baseline.
 */
const ROOT = resolve(__dirname, '../..')
const TRAINEES = 20_000
const RUNS = 5

/**
 * A fresh build with the bench pages compiled in (the production router has none), copied into
 * `dir` at once (a rebuild of out/ by another run must not change files under the host). Returns
 * the host's entry in the copy.
 */
function buildInto(dir: string): string {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PASSERELLE_BENCH: '1' }
  })
  const build = join(dir, 'build')
  cpSync(join(ROOT, 'out'), build, { recursive: true })
  // The bundle's dependencies (better-sqlite3…) resolve from the project's node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(build, 'node_modules'), 'dir')
  return join(build, 'main/host.js')
}

/**
 * The screen's rows, asked again by the bare page: the first page of its paged list when it has
 * one (the grid's own call, whatever the size of a side list such as the sessions of a filter),
 * else the largest answer of the first load.
 */
function mainCall(calls: Call[]): Call | null {
  const pages = calls.filter((c) => c.firstPage)
  return (pages.length > 0 ? pages : calls).reduce<Call | null>((a, b) => (a && a.bytes >= b.bytes ? a : b), null)
}

type Timing = { ms: number; allMs: number; calls: Call[]; continuations: number }

async function time(page: Page, hash: string, title: string | null): Promise<Timing> {
  await page.evaluate("window.location.hash = '#/__bench/blank'")
  await page.waitForSelector('[data-testid="bench-blank"]', { state: 'attached' })
  return page.evaluate<Timing>(FIRST_LOAD(hash, title))
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-ui-'))
  const entry = buildInto(dir)
  const { db, path } = await benchDatabase(TRAINEES)
  db.close()
  const dbPath = join(dir, 'passerelle.db')
  copyFileSync(path, dbPath)
  const copy = openConnection(dbPath)
  selectClerk(copy, fixedClock(BENCH_NOW), 'Claire Martin')
  copy.close()

  const host = await startHost({ dbPath, dir, now: BENCH_NOW, entry })
  const browser = await launchBrowser()
  try {
    const { page } = await openApp(browser, host.url, { now: BENCH_NOW })
    await page.addInitScript(INFLIGHT_PROBE)
    await page.reload()
    await page.getByTestId('screen-title').waitFor()
    // PASSERELLE_BENCH_SCREENS=enrolments,trainees: only those (while working on one screen).
    const only = (process.env.PASSERELLE_BENCH_SCREENS ?? '').split(',').filter(Boolean)
    for (const screen of SCREENS.filter((s) => only.length === 0 || only.includes(s.id))) {
      try {
        await measureScreen(page, screen)
      } catch (e) {
        // One screen that never gets ready must not hide the others' lines.
        process.stderr.write(`ui.${screen.id}.firstLoad: ${e instanceof Error ? e.message : String(e)}\n`)
      }
    }
  } finally {
    await browser.close()
    await host.stop()
    removeDir(dir)
  }
}

async function measureScreen(page: Page, screen: { id: string; path: string; title: string }): Promise<void> {
  const hash = `#${screen.path}`
  const first = await time(page, hash, screen.title) // warm-up: code, statements, page cache
  const main = mainCall(first.calls)
  const bareHash = main ? `#/__bench/bare-list?op=${encodeURIComponent(main.op)}&input=${encodeURIComponent(main.input)}${main.path ? `&path=${main.path}` : ''}` : '#/__bench/bare-list?op=app:state&input=%7B%7D'
  await time(page, bareHash, null)
  let value = Number.POSITIVE_INFINITY
  let allRows = Number.POSITIVE_INFINITY
  let baseline = Number.POSITIVE_INFINITY
  let calls = first.calls
  for (let i = 0; i < RUNS; i++) {
    baseline = Math.min(baseline, (await time(page, bareHash, null)).ms)
    const t = await time(page, hash, screen.title)
    allRows = Math.min(allRows, t.allMs)
    if (t.ms < value) {
      value = t.ms
      calls = t.calls
    }
  }
  const keys = calls.map((c) => `${c.op} ${c.input}`)
  const twice = keys.filter((k, i) => keys.indexOf(k) !== i).length
  report({
    bench: `ui.${screen.id}.firstLoad`,
    value,
    unit: 'ms',
    baseline,
    target: 1.5,
    extra: { trainees: TRAINEES, ops: calls.length, askedTwice: twice, main: main ? `${main.op} ${Math.round(main.bytes / 1024)} kB` : '' }
  })
  if (first.continuations > 0) {
    report({ bench: `ui.${screen.id}.allRows`, value: allRows, unit: 'ms', baseline, target: null, extra: { trainees: TRAINEES, continuationCalls: first.continuations } })
  }
}
