import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Trainee } from '@shared/api/areas/trainees'
import type { TraineeImportPreview } from '@shared/api/areas/traineeImport'
import { e2eWorld, type Template } from '../helpers/e2eWorld'
import { SEEDED } from '../fixtures/trainees/prescriberLists'
import { apiCall, expectCount, expectText, goTo, shot } from './support'

const FIXTURES = join(__dirname, '../fixtures/trainees')
const FRANCE_TRAVAIL = join(FIXTURES, 'france-travail-positionnes.csv')

/**
 * Import of a prescriber's list on the Stagiaires screen: the France Travail export (windows-1252,
 * semicolons, a title line) read with its accents, the columns recognised from their French
 * headers, one mapping changed (the preview runs again), nothing written before « Importer »,
 * then the people in the grid; a UTF-8 list dropped on the screen.
 */
// Each test opens its own host and page (test/helpers/e2eWorld.ts), which also fail the test on any browser error.
describe('trainee list import', () => {
  const w = e2eWorld()
  const base64 = (path: string): string => readFileSync(path).toString('base64')
  /** The three people already in the registry (see SEEDED). */
  const seeded = w.template('seeded', async ({ call }) => {
    for (const t of SEEDED) await call('trainees:create', t)
  })
  /** The France Travail list imported as « imports on confirmation » does (its prescription date kept in the notes). */
  const imported = w.template(
    'France Travail list imported',
    async ({ call }) => {
      const upload = { fileName: 'france-travail-positionnes.csv', base64: base64(FRANCE_TRAVAIL) }
      const recognised = await call<TraineeImportPreview>('traineeImport:preview', upload)
      const mapping = recognised.mapping.map((field, i) => (recognised.headers[i] === 'Date de prescription' ? 'notes' : field))
      await call('traineeImport:apply', { ...upload, mapping })
    },
    { from: seeded }
  )
  let page: Page

  const dialog = (): Locator => page.getByTestId('trainee-import-dialog')
  const preview = (): Locator => page.getByTestId('trainee-import-preview')
  const mappingSelect = (header: string): Locator => page.getByTestId('trainee-import-mapping').locator(`tr[data-column="${header}"] select`)
  const tile = (key: string): Locator => page.getByTestId(`ti-count-${key}`).locator('.ti-count__value')

  async function start(state: Template<void>, people: string): Promise<void> {
    ;({ page } = await w.open(state))
    await expectText(page.getByTestId('screen-title'), 'Tableau de bord')
    await goTo(page, 'Stagiaires')
    await expectText(page.getByTestId('row-count'), people)
  }
  /** The France Travail list chosen: its preview open, nothing written. */
  async function chooseFranceTravailList(): Promise<void> {
    await page.getByTestId('trainee-import-input').setInputFiles(FRANCE_TRAVAIL)
    await preview().waitFor()
    await expectText(page.getByTestId('trainee-import-apply'), 'Importer 5 stagiaires')
  }

  it('previews the windows-1252 France Travail list with its accents and the recognised columns', async () => {
    await start(seeded, '3 stagiaires')
    await page.getByTestId('trainee-import-input').setInputFiles(FRANCE_TRAVAIL)
    await preview().waitFor()
    await expectText(page.getByTestId('trainee-import-file'), 'france-travail-positionnes.csv')
    await expectText(page.getByTestId('trainee-import-facts'), /CSV.*windows-1252.*séparateur point-virgule.*en-têtes ligne 3/)
    for (const [key, n] of Object.entries({ create: 4, merge: 1, unchanged: 1, invalid: 3, duplicate_in_file: 1 })) await expectText(tile(key), String(n))
    const rows = page.getByTestId('trainee-import-rows')
    // Accents read from windows-1252, names as the registry writes them.
    await expectText(rows.locator('tr[data-line="4"] .ti-rows__name'), 'LEFÈVRE Élodie')
    await expectText(rows.locator('tr[data-line="5"] .ti-rows__name'), 'CŒURDEVEY François')
    await expectText(rows.locator('tr[data-line="12"] .ti-rows__name'), 'MORVAN Gwenaëlle')
    await expectText(rows.locator('tr[data-line="7"] .ti-rows__messages'), /^L'identifiant France Travail ABC123 n'a pas la forme attendue/)
    await expectText(rows.locator('tr[data-line="13"] .ti-rows__messages'), "La date de naissance 31/02/1991 n'existe pas.")
    await expectText(rows.locator('tr[data-line="10"] .ti-rows__messages'), 'même identifiant France Travail (0676932W) que la ligne 4 : ligne ignorée.')
    expect(await rows.locator('tr[data-line="7"] .ti-rows__message').getAttribute('title')).toMatch(/^ligne 7 : /)
    // Columns recognised from the French headers, with sample values.
    expect(await mappingSelect('Nom de naissance').inputValue()).toBe('lastName')
    expect(await mappingSelect('N° identifiant').inputValue()).toBe('ftId')
    expect(await mappingSelect('Commune').inputValue()).toBe('city')
    // « Structure » holds agencies (France Travail Lorient…), from which the kind of prescriber is told.
    expect(await mappingSelect('Structure').inputValue()).toBe('prescriberAgency')
    expect(await mappingSelect('Structure').locator('option:checked').textContent()).toBe('Agence prescriptrice')
    expect(await mappingSelect('Date de prescription').inputValue()).toBe('')
    await expectText(page.getByTestId('trainee-import-mapping').locator('tr[data-column="Commune"] .ti-mapping__samples'), 'LorientPlœmeur')
    await expectText(page.getByTestId('trainee-import-warnings'), /Colonnes ignorées : « N° », « Date de prescription »/)
    await expectText(page.getByTestId('trainee-import-apply'), 'Importer 5 stagiaires')
    // Nothing is written by the preview.
    const list = await apiCall<Trainee[]>(page, 'trainees:list', {})
    expect(list.value).toHaveLength(3)
    await shot(page, 'issue4-import-preview')
  })

  it('runs the preview again when a column is mapped, and filters the lines by outcome', async () => {
    await start(seeded, '3 stagiaires')
    await chooseFranceTravailList()
    await mappingSelect('Date de prescription').selectOption({ label: 'Notes' })
    await expectText(page.getByTestId('trainee-import-warnings'), /Colonne ignorée : « N° »\.$/)
    const mapping = ['N°', 'N° identifiant', 'Civilité', 'Nom de naissance', 'Prénom', 'Date de naissance', 'Tél. portable', 'Courriel', 'Adresse', 'Code postal', 'Commune', 'Structure', 'Conseiller référent', 'Date de prescription']
    const values = await Promise.all(mapping.map((h) => mappingSelect(h).inputValue()))
    const expected = await apiCall<TraineeImportPreview>(page, 'traineeImport:preview', {
      fileName: 'france-travail-positionnes.csv',
      base64: base64(FRANCE_TRAVAIL),
      mapping: values.map((v) => (v === '' ? null : v))
    })
    const counts = expected.value?.counts
    if (!counts) throw new Error('no preview')
    for (const [key, n] of Object.entries(counts)) await expectText(tile(key), String(n))
    expect(values[13]).toBe('notes')

    // A field already given to a column moves to the new one.
    await mappingSelect('Conseiller référent').selectOption({ label: 'Notes' })
    await expectText(dialog().locator('.form-note--warning'), /« Notes » était choisi pour la colonne « Date de prescription » : cette colonne est maintenant ignorée\./)
    expect(await mappingSelect('Date de prescription').inputValue()).toBe('')
    await mappingSelect('Conseiller référent').selectOption({ label: 'Conseiller' })
    await mappingSelect('Date de prescription').selectOption({ label: 'Notes' })
    for (const [key, n] of Object.entries(counts)) await expectText(tile(key), String(n))

    // Known people left as they are: nothing to complete.
    await page.getByTestId('trainee-import-merge').selectOption('skip')
    await expectText(tile('merge'), '0')
    await expectText(page.getByTestId('trainee-import-apply'), 'Importer 4 stagiaires')
    await page.getByTestId('trainee-import-merge').selectOption('fill_empty')
    for (const [key, n] of Object.entries(counts)) await expectText(tile(key), String(n))

    await page.getByTestId('ti-count-invalid').click()
    await expectCount(page.getByTestId('trainee-import-rows').locator('tbody tr'), 3)
    await page.getByTestId('ti-count-invalid').click()
    await expectCount(page.getByTestId('trainee-import-rows').locator('tbody tr'), 10)
  })

  it('imports on confirmation and shows the people in the grid', async () => {
    await start(seeded, '3 stagiaires')
    await chooseFranceTravailList()
    // The prescription date kept in the notes, as the test above maps it.
    await mappingSelect('Date de prescription').selectOption({ label: 'Notes' })
    await expectText(page.getByTestId('trainee-import-warnings'), /Colonne ignorée : « N° »\.$/)
    const before = await apiCall<Trainee[]>(page, 'trainees:list', {})
    expect(before.value).toHaveLength(3)
    await page.getByTestId('trainee-import-apply').click()
    await page.getByTestId('trainee-import-done').waitFor()
    await expectText(page.getByTestId('trainee-import-done').locator('strong'), /^Import terminé : 4 stagiaires créés, \d+ fiches? complétées?/)
    await shot(page, 'issue4-import-result')
    await dialog().locator('.modal__footer').getByRole('button', { name: 'Fermer' }).click()
    await dialog().waitFor({ state: 'hidden' })
    await expectText(page.getByTestId('row-count'), '7 stagiaires')
    await page.locator('[role="gridcell"][col-id="lastName"]', { hasText: 'CŒURDEVEY' }).first().waitFor()
    await page.locator('[role="gridcell"][col-id="firstName"]', { hasText: 'Gwenaëlle' }).first().waitFor()
    const after = await apiCall<Trainee[]>(page, 'trainees:list', {})
    const lefevre = after.value?.find((t) => t.ftId === '0676932W')
    expect(lefevre).toMatchObject({ lastName: 'LEFÈVRE', firstName: 'Élodie', city: 'Lorient', notes: expect.stringContaining('02/11/2026') })
  })

  it('accepts a UTF-8 list dropped on the screen', async () => {
    await start(imported, '7 stagiaires')
    const bytes = [...readFileSync(join(FIXTURES, 'mission-locale-vannes.csv'))]
    await page.evaluate((data) => {
      const file = new File([new Uint8Array(data)], 'mission-locale-vannes.csv', { type: 'text/csv' })
      const transfer = new DataTransfer()
      transfer.items.add(file)
      const target = document.querySelector('[data-testid="trainees-page"]')
      if (!target) throw new Error('no page')
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }))
    }, bytes)
    await preview().waitFor()
    await expectText(page.getByTestId('trainee-import-facts'), /CSV.*UTF-8.*séparateur virgule.*en-têtes ligne 1/)
    await expectText(page.getByTestId('trainee-import-rows').locator('tr[data-line="2"] .ti-rows__name'), 'NICOLAS Hélène')
    await dialog().locator('.modal__footer').getByRole('button', { name: 'Annuler' }).click()
    await dialog().waitFor({ state: 'hidden' })
    await expectText(page.getByTestId('row-count'), '7 stagiaires')
  })

  it('refuses a file that is not a list', async () => {
    await start(seeded, '3 stagiaires')
    await page.getByTestId('trainee-import-input').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([1, 2, 3]) })
    await expectText(page.getByTestId('toast-error'), /« photo\.png » n’est pas une liste lisible : choisissez un fichier CSV \(\.csv\) ou Excel \(\.xlsx\)\./)
  })
})
