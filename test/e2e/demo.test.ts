import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { e2eWorld, type Template } from '../helpers/e2eWorld'
import { apiCall, cell, expectText, goTo, shot } from './support'

const count = async (page: Page, testId: string): Promise<number> =>
  Number(((await page.getByTestId(`${testId}-value`).textContent()) ?? '').replace(/\D/g, ''))

describe('demo data', () => {
  // Each test opens its own host and page (test/helpers/e2eWorld.ts), which also fail the test on any browser error.
  const w = e2eWorld()
  const clerk = w.template('clerk', () => undefined)
  /** The demo data loaded (as « fills the dashboard counters from an empty base » does through the card). */
  const demo = w.template('demo data', async ({ call }) => {
    await call('demo:generate', { seed: 7 })
  })
  let page: Page

  async function start(state: Template<void>, screen?: string): Promise<void> {
    ;({ page } = await w.open(state))
    await expectText(page.getByTestId('screen-title'), 'Tableau de bord')
    if (screen) await goTo(page, screen)
  }

  it('fills the dashboard counters from an empty base', async () => {
    await start(clerk)
    const card = page.getByTestId('empty-db-card')
    await card.waitFor()
    await expectText(page.getByTestId('stat-trainees-value'), '0')
    await card.getByRole('button', { name: 'Charger les données de démonstration' }).click()
    await card.waitFor({ state: 'hidden', timeout: 90_000 })
    await expectText(page.getByTestId('toast-success'), /Données de démonstration chargées/)
    await expect.poll(() => count(page, 'stat-trainees')).toBeGreaterThan(0)
    expect(await count(page, 'stat-trainings')).toBeGreaterThan(0)
    expect(await count(page, 'stat-sessions')).toBeGreaterThan(0)
    expect(await count(page, 'stat-enrolments')).toBeGreaterThan(0)
    const overview = await apiCall<{ trainees: number }>(page, 'app:overview', {})
    expect(await count(page, 'stat-trainees')).toBe(overview.value?.trainees)
    await page.mouse.move(0, 0)
    await shot(page, 'dashboard')
  })

  it('lists the demo trainees in the grid', async () => {
    await start(demo, 'Stagiaires')
    const overview = await apiCall<{ trainees: number }>(page, 'app:overview', {})
    await expectText(page.getByTestId('row-count'), new RegExp(`^${String(overview.value?.trainees).replace(/\B(?=(\d{3})+$)/g, '\u202F')} stagiaires$`))
    await page.locator('[role="gridcell"][col-id="lastName"]').first().waitFor()
    await shot(page, 'trainees-grid')
  }, 180_000)

  it('refuses to delete a person with enrolments, with the server message', async () => {
    await start(demo, 'Stagiaires')
    const list = await apiCall<{ id: number; lastName: string; firstName: string; enrolmentCount: number }[]>(page, 'trainees:list', {})
    const enrolled = list.value?.find((t) => t.enrolmentCount > 0)
    expect(enrolled).toBeDefined()
    if (!enrolled) return
    await page.getByRole('searchbox', { name: 'Rechercher un stagiaire' }).fill(`${enrolled.lastName} ${enrolled.firstName}`)
    await cell(page, String(enrolled.id), 'lastName').click()
    await page.getByRole('button', { name: 'Supprimer' }).click()
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Supprimer définitivement' }).click()
    await expectText(page.getByTestId('toast-error'), /Impossible de supprimer .* : cette personne a \d+ inscriptions? en formation/)
    await expectText(cell(page, String(enrolled.id), 'lastName'), enrolled.lastName)

    await page.getByRole('button', { name: 'Modifier' }).click()
    await page.getByTestId('trainee-dialog').getByRole('heading', { name: /^Modifier / }).waitFor()
    await shot(page, 'trainee-form-demo')
    await page.keyboard.press('Escape')
    await page.getByTestId('trainee-dialog').getByRole('heading').waitFor({ state: 'hidden' })
  }, 180_000)
})
