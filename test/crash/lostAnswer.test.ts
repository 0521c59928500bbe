import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HTTP_CLIENT_HEADER, HTTP_INVOKE_PATH, HTTP_KEY_HEADER, HTTP_REQUEST_KEY_HEADER } from '@shared/api/channel'
import { todayIso } from '@shared/domain/dates'
import { launchBrowser, openApp } from '../helpers/browserHost'
import { attendanceWorld } from '../services/attendanceWorld'
import { cell, expectText, revealDay, shot, until } from '../e2e/support'
import { CRASH_NOW, crashDatabase, kill, SKIP, startHost, type Host } from './crashHost'

/*
 * Issue 15, item 3: the truth after a lost connection. The page pastes into the attendance grid;
 * the host kills itself (SIGKILL) right after committing the save and before answering
 * (--test-die-after-commit), then comes back on the same port, database and key: the page reads
 * the write's idempotency key back and says « Enregistré » with the pasted values, the previous
 * paste's panel gone. Killed before the commit instead (--test-die-before-commit), it says « Non
 * enregistré, à refaire » and the month is unchanged. The lost write sent again with its key (the
 * header the page used) is not applied a second time. Last, a restart with a new launch key (as in
 * production): the page opened again in the same tab reads the lost write back at load.
 *
 * Needs the built host (`npx electron-vite build`).
 */

if (SKIP) process.stderr.write(`${SKIP}\n`)
const MONTH = '2026-11'
const TRAINEES = 4
const KEY = 'cle-de-test-perte-de-connexion'

let dbPath: string
let hostEntry: string
let sessionId = 0
let rowIds: string[] = []
let cleanup: () => void = () => undefined
let browser: Browser | null = null
let port = 0
let host: Host | null = null

beforeAll(async () => {
  if (SKIP) return
  const t = await crashDatabase()
  ;({ cleanup, dbPath, hostEntry } = t)
  const w = attendanceWorld(t.ctx, todayIso(t.ctx.clock.now()))
  sessionId = w.session({ label: 'Perte de connexion' })
  rowIds = w.trainees(sessionId, TRAINEES).map(String)
  t.db.close()
  browser = await launchBrowser()
})
afterAll(async () => {
  if (host) await kill(host)
  await browser?.close()
  cleanup()
})

/** The host on the test's port (any free one the first time), key and database, with test options. */
async function start(args: string[] = [], key = KEY): Promise<Host> {
  host = await startHost(hostEntry, dbPath, { port, key, args })
  port = Number(new URL(host.url).port)
  return host
}

/** Resolves when the host process has gone (killed by its own test option). */
const gone = (h: Host): Promise<void> => new Promise((done) => (h.process.exitCode !== null || h.process.signalCode !== null ? done() : h.process.once('exit', () => done())))

function month(): { cells: Map<string, number>; audits: number } {
  const db = new Database(dbPath, { readonly: true })
  try {
    const rows = db.prepare('SELECT enrolment_id AS e, date, hours FROM attendance_day WHERE date LIKE ?').all(`${MONTH}-%`) as { e: number; date: string; hours: number }[]
    const audits = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE operation = 'attendance.save'").get() as { n: number }).n
    return { cells: new Map(rows.map((r) => [`${r.e}|${r.date}`, r.hours])), audits }
  } finally {
    db.close()
  }
}

