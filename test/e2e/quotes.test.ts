import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import type { GeneratedDocument } from '@shared/api/areas/documents'
import { selectClerk } from '../../electron/main/services/clerks/clerkService'
import { launchBrowser, openApp, removeDir, startHost, type RunningHost } from '../helpers/browserHost'
import { fixedClock, tempDb } from '../helpers/tempDb'
import { quotesWorld } from '../services/quotesWorld'
import { apiCall, cell, expectText, rowIdOf, shot, until } from './support'

const NOW = '2026-12-02T09:00:00.000Z'

/**
 * AIF quotes through the UI on their own fresh database (2 December 2026): the session's « Devis »
 * tab creates three quotes in one go (Chloé's refused: her CPF covers the cost; Bruno's warned:
 * less than 15 days before his entry), Alice's is printed with its KAIROS sheet, two are marked
 * transmitted in bulk, Alice's accepted then validated; the dashboard counter follows.
 */
describe('AIF quotes: create in one go, checks, print, statuses, dashboard', () => {
  let host: RunningHost
  let browser: Browser
  let page: Page
  let errors: string[]
  let dir = ''
  let sessionId = 0

  const grid = (): Locator => page.getByTestId('quotes-grid')
  const dialog = (): Locator => page.locator('dialog[open][data-testid="quote-dialog"]')
  const generate = (): Locator => page.locator('dialog[open][data-testid="generate-dialog"]')
  async function waitingCount(): Promise<string> {
    await page.evaluate(() => (window.location.hash = '#/'))
    await expectText(page.getByTestId('screen-title'), 'Tableau de bord')
    const count = page.getByTestId('counter-quotes_waiting-count')
    await count.waitFor()
    return (await count.textContent()) ?? ''
  }
  async function tick(name: string): Promise<void> {
    const id = await rowIdOf(page, 'person', name)
    await grid().locator(`[role="row"][row-id="${id}"] .ag-selection-checkbox input`).filter({ visible: true }).check()
  }
  async function print(kind: 'devis_aif' | 'fiche_kairos'): Promise<void> {
    await dialog().getByTestId('quote-print').click()
    await generate().waitFor()
    // The dialog checks its kinds first and then ticks its default: choose once that is settled.
    await generate().locator('[data-testid="kind-grid"][data-checked="true"]').waitFor()
    await generate().getByTestId(`kind-${kind}`).click()
    await until(() => generate().getByTestId(`kind-${kind}`).locator('input').isChecked(), (c) => c, `${kind} chosen`)
    await generate().getByTestId('generate-start').click()
    await generate().getByTestId('generate-result').waitFor()
    expect(await generate().getByTestId('generate-result').getAttribute('data-state')).toBe('done')
    await shot(page, `issue12-print-${kind}`)
    await generate().getByRole('button', { name: 'Fermer' }).last().click()
  }

  beforeAll(async () => {
    const t = await tempDb()
    dir = t.dir
    const w = quotesWorld(t.db)
    sessionId = w.sessionId
    selectClerk(t.db, fixedClock(NOW), 'Claire Martin')
    t.db.close()
    host = await startHost({ dbPath: t.path, dir: t.dir, now: NOW })
    browser = await launchBrowser()
    ;({ page, errors } = await openApp(browser, host.url, { now: NOW }))
    page.setDefaultTimeout(10_000)
    await page.getByTestId('screen-title').waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    if (dir) removeDir(dir)
  })

  it('creates three quotes, sees one refused and one warned, prints, files, accepts and validates', async () => {
    expect(await waitingCount()).toBe('0')

    // The session's funding (Synthèse): the AIF teaching cost per hour, which prices its quotes.
    await page.evaluate((id) => (window.location.hash = `#/sessions/${id}`), sessionId)
    await page.getByTestId('session-funding-edit').click()
    await page.getByTestId('session-funding-add').selectOption('region')
    await page.getByTestId('funding-cost-region').fill('4 800')
    await page.locator('[data-testid="session-funding"] select[aria-label="Unité du coût"]').first().selectOption('place')
    await page.getByTestId('session-funding-add').selectOption('aif')
    await page.getByTestId('funding-cost-aif').fill('12,50')
    await page.getByTestId('session-funding-save').click()
    await expectText(page.getByTestId('session-funding-list'), /Conseil régional — 4\s800,00\s€ par place[\s\S]*AIF France Travail — 12,50\s€ par heure/)
    await page.getByTestId('session-funding').scrollIntoViewIfNeeded()
    await shot(page, 'issue12-session-funding', { keepScroll: true })

    // The session's « Devis » tab: three enrolments ticked, quotes created in one go.
    await page.evaluate((id) => (window.location.hash = `#/sessions/${id}/devis`), sessionId)
    await page.getByTestId('session-quotes').waitFor()
    const candidates = page.getByTestId('quote-candidate')
    await expect.poll(() => candidates.count()).toBe(3)
    for (let i = 0; i < 3; i++) await candidates.nth(i).check()
    await page.getByTestId('quote-create').click()
    await expectText(page.getByTestId('row-count'), '3 devis')
    const alice = await rowIdOf(page, 'person', 'ARNAUD Alice')
    const bruno = await rowIdOf(page, 'person', 'BERNARD Bruno')
    const chloe = await rowIdOf(page, 'person', 'COSTE Chloé')
    await expectText(cell(page, alice, 'checks'), 'Conforme')
    await expectText(cell(page, bruno, 'checks'), '1 alerte')
    await expectText(cell(page, chloe, 'checks'), '1 bloquant')
    await expectText(cell(page, alice, 'franceTravailCents'), /5\s250,00\s€/)
    await shot(page, 'issue12-session-quotes')

    // Chloé's quote: the refusal in the dialog, and filing it is refused.
    await cell(page, chloe, 'person').dblclick()
    await expectText(dialog().getByTestId('quote-findings'), /Bloquant\s:\sLe solde CPF \(10\s000,00\s€\) couvre le coût pédagogique/)
    await dialog().getByTestId('quote-action-file').click()
    await expectText(dialog().getByTestId('quote-error'), /Devis non transmissible/)
    await shot(page, 'issue12-quote-refused')
    await dialog().getByRole('button', { name: 'Fermer' }).last().click()

    // Bruno's: the 15-day warning.
    await cell(page, bruno, 'person').dblclick()
    await expectText(dialog().getByTestId('quote-findings'), /Attention\s:\sDevis non déposé à moins de 15\sjours de l’entrée/)
    await dialog().getByRole('button', { name: 'Fermer' }).last().click()

    // Alice's: the region funds 1 000,01 €, then the quote and the KAIROS sheet are printed.
    await cell(page, alice, 'person').dblclick()
    await dialog().getByTestId('quote-funder-region').fill('1 000,01')
    await dialog().getByTestId('quote-save').click()
    await expectText(dialog().getByTestId('quote-ft'), /4\s249,99\s€/)
    await shot(page, 'issue12-quote-dialog')
    await print('devis_aif')
    await print('fiche_kairos')
    // The second batch may still be writing when its dialog closes: wait for the register.
    const names = await until(
      async () => (await apiCall<GeneratedDocument[]>(page, 'documents:list', { sessionId })).value?.map((d) => d.fileName).sort() ?? [],
      (list) => list.length >= 2,
      'both documents in the register'
    )
    expect(names).toEqual([
      '2026-12 Devis AIF - ARNAUD Alice DEV-2026-0001.pdf',
      '2026-12 Fiche de saisie KAIROS - ARNAUD Alice DEV-2026-0001.pdf'
    ])
    await dialog().getByRole('button', { name: 'Fermer' }).last().click()

    // « Marquer transmis » for Alice and Bruno at one date.
    await tick('ARNAUD Alice')
    await tick('BERNARD Bruno')
    await page.getByTestId('bulk-filed-on').fill('2026-12-01')
    await page.getByTestId('bulk-mark-filed').click()
    await expectText(cell(page, alice, 'status'), 'Transmis')
    await expectText(cell(page, bruno, 'status'), 'Transmis')
    await expectText(cell(page, alice, 'sentOn'), '01/12/2026')
    expect(await waitingCount()).toBe('2')

    // The dashboard counter opens the grid on exactly those quotes.
    await page.getByTestId('counter-quotes_waiting').click()
    await expectText(page.getByTestId('screen-title'), 'Devis & factures')
    await expectText(page.getByTestId('row-count'), '2 devis')
    await shot(page, 'issue12-quotes-page')

    // Alice accepts the quote in her personal space, then the adviser validates it.
    await cell(page, await rowIdOf(page, 'person', 'ARNAUD Alice'), 'person').dblclick()
    await dialog().getByTestId('quote-action-accept').click()
    await expectText(dialog().getByTestId('quote-summary'), /Accepté par le stagiaire/)
    await dialog().getByTestId('quote-action-validate').click()
    await expectText(dialog().getByTestId('quote-summary'), /Validé/)
    await dialog().getByRole('button', { name: 'Fermer' }).last().click()
    expect(await waitingCount()).toBe('1')
    expect(errors).toEqual([])
  })
})
