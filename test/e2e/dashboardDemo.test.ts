import { describe, expect, it } from 'vitest'
import type { Dashboard } from '@shared/api/areas/dashboard'
import { e2eWorld } from '../helpers/e2eWorld'
import { formatCount } from '../../renderer/src/grid/cellValues'
import { apiCall, expectText, goTo, shot } from './support'

/**
 * The dashboard on the demo data (hundreds of people in every state): each counter shows the
 * server's count, and every counter on enrolments opens the grid on exactly as many rows.
 */
describe('dashboard on the demo data', () => {
  // Its own host and page on a copy of the demo database (test/helpers/e2eWorld.ts), which also fail the test on any browser error.
  const w = e2eWorld({ timeout: 15_000 })
  const demo = w.template('demo data', async ({ call }) => {
    await call('demo:generate', { seed: 7 })
  })

  it('shows the server’s counters, and each enrolment counter opens exactly its rows', async () => {
    const { page } = await w.open(demo)
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
  }, 240_000)
})
