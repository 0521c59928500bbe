import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { e2eWorld } from '../helpers/e2eWorld'
import { chooseClerk, expectText, goTo, shot } from './support'

const SCREENS: { nav: string; title: string }[] = [
  { nav: 'Tableau de bord', title: 'Tableau de bord' },
  { nav: 'Formations & sessions', title: 'Formations & sessions' },
  { nav: 'Recrutement', title: 'Recrutement' },
  { nav: 'Inscriptions', title: 'Inscriptions' },
  { nav: 'Assiduité mensuelle', title: 'Assiduité mensuelle' },
  { nav: 'Stagiaires', title: 'Stagiaires' },
  { nav: 'Devis & factures', title: 'Devis & factures' },
  { nav: 'Documents', title: 'Documents' },
  { nav: 'Paramètres', title: 'Paramètres' },
  { nav: 'Historique', title: 'Historique des modifications' }
]

// Each test opens its own host and page (test/helpers/e2eWorld.ts), which also fail the test on any browser error.
describe('shell', () => {
  const w = e2eWorld()
  /** Claire Martin already chose her name: the app opens on the dashboard. */
  const clerk = w.template('clerk', () => undefined)
  let page: Page

  async function openDashboard(): Promise<void> {
    ;({ page } = await w.open(clerk))
    await expectText(page.getByTestId('screen-title'), 'Tableau de bord')
  }

  it('asks who is working on first start', async () => {
    ;({ page } = await w.open())
    await page.getByRole('heading', { name: 'Qui utilise Passerelle ?' }).waitFor()
    await shot(page, 'welcome')
    // An empty name is refused with a French message.
    await page.getByRole('button', { name: 'Continuer' }).click()
    await expectText(page.getByRole('alert'), 'Saisissez votre prénom et votre nom.')
    await chooseClerk(page, 'Claire Martin')
  })

  it('opens every screen from the sidebar with its French title', async () => {
    await openDashboard()
    for (const s of SCREENS) {
      await goTo(page, s.nav, s.title)
      expect(await page.title()).toBe(`${s.title} — Passerelle`)
    }
    await goTo(page, 'Inscriptions')
    await shot(page, 'placeholder-inscriptions')
    await goTo(page, 'Assiduité mensuelle')
    await shot(page, 'placeholder-assiduite')
  })

  it('switches screens with Alt+digit', async () => {
    await openDashboard()
    await page.locator('body').click({ position: { x: 600, y: 10 } })
    await page.keyboard.press('Alt+6')
    await expectText(page.getByTestId('screen-title'), 'Stagiaires')
    await page.keyboard.press('Alt+1')
    await expectText(page.getByTestId('screen-title'), 'Tableau de bord')
  })

  it('shows the empty-base card and the upcoming deadline counters', async () => {
    await openDashboard()
    await page.getByTestId('empty-db-card').waitFor()
    await expectText(page.getByTestId('stat-trainees-value'), '0')
    await page.getByTestId('upcoming-panel').getByText('Déclarations KAIROS en retard').waitFor()
    await shot(page, 'dashboard-empty')
  })

  it('changes the current user from the top bar and remembers it', async () => {
    await openDashboard()
    await page.getByTestId('current-clerk').click()
    const dialog = page.getByTestId('change-clerk-dialog')
    await dialog.getByRole('heading', { name: 'Changer d’utilisateur' }).waitFor()
    await dialog.locator('.clerk-picker__form input').fill('Marc Durand')
    await dialog.getByRole('button', { name: 'Continuer' }).click()
    await expectText(page.getByTestId('current-clerk'), /Marc Durand/)
    await page.reload()
    await expectText(page.getByTestId('current-clerk'), /Marc Durand/)
    // Claire is now offered as a known person.
    await page.getByTestId('current-clerk').click()
    await dialog.getByRole('button', { name: /Claire Martin/ }).click()
    await expectText(page.getByTestId('current-clerk'), /Claire Martin/)
  })
})
