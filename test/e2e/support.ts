import { mkdirSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import type { Locator, Page } from 'playwright-core'

export const SHOTS_DIR = '/tmp/shots'

/**
 * Screenshot with the toasts closed and the content scrolled to the top, written to /tmp/shots for
 * a person to look at: it documents the screen and checks nothing (no test compares the images).
 */
export async function shot(page: Page, name: string, options: { keepScroll?: boolean } = {}): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true })
  await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.toast__close').forEach((b) => b.click()))
  if (!options.keepScroll) await page.locator('#main-content').evaluate((el) => el.scrollTo(0, 0)).catch(() => undefined)
  await page.mouse.move(1, 1)
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png` })
}

/** Polls until `read()` satisfies `ok` (works in hooks too, unlike expect.poll). */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const deadline = performance.now() + timeout
  let last: T = await read()
  while (!ok(last)) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 50))
    last = await read()
  }
  return last
}

/** Waits (like Playwright's own expect) until the locator's text matches. */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<void> {
  const read = async (): Promise<string> => ((await locator.count()) > 0 ? ((await locator.first().textContent()) ?? '') : '')
  const ok = (text: string): boolean => (typeof expected === 'string' ? text === expected : expected.test(text))
  await until(read, ok, `text ${String(expected)} in ${locator.toString()}`, timeout)
}

export async function expectCount(locator: Locator, n: number, timeout = 10_000): Promise<void> {
  await until(() => locator.count(), (c) => c === n, `${n} × ${locator.toString()}`, timeout)
}

/** A form control by its label; required fields show "Label *". */
export function labelled(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`))
}

/** The first-start screen: type a name and continue, then the dashboard opens. */
export async function chooseClerk(page: Page, name = 'Claire Martin'): Promise<void> {
  await page.getByRole('heading', { name: 'Qui utilise Passerelle ?' }).waitFor()
  await page.locator('.clerk-picker__form input').fill(name)
  await page.getByRole('button', { name: 'Continuer' }).click()
  await expectText(page.getByTestId('screen-title'), 'Tableau de bord')
  await expectText(page.getByTestId('current-clerk'), new RegExp(name))
}

export async function goTo(page: Page, navLabel: string, title = navLabel): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: navLabel, exact: true }).click()
  await expectText(page.getByTestId('screen-title'), title)
}

/** A grid cell by row id and column id (pinned and centre containers both carry the row id). */
export function cell(page: Page, rowId: string, colId: string): Locator {
  // A row being filtered out stays in the DOM while it fades: only the visible one counts.
  return page.locator(`[role="row"][row-id="${rowId}"] [role="gridcell"][col-id="${colId}"]`).filter({ visible: true })
}

export async function rowIdOf(page: Page, colId: string, text: string): Promise<string> {
  const c = page.locator(`[role="gridcell"][col-id="${colId}"]`, { hasText: text }).filter({ visible: true }).first()
  await c.waitFor()
  const id = await c.locator('xpath=ancestor::*[@role="row"][1]').getAttribute('row-id')
  if (!id) throw new Error(`no row id for ${text}`)
  return id
}

/** Calls the API from the page, as the app does (same origin, same header). */
export async function apiCall<T>(page: Page, op: string, input: unknown): Promise<{ ok: boolean; value?: T; error?: { message: string; issues?: { path: string; message: string }[] } }> {
  return page.evaluate(
    async ({ op, input }) => {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-passerelle-client': '1' },
        body: JSON.stringify({ op, input })
      })
      return res.json()
    },
    { op, input }
  )
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/** A valid RGB PNG of the given size, filled with one colour. */
export function tinyPng(width = 24, height = 12, rgb: [number, number, number] = [11, 92, 122]): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** The weekdays from `from` to `to` (ISO dates), 11 November 2026 (a holiday) left out: the days a seed attends. */
export function weekdays(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10)
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && iso !== '2026-11-11') out.push(iso)
  }
  return out
}

/**
 * The attendance grid's day columns are virtualised: scrolls it until day `day` is rendered. Set
 * again at each try: a re-render after a save can undo the scroll, and on a loaded machine the
 * column comes late (a paste's save re-renders the whole grid).
 */
export async function revealDay(page: Page, day: number, timeout = 20_000): Promise<void> {
  await until(
    () =>
      page.evaluate(
        ({ left, col }) => {
          const v = document.querySelector('[data-testid="attendance-grid"] .ag-body-horizontal-scroll-viewport')
          if (v) v.scrollLeft = left
          return col === null || document.querySelector(`[data-testid="attendance-grid"] [role="gridcell"][col-id="${col}"]`) !== null
        },
        { left: Math.max(0, (day - 4) * 54), col: day <= 31 ? `d${day}` : null }
      ),
    (shown) => shown,
    `day ${day} shown`,
    timeout
  )
}
