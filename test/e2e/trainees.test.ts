import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { e2eWorld, type Template } from '../helpers/e2eWorld'
import { apiCall, labelled, cell, expectCount, expectText, rowIdOf, shot } from './support'

// Each test opens its own host and page (test/helpers/e2eWorld.ts), which also fail the test on any browser error.
describe('trainees registry', () => {
  const w = e2eWorld()
  const clerk = w.template('clerk', () => undefined)
  /** Élodie Lefèvre as « creates a trainee through the form » saves her. */
  const lefevre = w.template('Lefèvre', async ({ call }) => {
    const t = await call<{ id: number }>('trainees:create', {
      civility: 'Mme',
      lastName: 'Lefèvre',
      firstName: 'Élodie',
      birthDate: '1990-03-05',
      ftId: '0676932w',
      phone: '0612345678',
      email: 'elodie.lefevre@exemple.fr',
      postalCode: '69003',
      city: 'Lyon',
      prescriber: 'france_travail',
      prescriberAgency: 'France Travail Lyon Part-Dieu',
      adviserName: 'Mme Benali',
      adviserEmail: 'n.benali@francetravail.example',
      notes: 'Souhaite une entrée en janvier.'
    })
    return { id: t.id }
  })
  /** Her city and birth date then edited in the grid (« edits a cell in place and persists it »). */
  const edited = w.template(
    'Lefèvre edited',
    async ({ call }, p: { id: number }) => {
      await call('trainees:update', { id: p.id, changes: { city: 'Villeurbanne', birthDate: '1990-03-06' } })
      return p
    },
    { from: lefevre }
  )
  /** Paul Durand created beside her (« finds "lefevre" without the accent »). */
  const withDurand = w.template(
    'with Durand',
    async ({ call }, p: { id: number }) => {
      await call('trainees:create', { lastName: 'Durand', firstName: 'Paul' })
      return p
    },
    { from: edited }
  )
  let page: Page
  let rowId = ''

  const dialog = (): ReturnType<Page['getByTestId']> => page.getByTestId('trainee-dialog')
  const field = (label: string) => labelled(dialog(), label)

  async function start(state: Template<{ id: number }> | Template<undefined>): Promise<void> {
    const opened = await w.open<{ id: number } | undefined>(state, { hash: '#/stagiaires' })
    page = opened.page
    rowId = opened.data ? String(opened.data.id) : ''
    await expectText(page.getByTestId('screen-title'), 'Stagiaires')
  }

  it('creates a trainee through the form', async () => {
    await start(clerk)
    await expectText(page.getByTestId('row-count'), '0 stagiaire')
    await page.getByRole('button', { name: 'Nouveau stagiaire' }).click()
    await dialog().getByRole('heading', { name: 'Nouveau stagiaire' }).waitFor()
    await field('Civilité').selectOption('Mme')
    await field('Nom').fill('Lefèvre')
    await field('Prénom').fill('Élodie')
    await field('Date de naissance').fill('05/03/1990')
    await field('Identifiant France Travail').fill('0676932w')
    await field('Téléphone').fill('0612345678')
    await field('E-mail').fill('elodie.lefevre@exemple.fr')
    await field('Code postal').fill('69003')
    await field('Ville').fill('Lyon')
    await field('Prescripteur').selectOption({ label: 'France Travail' })
    expect(await field('Agence').getAttribute('placeholder')).toBe('ex. France Travail Lorient')
    await field('Agence').fill('France Travail Lyon Part-Dieu')
    await field('Conseiller').fill('Mme Benali')
    // A wrong adviser's e-mail is named as such on leaving the field, and cleared once right.
    await field('E-mail du conseiller').fill('n.benali@francetravail')
    await field('Notes').fill('Souhaite une entrée en janvier.')
    await expectText(dialog().locator('.field--error .field__message'), 'Adresse e-mail du conseiller invalide : « n.benali@francetravail ». Exemple : prenom.nom@exemple.fr')
    await shot(page, 'trainee-form-adviser-email')
    await field('E-mail du conseiller').fill('n.benali@francetravail.example')
    await expectCount(dialog().locator('.field--error'), 0)
    await field('Code postal').focus()
    await expectText(dialog().locator('.field__message--ok'), 'Identifiant au bon format.')
    await shot(page, 'trainee-form')
    await dialog().getByRole('button', { name: 'Créer le stagiaire' }).click()
    await dialog().waitFor({ state: 'hidden' })

    rowId = await rowIdOf(page, 'lastName', 'LEFÈVRE')
    await expectText(cell(page, rowId, 'firstName'), 'Élodie')
    await expectText(cell(page, rowId, 'ftId'), '0676932W')
    await expectText(cell(page, rowId, 'birthDate'), '05/03/1990')
    await expectText(cell(page, rowId, 'prescriber'), 'France Travail')
    await expectText(cell(page, rowId, 'prescriberAgency'), 'France Travail Lyon Part-Dieu')
    await cell(page, rowId, 'prescriberAgency').scrollIntoViewIfNeeded()
    await shot(page, 'trainees-agency-column', { keepScroll: true })
    await expectText(cell(page, rowId, 'phone'), '06 12 34 56 78')
    await expectText(page.getByTestId('row-count'), '1 stagiaire')
  })

  it('keeps it after a reload and after restarting the host', async () => {
    await start(lefevre)
    await page.reload()
    await expectText(cell(page, rowId, 'lastName'), 'LEFÈVRE')

    ;({ page } = await w.restart({ hash: '#/stagiaires' }))
    await expectText(page.getByTestId('screen-title'), 'Stagiaires')
    await expectText(cell(page, rowId, 'lastName'), 'LEFÈVRE')
    await expectText(cell(page, rowId, 'firstName'), 'Élodie')
    await expectText(cell(page, rowId, 'prescriberAgency'), 'France Travail Lyon Part-Dieu')
    // The form shows the agency and the adviser's e-mail as saved.
    await cell(page, rowId, 'lastName').click()
    await page.getByRole('button', { name: 'Modifier' }).click()
    await dialog().getByRole('heading', { name: 'Modifier LEFÈVRE Élodie' }).waitFor()
    expect(await field('Agence').inputValue()).toBe('France Travail Lyon Part-Dieu')
    expect(await field('Conseiller').inputValue()).toBe('Mme Benali')
    expect(await field('E-mail du conseiller').inputValue()).toBe('n.benali@francetravail.example')
    await dialog().getByRole('button', { name: 'Annuler' }).click()
    await dialog().waitFor({ state: 'hidden' })
    const stored = await apiCall<{ prescriberAgency: string; adviserName: string; adviserEmail: string }>(page, 'trainees:get', { id: Number(rowId) })
    expect(stored.value).toMatchObject({ prescriberAgency: 'France Travail Lyon Part-Dieu', adviserName: 'Mme Benali', adviserEmail: 'n.benali@francetravail.example' })
  }, 120_000) // two host starts

  it('edits a cell in place and persists it', async () => {
    await start(lefevre)
    await cell(page, rowId, 'city').dblclick()
    const editor = cell(page, rowId, 'city').locator('input')
    await editor.fill('Villeurbanne')
    await editor.press('Enter')
    await expectText(cell(page, rowId, 'city'), 'Villeurbanne')
    // Dates are typed the French way in the cell too.
    await cell(page, rowId, 'birthDate').dblclick()
    const dateEditor = cell(page, rowId, 'birthDate').locator('input')
    expect(await dateEditor.inputValue()).toBe('05/03/1990')
    await dateEditor.fill('06/03/1990')
    await dateEditor.press('Enter')
    await expectText(cell(page, rowId, 'birthDate'), '06/03/1990')

    await page.reload()
    await expectText(cell(page, rowId, 'city'), 'Villeurbanne')
    await expectText(cell(page, rowId, 'birthDate'), '06/03/1990')
    const stored = await apiCall<{ city: string; birthDate: string }>(page, 'trainees:get', { id: Number(rowId) })
    expect(stored.value).toMatchObject({ city: 'Villeurbanne', birthDate: '1990-03-06' })
  })

  it('refuses a bad cell value with a French message and keeps the old one', async () => {
    await start(lefevre)
    await cell(page, rowId, 'ftId').dblclick()
    const editor = cell(page, rowId, 'ftId').locator('input')
    await editor.fill('12AB')
    await editor.press('Enter')
    await expectText(page.getByTestId('toast-error'), /L'identifiant France Travail 12AB n'a pas la forme attendue/)
    await expectText(cell(page, rowId, 'ftId'), '0676932W')
    // The server's own refusal (a required name emptied) is shown too.
    await cell(page, rowId, 'firstName').dblclick()
    const first = cell(page, rowId, 'firstName').locator('input')
    await first.fill('')
    await first.press('Enter')
    await expectText(page.getByTestId('toast-error').last(), /Le prénom est obligatoire/)
    await expectText(cell(page, rowId, 'firstName'), 'Élodie')
  })

  it('shows the French message for an invalid France Travail id in the form and saves nothing', async () => {
    await start(lefevre)
    await page.getByRole('button', { name: 'Nouveau stagiaire' }).click()
    await field('Nom').fill('Martin')
    await field('Prénom').fill('Paul')
    await field('Identifiant France Travail').fill('12AB')
    await dialog().getByRole('button', { name: 'Créer le stagiaire' }).click()
    await expectText(dialog().locator('.field--error .field__message'), /L'identifiant France Travail 12AB n'a pas la forme attendue/)
    await expectText(dialog().getByTestId('form-error'), 'Corrigez les champs signalés : rien n’a été enregistré.')
    // The focus goes to the faulty field.
    expect(await field('Identifiant France Travail').evaluate((el) => el === document.activeElement)).toBe(true)
    await dialog().getByRole('button', { name: 'Annuler' }).click()
    await page.reload()
    await expectText(page.getByTestId('row-count'), '1 stagiaire')
    const list = await apiCall<unknown[]>(page, 'trainees:list', {})
    expect(list.value).toHaveLength(1)
  })

  it('shows the server refusal beside the field (duplicate France Travail id)', async () => {
    await start(lefevre)
    await page.keyboard.press('Alt+N')
    await field('Nom').fill('Doublon')
    await field('Prénom').fill('Jean')
    await field('Identifiant France Travail').fill('0676932W')
    await dialog().getByRole('button', { name: 'Créer le stagiaire' }).click()
    await expectText(dialog().locator('.field--error .field__message'), /déjà celui de LEFÈVRE Élodie/)
    await dialog().getByRole('button', { name: 'Annuler' }).click()
  })

  it('finds "lefevre" without the accent (server search)', async () => {
    await start(edited)
    await page.getByRole('button', { name: 'Nouveau stagiaire' }).click()
    await field('Nom').fill('Durand')
    await field('Prénom').fill('Paul')
    await dialog().getByRole('button', { name: 'Créer le stagiaire' }).click()
    await dialog().waitFor({ state: 'hidden' })
    await expectText(page.getByTestId('row-count'), '2 stagiaires')

    const search = page.getByRole('searchbox', { name: 'Rechercher un stagiaire' })
    await page.keyboard.press('Control+f')
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true)
    await search.fill('lefevre')
    await expectText(page.getByTestId('row-count'), '1 stagiaire')
    await expectCount(page.locator('[role="gridcell"][col-id="lastName"]'), 1)
    await expectText(page.locator('[role="gridcell"][col-id="lastName"]'), 'LEFÈVRE')
    await search.fill('elodie villeurbanne')
    await expectText(page.getByTestId('row-count'), '1 stagiaire')
    await search.fill('zzz')
    await expectText(page.getByTestId('row-count'), '0 stagiaire')
    await page.getByText('Aucun stagiaire ne correspond à « zzz »').waitFor()
    await search.fill('')
    await expectText(page.getByTestId('row-count'), '2 stagiaires')
  })

  it('filters a date column with a French date', async () => {
    await start(withDurand)
    await page.locator('.ag-header-cell[col-id="birthDate"] .ag-header-cell-filter-button').click()
    const input = page.locator('.ag-filter .grid-date-input input').first()
    expect(await input.getAttribute('placeholder')).toBe('jj/mm/aaaa')
    await input.fill('06/03/1990')
    await expectText(page.getByTestId('row-count'), '1 affiché sur 2 stagiaires')
    await shot(page, 'trainees-date-filter', { keepScroll: true })
    await input.fill('')
    await page.keyboard.press('Escape')
    await expectText(page.getByTestId('row-count'), '2 stagiaires')
    // Rows filtered back in fade in: wait until the leaving copies are gone.
    await expectCount(page.locator('[role="row"][row-id]'), 2)
  })

  it('exports the grid to a French CSV', async () => {
    await start(withDurand)
    await page.getByTestId('grid-export').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Exporter tout le tableau (CSV)' }).click()])
    expect(download.suggestedFilename()).toMatch(/^stagiaires-\d{4}-\d{2}-\d{2}\.csv$/)
    const bytes = readFileSync(await download.path())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    const [header, ...lines] = text.split(/\r?\n/)
    expect(header).toContain('"Nom";"Prénom";"Civilité";"Identifiant France Travail";"Date de naissance"')
    const lefevre = lines.find((l) => l.includes('LEFÈVRE'))
    expect(lefevre).toContain('"06/03/1990"')
    expect(lefevre).toContain('"France Travail"')
    expect(lefevre).toContain('"Mme"')
  })

  it('deletes after confirmation', async () => {
    await start(withDurand)
    const durand = await rowIdOf(page, 'lastName', 'DURAND')
    await cell(page, durand, 'firstName').click()
    await page.getByRole('button', { name: 'Supprimer' }).click()
    const confirm = page.getByTestId('confirm-dialog')
    await confirm.getByText(/La fiche de DURAND Paul sera supprimée/).waitFor()
    await confirm.getByRole('button', { name: 'Supprimer définitivement' }).click()
    await expectText(page.getByTestId('row-count'), '1 stagiaire')
    await page.reload()
    await expectText(page.getByTestId('row-count'), '1 stagiaire')
    expect(await page.locator('[role="gridcell"][col-id="lastName"]', { hasText: 'DURAND' }).count()).toBe(0)
  })

  it('edits the selected trainee in the same form', async () => {
    await start(edited)
    await cell(page, rowId, 'lastName').click()
    await page.getByRole('button', { name: 'Modifier' }).click()
    await dialog().getByRole('heading', { name: 'Modifier LEFÈVRE Élodie' }).waitFor()
    expect(await field('Date de naissance').inputValue()).toBe('06/03/1990')
    await field('Conseiller').fill('M. Garnier')
    await dialog().getByRole('button', { name: 'Enregistrer' }).click()
    await dialog().waitFor({ state: 'hidden' })
    await expectText(cell(page, rowId, 'adviserName'), 'M. Garnier')
  })
})
