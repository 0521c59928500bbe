import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { RunningHost } from '../helpers/browserHost'
import { e2eWorld } from '../helpers/e2eWorld'
import { apiCall, expectCount, expectText, goTo, labelled, shot, SHOTS_DIR } from './support'

// Paramètres › Sauvegardes: « Sauvegarder maintenant », then a restore from the list brings the data back.
/** The whole identity (organisation:update replaces it), with the name that tells the states apart. */
const identity = (raisonSociale: string, city: string) => ({
  raisonSociale,
  legalForm: 'Association loi 1901',
  siret: '73282932000074',
  nda: '11755555575',
  addressLine1: '12 rue des Lilas',
  postalCode: '75011',
  city,
  phone: '01 23 45 67 89',
  email: 'contact@avenir-formation.fr',
  qualiopiNumber: 'QUA-2024-118',
  qualiopiValidUntil: '2030-12-31',
  signatoryName: 'Hélène Dupré',
  signatoryTitle: 'Directrice'
})

describe('settings: backups and restore', () => {
  const w = e2eWorld()
  const organisation = w.template('organisation and a trainee', async ({ call }) => {
    await call('organisation:update', identity('Avenir Formation', 'Paris'))
    await call('trainees:create', { lastName: 'Durand', firstName: 'Léa' })
  })
  let page: Page
  let host: RunningHost

  const card = () => page.getByTestId('backup-card')
  const files = () => card().getByTestId('backup-file')
  const org = () => page.locator('.topbar__org')

  /** The card alone (it sits below the fold of the settings page). */
  async function cardShot(name: string): Promise<void> {
    await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.toast__close').forEach((b) => b.click()))
    await card().screenshot({ path: `${SHOTS_DIR}/${name}.png` })
  }

  async function openSettings(): Promise<void> {
    ;({ page, host } = await w.open(organisation))
    await expectText(page.getByTestId('screen-title'), 'Tableau de bord')
    await goTo(page, 'Paramètres')
    await card().getByTestId('backup-folder').waitFor()
  }

  it('« Sauvegarder maintenant », data changed, restore from the list: the data at the backup is back', async () => {
    await openSettings()
    const folder = join(host.dir, 'sauvegardes')
    await expectText(card().getByTestId('backup-folder'), folder)
    await expectText(card().getByTestId('backup-restore'), /Aucune sauvegarde dans ce dossier/)

    await card().getByRole('button', { name: 'Sauvegarder maintenant' }).click()
    await expectText(page.getByTestId('toast-success'), /Sauvegarde enregistrée : .*passerelle-2026-11-26-\d{4}-manuelle\.sqlite/)
    await expectCount(files(), 1)
    await expectText(files().first(), /^26\/11\/2026 à \d{2}:\d{2}manuelle · \d+ KoRestaurer…$/)
    expect(readdirSync(folder)).toHaveLength(1)
    await cardShot('backup-card')

    // Changes after the backup, made as the app makes them.
    expect((await apiCall(page, 'organisation:update', identity('Nom changé après la sauvegarde', 'Lyon'))).ok).toBe(true)
    expect((await apiCall(page, 'trainees:create', { lastName: 'Martin', firstName: 'Hugo' })).ok).toBe(true)
    await page.reload()
    await expectText(org(), 'Nom changé après la sauvegarde')

    await files().first().getByRole('button', { name: /^Restaurer la sauvegarde du 26\/11\/2026/ }).click()
    const dialog = page.getByTestId('confirm-dialog')
    await expectText(dialog, /va remplacer toutes les données actuelles/)
    await shot(page, 'backup-restore-confirm')
    await dialog.getByRole('button', { name: 'Restaurer' }).click()

    // The page reloads on the restored database and says so.
    await expectText(page.getByTestId('toast-success'), /La sauvegarde du 26\/11\/2026 à \d{2}:\d{2} restaurée\. La base remplacée est gardée dans .*-avant-restauration\.sqlite\./)
    await expectText(org(), 'Avenir Formation')
    await expectText(page.getByTestId('current-clerk'), /Claire Martin/)
    await expectCount(files(), 2)
    await expectText(files().first(), /avant restauration/)
    await cardShot('backup-restored')

    const trainees = await apiCall<{ lastName: string }[]>(page, 'trainees:list', {})
    expect(trainees.value?.map((t) => t.lastName)).toEqual(['DURAND'])
    // Writes still work after the restore, under the window's clerk.
    expect((await apiCall(page, 'trainees:create', { lastName: 'Après', firstName: 'Restauration' })).ok).toBe(true)
  })

  it('a file that is not a backup is refused in French in the dialog, nothing changed', async () => {
    await openSettings()
    const notes = join(host.dir, 'notes.sqlite')
    writeFileSync(notes, 'Ceci n’est pas une sauvegarde.\n'.repeat(100))
    await labelled(card(), 'Autre fichier de sauvegarde').fill(notes)
    await card().getByRole('button', { name: 'Restaurer ce fichier…' }).click()
    const dialog = page.getByTestId('confirm-dialog')
    await dialog.getByRole('button', { name: 'Restaurer' }).click()
    await expectText(dialog.getByTestId('restore-error'), `« ${notes} » n’est pas une sauvegarde de Passerelle (ce n’est pas une base SQLite). Rien n’a été changé.`)
    await shot(page, 'backup-restore-refused')
    await dialog.getByRole('button', { name: 'Annuler' }).click()
    await expectText(org(), 'Avenir Formation')
    expect(readdirSync(host.dir).filter((n) => n === 'sauvegardes')).toEqual([])
  })
})
