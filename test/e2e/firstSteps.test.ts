import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { e2eWorld } from '../helpers/e2eWorld'
import { LHEO_SAMPLES } from '../helpers/reference'
import { expectText } from './support'

const CENTRE = resolve(LHEO_SAMPLES, 'intercarif_centre-val-de-loire_07_10.xml')

/**
 * The empty database's first step a real organisation takes: « Importer un catalogue LHEO » from
 * the dashboard (the same preview-then-apply import as the Formations screen), which lands on the
 * catalogue it filled; the same file imported again says « Catalogue inchangé ».
 */
describe('first steps on an empty database', () => {
  const w = e2eWorld()
  const clerk = w.template('clerk', () => undefined)

  it('imports a LHEO catalogue from the empty-database panel, then says an unchanged re-import changed nothing', async () => {
    const { page } = await w.open(clerk)
    await expectText(page.getByTestId('screen-title'), 'Tableau de bord')
    const card = page.getByTestId('empty-db-card')
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), card.getByRole('button', { name: 'Importer un catalogue LHEO' }).click()])
    await chooser.setFiles(CENTRE)
    const dialog = page.getByTestId('lheo-dialog')
    await dialog.getByTestId('lheo-preview').waitFor()
    await dialog.getByTestId('lheo-apply').click()
    // Imported: the catalogue it filled is shown, with the result in a toast.
    await expectText(page.getByTestId('screen-title'), 'Formations & sessions', 30_000)
    await expectText(page.getByTestId('toast-success'), /Import terminé — créé : 1 formation, 2 actions, 2 sessions/)
    await expectText(page.getByTestId('row-count'), '1 formation')

    await page.getByTestId('lheo-file-input').setInputFiles(CENTRE)
    await dialog.getByTestId('lheo-preview').waitFor()
    await dialog.getByTestId('lheo-apply').click()
    // The toast first: it goes after a few seconds, the dialog stays.
    await expectText(page.getByTestId('toast-success').last(), /Catalogue inchangé : le fichier ne contient rien de nouveau\./, 30_000)
    await expectText(dialog.getByTestId('lheo-done'), /^Catalogue inchangé\./)
  })

  it('Ctrl+N puts the cursor in the new trainee’s first field, not on the dialog’s × button', async () => {
    const { page } = await w.open(clerk)
    await page.evaluate(() => (window.location.hash = '#/stagiaires'))
    await expectText(page.getByTestId('screen-title'), 'Stagiaires')
    await page.keyboard.press('Control+n')
    const dialog = page.locator('dialog[open]')
    await dialog.waitFor()
    await expect.poll(() => page.evaluate(() => (document.activeElement instanceof HTMLElement ? `${document.activeElement.tagName} ${document.activeElement.closest('.modal__body') ? 'body' : 'outside'}` : ''))).toMatch(/^(INPUT|SELECT) body$/)
  })
})
