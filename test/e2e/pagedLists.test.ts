import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { e2eWorld } from '../helpers/e2eWorld'
import { apiCall, expectText, until } from './support'
import { exportXlsx } from './xlsxDownload'

/*
 * « Stagiaires » and « Inscriptions » read their rows page by page (usePagedList). With tiny pages
 * injected the way only a test can (window.__PASSERELLE_PAGE_SIZES__ before the app's scripts), a
 * small database takes many pages: every row arrives once, the count tells the truth meanwhile,
 * « Exporter tout le tableau » holds every row, and a search restarts the stream.
 */
const TINY = `(() => {
  window.__PASSERELLE_PAGE_SIZES__ = { first: 3, rest: 4 }
  window.__countTexts = []
  window.__pageCalls = []
  const original = window.fetch.bind(window)
  window.fetch = (url, init) => {
    try {
      const sent = JSON.parse(String((init && init.body) || '{}'))
      if (typeof sent.op === 'string' && sent.op.endsWith(':page')) window.__pageCalls.push({ op: sent.op, input: sent.input })
    } catch (e) { /* not an API call */ }
    return original(url, init)
  }
  new MutationObserver(() => {
    const el = document.querySelector('[data-testid="row-count"]')
    const text = el ? el.textContent : null
    if (text && window.__countTexts[window.__countTexts.length - 1] !== text) window.__countTexts.push(text)
  }).observe(document, { subtree: true, childList: true, characterData: true })
})()`

type PageCall = { op: string; input: { search?: string; after?: unknown; limit: number } }

describe('paged grids', () => {
  const w = e2eWorld({ timeout: 20_000 })
  const demo = w.template('demo 40', async ({ call }) => {
    await call('demo:generate', { trainees: 40, seed: 7 })
  })

  async function openTiny(hash: string, title: string): Promise<Page> {
    const { page } = await w.open(demo, { hash })
    await page.addInitScript(TINY)
    await page.reload()
    await expectText(page.getByTestId('screen-title'), title)
    return page
  }

  const pageCalls = (page: Page): Promise<PageCall[]> => page.evaluate('window.__pageCalls') as Promise<PageCall[]>
  const countTexts = (page: Page): Promise<string[]> => page.evaluate('window.__countTexts') as Promise<string[]>
  it('fills « Stagiaires » page by page, exports every row, and restarts the stream on a search', async () => {
    const page = await openTiny('#/stagiaires', 'Stagiaires')
    const all = (await apiCall<{ id: number; lastName: string }[]>(page, 'trainees:list', {})).value ?? []
    expect(all.length).toBeGreaterThan(12)
    await expectText(page.getByTestId('row-count'), `${all.length} stagiaires`)
    await until(() => page.locator('[data-testid="row-count"][data-streaming]').count(), (n) => n === 0, 'the stream ends')

    // Many pages, each after the previous one's cursor; the count said how many were coming.
    const calls = (await pageCalls(page)).filter((c) => c.op === 'trainees:page')
    expect(calls[0]?.input).toEqual({ limit: 3 })
    expect(calls.length).toBe(1 + Math.ceil((all.length - 3) / 4))
    expect(calls.slice(1).every((c) => c.input.limit === 4 && c.input.after !== undefined)).toBe(true)
    expect(await countTexts(page)).toContain(`3 chargés sur ${all.length} stagiaires…`)

    // « Exporter tout le tableau » holds every row, in the grid's order.
    const { sheet } = await exportXlsx(page)
    expect(sheet.rowCount).toBe(all.length + 1)
    const names: string[] = []
    for (let r = 2; r <= sheet.rowCount; r++) names.push(String(sheet.getRow(r).getCell(1).value))
    expect(names).toEqual(all.map((t) => t.lastName))

    // A search starts a new stream from its first page.
    const before = calls.length
    const expected = (await apiCall<{ id: number }[]>(page, 'trainees:list', { search: 'ma' })).value ?? []
    await page.getByRole('searchbox', { name: 'Rechercher un stagiaire' }).fill('ma')
    await expectText(page.getByTestId('row-count'), expected.length > 1 ? `${expected.length} stagiaires` : `${expected.length} stagiaire`)
    const searched = (await pageCalls(page)).filter((c) => c.op === 'trainees:page').slice(before)
    expect(searched[0]?.input).toEqual({ search: 'ma', limit: 3 })
    expect(searched.every((c) => c.input.search === 'ma')).toBe(true)
    const again = await exportXlsx(page)
    expect(again.sheet.rowCount).toBe(expected.length + 1)
  })

  it('fills « Inscriptions » page by page, newest first, and exports every row', async () => {
    const page = await openTiny('#/inscriptions', 'Inscriptions')
    const all = (await apiCall<{ id: number }[]>(page, 'enrolments:list', {})).value ?? []
    expect(all.length).toBeGreaterThan(8)
    await expectText(page.getByTestId('row-count'), `${all.length} inscriptions`)
    await until(() => page.locator('[data-testid="row-count"][data-streaming]').count(), (n) => n === 0, 'the stream ends')
    const calls = (await pageCalls(page)).filter((c) => c.op === 'enrolments:page')
    expect(calls.length).toBe(1 + Math.ceil((all.length - 3) / 4))
    expect(await countTexts(page)).toContain(`3 chargées sur ${all.length} inscriptions…`)
    const { sheet } = await exportXlsx(page)
    expect(sheet.rowCount).toBe(all.length + 1)
    // The session filter's options came once every row was in, and only once.
    await until(() => page.locator('[data-testid="filter-session"] option').count(), (n) => n > 1, 'the session options')
  })
})
