import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { selectClerk } from '../../electron/main/services/clerks/clerkService'
import type { RunningHost } from '../helpers/browserHost'
import { e2eWorld, type Template } from '../helpers/e2eWorld'
import { documentsWorld } from '../services/documentsWorld'
import { apiCall, labelled, expectText, goTo, rowIdOf, shot, tinyPng } from './support'

// Each test opens its own host and page (test/helpers/e2eWorld.ts), which also fail the test on any browser error.
describe('settings: organisation', () => {
  const w = e2eWorld()
  const clerk = w.template('clerk', () => undefined)
  /** The whole identity saved, as « saves a valid SIRET and the whole identity » leaves it. */
  const saved = w.template('organisation', async ({ call }) => {
    await call('organisation:update', {
      raisonSociale: 'Avenir Formation',
      legalForm: 'Association loi 1901',
      siret: '73282932000074',
      nda: '11755555575',
      addressLine1: '12 rue des Lilas',
      postalCode: '75011',
      city: 'Paris',
      phone: '01 23 45 67 89',
      email: 'contact@avenir-formation.fr',
      qualiopiNumber: 'QUA-2024-118',
      qualiopiValidUntil: '2030-12-31',
      signatoryName: 'Hélène Dupré',
      signatoryTitle: 'Directrice'
    })
  })
  let host: RunningHost
  let page: Page

  const form = () => page.getByTestId('organisation-form')
  const field = (label: string) => labelled(form(), label)
  const save = () => form().getByRole('button', { name: 'Enregistrer' }).click()

  async function reloadSettings(): Promise<void> {
    await page.reload()
    await expectText(page.getByTestId('screen-title'), 'Paramètres')
    await form().waitFor()
  }

  async function openSettings(state: Template<unknown> = clerk): Promise<void> {
    ;({ page, host } = await w.open(state))
    await expectText(page.getByTestId('screen-title'), 'Tableau de bord')
    await goTo(page, 'Paramètres')
    await form().waitFor()
  }

  it('refuses an invalid SIRET with a French message and saves nothing', async () => {
    await openSettings()
    await field('Raison sociale').fill('Avenir Formation')
    await field('SIRET').fill('73282932000075')
    await expectText(form().locator('.field--error .field__message'), "Le SIRET 732 829 320 00075 n'est pas valide (clé de contrôle incorrecte).")
    await save()
    await expectText(form().getByTestId('form-error'), 'Corrigez les champs signalés : rien n’a été enregistré.')
    await reloadSettings()
    expect(await field('Raison sociale').inputValue()).toBe('')
    expect(await field('SIRET').inputValue()).toBe('')
  })

  it('saves a valid SIRET and the whole identity', async () => {
    await openSettings()
    await field('Raison sociale').fill('Avenir Formation')
    await field('Forme juridique').selectOption('Association loi 1901')
    await field('SIRET').fill('73282932000074')
    await expectText(form().locator('.field--ok .field__message'), 'SIRET valide')
    await field('Numéro de déclaration d’activité (NDA)').fill('11755555575')
    await field('Adresse').fill('12 rue des Lilas')
    await field('Code postal').fill('75011')
    await field('Ville').fill('Paris')
    await field('Téléphone').fill('01 23 45 67 89')
    await field('E-mail').fill('contact@avenir-formation.fr')
    await field('N° de certificat').fill('QUA-2024-118')
    await field('Valide jusqu’au').fill('31/12/2030')
    await field('Nom du signataire').fill('Hélène Dupré')
    await field('Qualité').fill('Directrice')
    await expectText(form().getByTestId('form-state'), 'Modifications non enregistrées')
    await save()
    await expectText(page.getByTestId('toast-success'), /Fiche de l’organisme enregistrée/)
    await expectText(form().getByTestId('form-state'), 'Tout est enregistré')
    // The top bar now names the organisation.
    await page.locator('.topbar__org', { hasText: 'Avenir Formation' }).waitFor()

    await reloadSettings()
    expect(await field('SIRET').inputValue()).toBe('732 829 320 00074')
    expect(await field('Valide jusqu’au').inputValue()).toBe('31/12/2030')
    expect(await field('Forme juridique').inputValue()).toBe('Association loi 1901')
    expect(await field('Nom du signataire').inputValue()).toBe('Hélène Dupré')
  })

  it('keeps the old values when a later save has an invalid SIRET', async () => {
    await openSettings(saved)
    await field('Raison sociale').fill('Autre nom')
    await field('SIRET').fill('73282932000075')
    await save()
    await expectText(form().getByTestId('form-error'), /rien n’a été enregistré/)
    await reloadSettings()
    expect(await field('Raison sociale').inputValue()).toBe('Avenir Formation')
    expect(await field('SIRET').inputValue()).toBe('732 829 320 00074')
  })

  it('is refused by the server too (not only by the form)', async () => {
    await openSettings()
    const r = await apiCall(page, 'organisation:update', { raisonSociale: 'X', siret: '73282932000075' })
    expect(r.ok).toBe(false)
    expect(r.error?.issues?.[0]).toEqual({ path: 'siret', message: "Le SIRET 732 829 320 00075 n'est pas valide (clé de contrôle incorrecte)." })
  })

  it('warns when the Qualiopi certificate has expired', async () => {
    await openSettings(saved)
    await field('Valide jusqu’au').fill('01/01/2020')
    await expectText(form().locator('.field--warning .field__message'), /Certificat Qualiopi expiré depuis le 01\/01\/2020/)
    await form().getByRole('button', { name: 'Annuler les modifications' }).click()
    expect(await field('Valide jusqu’au').inputValue()).toBe('31/12/2030')
  })

  it('uploads a logo, shows it, and removes it', async () => {
    await openSettings()
    await page.getByTestId('logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: tinyPng(48, 24) })
    const preview = page.getByTestId('logo-preview')
    await preview.waitFor()
    expect(await preview.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/)
    expect(await preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(48)
    await shot(page, 'settings')

    await reloadSettings()
    await preview.waitFor()

    // A file that is not an image is refused before anything is sent.
    await page.getByTestId('logo-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('bonjour') })
    await expectText(page.locator('.logo-card [role="alert"]'), 'Le logo doit être une image PNG ou JPEG.')

    await page.getByRole('button', { name: 'Retirer' }).click()
    await page.locator('.logo-card__preview', { hasText: 'Aucun logo' }).waitFor()
  })

  it('shows the application and database facts', async () => {
    await openSettings()
    const about = page.getByTestId('about-card')
    await about.getByText('À propos / Base de données').waitFor()
    await about.getByText(host.dbPath).waitFor()
    await about.getByText('Navigateur (serveur local)').waitFor()
    // The application's log, beside the database (electron/main/log/logDir.ts).
    await about.getByText(join(host.dbPath, '..', 'logs')).waitFor()
    await about.scrollIntoViewIfNeeded()
    await shot(page, 'settings-about', { keepScroll: true })
  })
})

/**
 * The documents folder with a real backend and a session with one enrolled trainee: the default
 * folder shown as such, refusals (relative path, a file) that save nothing, a chosen folder, a
 * certificate generated through the UI landing there, then « Rétablir le dossier par défaut ».
 */
describe('settings: documents folder', () => {
  const w = e2eWorld()
  const world = w.template('session with one enrolled trainee', ({ ctx, db }) => {
    const d = documentsWorld(ctx)
    d.enrol(d.sessionId, d.person('Dupont', 'Marie', '0676932W'), 'inscrit')
    // A certificate names its funding: checked before it is generated.
    db.prepare("UPDATE enrolment SET funding = 'region'").run()
    selectClerk(db, ctx.clock, 'Claire Martin')
    return { sessionId: d.sessionId }
  })
  let page: Page
  let dir = ''
  let sessionId = 0

  const card = () => page.getByTestId('documents-folder-card')
  const input = () => labelled(card(), 'Nouveau dossier')
  const current = () => card().getByTestId('documents-folder-current')

  async function openSettings(): Promise<void> {
    await page.evaluate(() => (window.location.hash = '#/'))
    await goTo(page, 'Paramètres')
    await current().waitFor()
  }

  async function start(): Promise<void> {
    const opened = await w.open(world)
    page = opened.page
    dir = opened.host.dir
    sessionId = opened.data.sessionId
    await page.getByTestId('screen-title').waitFor()
    await openSettings()
  }

  it('shows the default folder beside the database, as the default', async () => {
    await start()
    await expectText(current(), join(dir, 'Documents générés'))
    await card().getByTestId('documents-folder-default').waitFor()
    expect(await input().inputValue()).toBe(join(dir, 'Documents générés'))
    expect(await card().getByTestId('documents-folder-reset').isDisabled()).toBe(true)
    expect(await card().getByTestId('documents-folder-save').isDisabled()).toBe(true)
  })

  it('refuses a relative path and a file, in French, and saves nothing', async () => {
    await start()
    await input().fill('Documents')
    await card().getByTestId('documents-folder-save').click()
    await expectText(card().locator('.field--error .field__message'), /^Indiquez le chemin complet du dossier, depuis la racine/)

    const file = join(dir, 'notes.txt')
    writeFileSync(file, 'bonjour')
    await input().fill(file)
    await card().getByTestId('documents-folder-save').click()
    await expectText(card().locator('.field--error .field__message'), `« ${file} » est un fichier, pas un dossier. Rien n’a été enregistré.`)
    await shot(page, 'settings-documents-folder-refused')

    const r = await apiCall(page, 'documents:setFolder', { path: 'relatif/dossier' })
    expect(r.ok).toBe(false)
    expect(r.error?.issues?.[0]?.path).toBe('path')

    await openSettings()
    await expectText(current(), join(dir, 'Documents générés'))
    await card().getByTestId('documents-folder-default').waitFor()
  })

  it('saves a chosen folder (created), and a certificate generated afterwards lands there', async () => {
    await start()
    const chosen = join(dir, 'Partage', 'PDF formation')
    await input().fill(chosen)
    await card().getByTestId('documents-folder-save').click()
    await expectText(page.getByTestId('toast-success'), /Dossier des documents enregistré/)
    await expectText(current(), chosen)
    expect(await card().getByTestId('documents-folder-default').count()).toBe(0)
    expect(existsSync(chosen)).toBe(true)
    await shot(page, 'settings-documents-folder')

    await page.evaluate((id) => (window.location.hash = `#/inscriptions?sessionId=${id}`), sessionId)
    await expectText(page.getByTestId('screen-title'), 'Inscriptions')
    const id = await rowIdOf(page, 'person', 'DUPONT')
    await page.getByTestId('enrolments-grid').locator(`[role="row"][row-id="${id}"] .ag-selection-checkbox input`).filter({ visible: true }).check()
    await page.getByTestId('bulk-documents').click()
    const dialog = page.locator('dialog[open][data-testid="generate-dialog"]')
    await dialog.waitFor()
    await page.getByTestId('generate-start').click()
    await page.getByTestId('generate-result').waitFor()
    const line = page.getByTestId('generate-file').locator('.doc-line__name')
    await expectText(line, /Certificat d'inscription - DUPONT Marie\.pdf$/)
    const path = (await line.getAttribute('title')) ?? ''
    expect(path.startsWith(chosen + sep)).toBe(true)
    expect(path).toMatch(/[/]\d{4}-\d{2}[/]\d{4}-\d{2} Certificat d'inscription - DUPONT Marie\.pdf$/)
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-')
    expect(existsSync(join(dir, 'Documents générés'))).toBe(false)
    await dialog.getByRole('button', { name: 'Fermer' }).first().click()
  })

  it('« Rétablir le dossier par défaut » goes back to the folder beside the database', async () => {
    await start()
    // A folder chosen earlier (as the test above does through the screen).
    const chosen = await apiCall(page, 'documents:setFolder', { path: join(dir, 'Partage', 'PDF formation') })
    expect(chosen.ok, JSON.stringify(chosen.error)).toBe(true)
    await openSettings()
    await expectText(current(), join(dir, 'Partage', 'PDF formation'))
    await card().getByTestId('documents-folder-reset').click()
    await expectText(page.getByTestId('toast-success'), /Dossier par défaut rétabli/)
    await expectText(current(), join(dir, 'Documents générés'))
    await card().getByTestId('documents-folder-default').waitFor()
    const r = await apiCall<{ isDefault: boolean }>(page, 'documents:folder', {})
    expect(r.value?.isDefault).toBe(true)
  })
})
