import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import type { CellChange } from '@shared/api/areas/attendance'
import { todayIso } from '@shared/domain/dates'
import { selectClerk } from '../../electron/main/services/clerks/clerkService'
import { saveAttendance } from '../../electron/main/services/attendance/attendanceService'
import { launchBrowser, openApp, removeDir, startHost } from '../helpers/browserHost'
import { fixedClock, serviceContext, tempDb } from '../helpers/tempDb'
import { attendanceWorld, saveInput } from '../services/attendanceWorld'
import { report } from './report'

/*
 * `npm run bench -- attendanceRender`: the « Assiduité mensuelle » screen in headless Chromium on
 * 500 trainees × 31 days (October 2026, every day filled).
 *
 *   attendance.firstRender: from the navigation to the month grid painted (all rows in the row
 *     model, first cells in the DOM), against a bare AG Grid of the same shape (500 × 33 plain
 *     numbers, hidden route #/__bench/bare-grid) in the same bundle. Target 1.5.
 *   attendance.pasteSave: the whole month (15,500 cells) pasted through the UI until « Enregistré »,
 *     against the same save posted directly to the API. Target 2.
 */
const ROOT = resolve(__dirname, '../..')
const MONTH = '2026-10'
const TRAINEES = 500
const DAYS = 31
const RUNS = 5

function ensureBuilt(): void {
  // Always a fresh build with the bench page compiled in (the production router has none).
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PASSERELLE_BENCH: '1' }
  })
}

const dates = Array.from({ length: DAYS }, (_, i) => `${MONTH}-${String(i + 1).padStart(2, '0')}`)

/** Waits in the page (polling each frame) for a grid wrapper to report its rows and to show cells. */
async function timeNavigation(page: Page, hash: string, testId: string, rows: number): Promise<number> {
  await page.evaluate("window.location.hash = '#/parametres'")
  await page.waitForFunction("!document.querySelector('.ag-root-wrapper')")
  return page.evaluate<number>(`new Promise((done) => {
    const start = performance.now()
    window.location.hash = ${JSON.stringify(hash)}
    const check = () => {
      const el = document.querySelector('[data-testid="${testId}"]')
      const ready = el && el.dataset.ready === 'true' && el.dataset.rows === '${rows}' && el.querySelectorAll('[role="gridcell"]').length > 40
      if (ready) requestAnimationFrame(() => done(performance.now() - start)) // one more frame: painted
      else requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })`)
}

/** In-page scripts are strings: tsx's helpers (__name) do not exist in the page. */
const PASTE_SCRIPT = (tsv: string): string => `new Promise((done) => {
  const status = document.querySelector('[data-testid="save-status"]')
  const start = performance.now()
  const dt = new DataTransfer()
  dt.setData('text/plain', ${JSON.stringify(tsv)})
  document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  const check = () => {
    if (status && status.textContent === 'Enregistré') requestAnimationFrame(() => done(performance.now() - start))
    else requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
})`

const DIRECT_SCRIPT = (body: string): string => `(async () => {
  const start = performance.now()
  const res = await fetch('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json', 'x-passerelle-client': '1' }, body: ${JSON.stringify(body)} })
  await res.json()
  return performance.now() - start
})()`

export async function run(): Promise<void> {
  ensureBuilt()
  const t = await tempDb()
  const ctx = serviceContext(t.db, fixedClock(new Date().toISOString()))
  const w = attendanceWorld(ctx, todayIso())
  const sessionId = w.session({ label: 'Banc assiduité' })
  const enrolments = w.trainees(sessionId, TRAINEES)
  const fillAll = (value: number): CellChange[] => enrolments.flatMap((enrolmentId) => dates.map((date) => ({ enrolmentId, date, value, force: true })))
  saveAttendance(ctx, MONTH, saveInput({ month: MONTH, changes: fillAll(7) }).changes)
  selectClerk(t.db, ctx.clock, 'Claire Martin')
  t.db.close()

  const host = await startHost({ dbPath: t.path, dir: t.dir })
  const browser = await launchBrowser()
  try {
    const { page, errors } = await openApp(browser, host.url)
    page.on('crash', () => process.stderr.write(`page crashed; errors: ${errors.join(' | ')}\n`))
    await page.getByTestId('screen-title').waitFor()
    const gridHash = `#/assiduite?mois=${MONTH}&session=${sessionId}`

    // Warm-up (bundle parsed, JIT, first API answers), then best of RUNS for each.
    await timeNavigation(page, gridHash, 'attendance-grid', TRAINEES)
    await timeNavigation(page, '#/__bench/bare-grid?rows=500', 'bare-grid', TRAINEES)
    let grid = Number.POSITIVE_INFINITY
    let bare = Number.POSITIVE_INFINITY
    for (let i = 0; i < RUNS; i++) {
      bare = Math.min(bare, await timeNavigation(page, '#/__bench/bare-grid?rows=500', 'bare-grid', TRAINEES))
      grid = Math.min(grid, await timeNavigation(page, gridHash, 'attendance-grid', TRAINEES))
    }
    report({ bench: 'attendance.firstRender', value: grid, unit: 'ms', baseline: bare, target: 1.5, extra: { rows: TRAINEES, days: DAYS } })

    // Paste through the UI: « Forcer » ticked (weekends hold hours too), the whole month from the first cell.
    await page.getByTestId('attendance-force').check()
    const firstRow = String(enrolments[0])
    let paste = Number.POSITIVE_INFINITY
    let direct = Number.POSITIVE_INFINITY
    for (let i = 0; i < RUNS; i++) {
      const value = 5 + (i % 2) // differs from what is stored: every cell is saved
      const tsv = `${Array.from({ length: TRAINEES }, () => Array.from({ length: DAYS }, () => String(value)).join('\t')).join('\r\n')}\r\n`
      await page.evaluate("document.querySelector('[data-testid=\"attendance-grid\"] .ag-body-horizontal-scroll-viewport').scrollLeft = 0")
      await page.locator(`[role="row"][row-id="${firstRow}"] [col-id="d1"]`).filter({ visible: true }).click()
      paste = Math.min(paste, await page.evaluate<number>(PASTE_SCRIPT(tsv)))
      // Baseline: the same 15,500 changes posted directly (other values, so that they are written too).
      const changes = fillAll(value === 5 ? 4 : 3)
      direct = Math.min(direct, await page.evaluate<number>(DIRECT_SCRIPT(JSON.stringify({ op: 'attendance:save', input: { month: MONTH, changes } }))))
      // The grid shows the stored values again before the next paste.
      await timeNavigation(page, gridHash, 'attendance-grid', TRAINEES)
      await page.getByTestId('attendance-force').check()
    }
    report({ bench: 'attendance.pasteSave', value: paste, unit: 'ms', baseline: direct, target: 2, extra: { cells: TRAINEES * DAYS } })
  } finally {
    await browser.close()
    await host.stop()
    removeDir(t.dir)
  }
}
