import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { Dashboard } from '../../shared/api/areas/dashboard'
import { launchBrowser, openApp, removeDir, startHost, type RunningHost } from '../helpers/browserHost'
import { formatCount } from '../../renderer/src/grid/cellValues'
import { apiCall, chooseClerk, expectText, goTo, shot } from './support'

/**
 * The dashboard on the demo data (hundreds of people in every state): each counter shows the
 * server's count, and every counter on enrolments opens the grid on exactly as many rows.
 */
describe('dashboard on the demo data', () => {
  let host: RunningHost
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    host = await startHost()
    browser = await launchBrowser()
    ;({ page, errors } = await openApp(browser, host.url))
    page.setDefaultTimeout(15_000)
    await chooseClerk(page)
    const r = await apiCall(page, 'demo:generate', { seed: 7 })
    expect(r.ok, JSON.stringify(r.error)).toBe(true)
    await page.reload()
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    if (host) removeDir(host.dir)
  })

  it('shows the server’s counters, and each enrolment counter opens exactly its rows', async () => {
    await page.getByTestId('counter-entries_late').waitFor()
    const dash = await apiCall<Dashboard>(page, 'dashboard:get', {})
    const counters = dash.value?.counters ?? []
    expect(counters.some((c) => c.count > 0)).toBe(true)
    for (const c of counters) await expectText(page.getByTestId(`counter-${c.key}-count`), formatCount(c.count))
    await page.mouse.move(1, 1)
    await shot(page, 'issue4-dashboard-demo')
    for (const c of counters.filter((x) => x.target.screen === 'enrolments' && x.count > 0)) {
      await goTo(page, 'Tableau de bord')
      await page.getByTestId(`counter-${c.key}`).click()
      await expectText(page.getByTestId('screen-title'), 'Inscriptions')
      await expectText(page.getByTestId('row-count'), `${formatCount(c.count)} inscription${c.count > 1 ? 's' : ''}`)
    }
    await shot(page, 'issue4-grid-demo')
  })

  it('logged no browser error', () => {
    expect(errors).toEqual([])
  })
})