describe.skipIf(SKIP !== null)('the truth after a lost connection (attendance paste)', () => {
  let page: Page
  const status = () => page.getByTestId('save-status')
  const problems = () => page.getByTestId('attendance-problems')
  const reveal = (day: number): Promise<void> => revealDay(page, day)
  async function paste(day: number, tsv: string): Promise<void> {
    await reveal(day)
    await cell(page, rowIds[0] ?? '', `d${day}`).click()
    await page.evaluate((data) => {
      const dt = new DataTransfer()
      dt.setData('text/plain', data)
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
    }, tsv)
  }
  /** `rows` lines of `cols` times `value`. */
  const block = (value: string, cols = 3, rows = TRAINEES): string => `${Array.from({ length: rows }, () => Array.from({ length: cols }, () => value).join('\t')).join('\r\n')}\r\n`

  it('says « Enregistré » for a paste committed before the kill, « Non enregistré, à refaire » for one killed before, and a retry applies once', async () => {
    const first = await start()
    ;({ page } = await openApp(browser as Browser, first.url, { now: CRASH_NOW }))
    const keys: string[] = []
    page.on('request', (r) => {
      const k = r.headers()[HTTP_REQUEST_KEY_HEADER]
      if (k && r.url().includes('attendance%3Asave')) keys.push(k)
    })
    await page.getByTestId('screen-title').waitFor()
    await page.evaluate(({ m, s }) => (window.location.hash = `#/assiduite?mois=${m}&session=${s}`), { m: MONTH, s: sessionId })
    await until(() => page.getByTestId('attendance-grid').getAttribute('data-rows'), (n) => n === String(TRAINEES), 'grid rows')
    await cell(page, rowIds[0] ?? '', 'd2').waitFor()

    // 1. A paste with a refused cell: its panel is shown.
    await paste(2, `abc\t7\t7\r\n${block('7', 3, TRAINEES - 1)}`)
    await expectText(status(), 'Enregistré')
    await expectText(problems(), /refusée/)
    const afterFirst = month()
    expect(afterFirst.audits).toBe(1)
    await kill(first)

    // 2. The host dies right after committing the next paste, before answering.
    const dying = await start(['--test-die-after-commit', 'attendance:save'])
    await paste(16, block('6'))
    await gone(dying)
    await expectText(page.getByTestId('connection-banner'), /Connexion perdue, nouvelle tentative/)
    // The previous paste's panel does not stand beside this one.
    expect(await problems().count()).toBe(0)
    const committed = month()
    expect(committed.audits).toBe(2)
    expect(committed.cells.get(`${rowIds[0]}|${MONTH}-16`)).toBe(6)
    await page.getByTestId('connection-banner').waitFor()
    await shot(page, 'issue15-connection-lost')
    await start()
    await expectText(status(), 'Enregistré', 60_000)
    await shot(page, 'issue15-connection-read-back')
    expect(await page.getByTestId('connection-banner').count()).toBe(0)
    expect(await problems().count(), (await problems().count()) > 0 ? ((await problems().textContent()) ?? '') : '').toBe(0)
    // The grid shows the committed values (the stored answer's rows).
    await reveal(16)
    expect(((await cell(page, rowIds[0] ?? '', 'd16').textContent()) ?? '').trim()).toMatch(/^6/)

    // 3. The same write sent again with its key: the stored answer, not a second save.
    const lostKey = keys[keys.length - 1] ?? ''
    expect(lostKey).toMatch(/^[0-9a-f-]{36}$/)
    const changes = rowIds.flatMap((id) => [16, 17, 18].map((d) => ({ enrolmentId: Number(id), date: `${MONTH}-${String(d).padStart(2, '0')}`, value: 6 })))
    const again = await fetch(new URL(`${HTTP_INVOKE_PATH}?op=attendance%3Asave`, (host as Host).url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HTTP_CLIENT_HEADER]: '1', [HTTP_KEY_HEADER]: KEY, [HTTP_REQUEST_KEY_HEADER]: lostKey },
      body: JSON.stringify({ op: 'attendance:save', input: { month: MONTH, changes } })
    }).then((r) => r.json() as Promise<{ ok: boolean; value?: { saved: number } }>)
    expect(again).toMatchObject({ ok: true, value: { saved: TRAINEES * 3 } })
    expect(month().audits).toBe(2)
    await kill(host as Host)

    // 4. The host dies when the paste arrives, before running it: « Non enregistré, à refaire ».
    const before = month()
    const dyingBefore = await start(['--test-die-before-commit', 'attendance:save'])
    await paste(23, block('5', 2))
    await gone(dyingBefore)
    await start()
    await expectText(status(), 'Non enregistré, à refaire', 60_000)
    const after = month()
    expect(after.audits).toBe(before.audits)
    expect(after.cells).toEqual(before.cells)
    await reveal(23)
    expect(((await cell(page, rowIds[0] ?? '', 'd23').textContent()) ?? '').trim()).not.toMatch(/^5/)
    await kill(host as Host)

    // 5. A real restart draws a new launch key: the clerk opens the new address in the same tab,
    // and the page reads back the write the previous load was left without an answer for.
    const dyingAgain = await start(['--test-die-after-commit', 'attendance:save'])
    await paste(23, block('4', 2))
    await gone(dyingAgain)
    await expectText(page.getByTestId('connection-banner'), /Connexion perdue/)
    const restarted = await start([], 'nouvelle-cle-apres-redemarrage')
    await page.goto(restarted.url)
    await expectText(page.getByTestId('recovered-writes'), /Collage de 8 cellules\) : elle a bien été enregistrée/, 30_000)
    expect(month().audits).toBe(after.audits + 1)
  }, 240_000)
})
