import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { addDays, formatDateFr } from '@shared/domain/dates'
import { importLheoFile } from '../../electron/main/services/lheo/importCatalogue'
import { E2E_TODAY, type RunningHost } from '../helpers/browserHost'
import { e2eWorld, type Template } from '../helpers/e2eWorld'
import { apiCall, cell, expectCount, expectText, labelled, rowIdOf, shot } from './support'
import { LHEO_SAMPLES } from '../helpers/reference'

const CENTRE = resolve(LHEO_SAMPLES, 'intercarif_centre-val-de-loire_07_10.xml')

/** Drops a file on an element the way the browser does (dragenter, dragover, drop with a DataTransfer). */
async function dropFile(page: Page, target: Locator, path: string, name: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64')
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const dt = new DataTransfer()
      dt.items.add(new File([bytes], name, { type: 'text/xml' }))
      return dt
    },
    { base64, name }
  )
  await target.dispatchEvent('dragenter', { dataTransfer })
  await target.dispatchEvent('dragover', { dataTransfer })
  await target.dispatchEvent('drop', { dataTransfer })
}

/**
 * Formations & sessions: a training and a session created by hand through the forms, inline
 * edits of the recruitment state and capacity, the session page, and the LHEO import by drag and
 * drop, including a later file where a session is missing (flagged, never deleted).
 */
// Each test opens its own host and page (test/helpers/e2eWorld.ts), which also fail the test on any browser error;
// later tests start from the state the earlier ones leave, built through the contract.
describe('formations & sessions', () => {
  const w = e2eWorld()
  let host: RunningHost
  let page: Page
  let trainingRowId = ''
  let sessionRowId = ''
  const start = addDays(E2E_TODAY, 45)
  const end = addDays(E2E_TODAY, 200)

  const dialog = (id: string): Locator => page.getByTestId(id)

  type World = { sessionId: number }
  const clerk = w.template('clerk', (): World => ({ sessionId: 0 }))
  /** The training « creates a training by hand » saves. */
  const training = w.template('training', async ({ call }): Promise<World> => {
    await call('trainings:create', {
      title: 'Titre professionnel Agent de restauration',
      intercarifFormationId: '24_9912001',
      formacode: '42752',
      objectiveCode: 6,
      certificationKind: 'RNCP',
      certificationCode: '37274',
      certificationLevel: 3,
      totalHours: 399.5,
      objectives: 'Préparer et servir des repas en restauration collective.'
    })
    return { sessionId: 0 }
  })
  /** Its session at Blois with a weekly planning (« creates a session by hand … »). */
  const session = w.template(
    'session',
    async ({ call }): Promise<World> => {
      const [t] = await call<{ id: number }[]>('trainings:list', {})
      const created = await call<{ id: number }>('sessions:create', {
        trainingId: t?.id,
        label: 'Agent de restauration — Blois',
        intercarifSessionId: '998877',
        startDate: start,
        endDate: end,
        placeName: 'Lycée hôtelier de Blois',
        placeCity: 'Blois',
        capacity: 12,
        hoursCentre: 350,
        hoursCompany: 49.5,
        weeklyHours: [7, 7, 7, 7, 3.5, 0, 0]
      })
      return { sessionId: created.id }
    },
    { from: training }
  )
  /** Recruitment suspended and 14 places (« changes the recruitment state and the capacity in the grid »). */
  const edited = w.template(
    'session suspended, 14 places',
    async ({ call }, p: World): Promise<World> => {
      await call('sessions:update', { id: p.sessionId, changes: { recruitmentState: 'suspended', capacity: 14 } })
      return p
    },
    { from: session }
  )
  /** Recruitment open again from the session page (« opens the session page with Enter … »). */
  const reopened = w.template(
    'session reopened',
    async ({ call }, p: World): Promise<World> => {
      await call('sessions:update', { id: p.sessionId, changes: { recruitmentState: 'open' } })
      return p
    },
    { from: edited }
  )
  /** The Centre-Val de Loire offer imported beside it (« imports an LHEO file dropped anywhere on the screen »). */
  const imported = w.template(
    'Centre-Val de Loire imported',
    async ({ ctx }, p: World): Promise<World> => {
      await importLheoFile(ctx, CENTRE)
      return p
    },
    { from: reopened }
  )

  /** Two people enrolled (« inscrit ») in the Blois session, their planned dates the session's. */
  const enrolled = w.template(
    'session with two enrolments',
    async ({ call }, p: World): Promise<World> => {
      for (const [lastName, firstName] of [
        ['Abel', 'Anne'],
        ['Martin', 'Paul']
      ]) {
        const person = await call<{ id: number }>('trainees:create', { lastName, firstName })
        await call('enrolments:create', { sessionId: p.sessionId, traineeId: person.id, status: 'inscrit' })
      }
      return p
    },
    { from: session }
  )

  async function open(state: Template<World>, tab: 'formations' | 'sessions' = 'formations'): Promise<void> {
    const opened = await w.open(state, { hash: '#/formations' })
    page = opened.page
    host = opened.host
    sessionRowId = String(opened.data.sessionId)
    await expectText(page.getByTestId('screen-title'), 'Formations & sessions')
    if (tab === 'sessions') {
      await page.getByTestId('tab-sessions').click()
      await cell(page, sessionRowId, 'trainingTitle').waitFor()
    }
  }

  it('creates a training by hand, with French messages for what is wrong', async () => {
    await open(clerk)
    await page.getByRole('button', { name: 'Nouvelle formation' }).click()
    const d = dialog('training-dialog')
    await d.getByRole('button', { name: 'Créer la formation' }).click()
    await expectText(d.locator('.field--error .field__message').first(), 'L’intitulé est obligatoire.')
    await labelled(d, 'Intitulé').fill('Titre professionnel Agent de restauration')
    await labelled(d, 'N° de formation InterCarif').fill('24_9912001')
    await labelled(d, 'Formacode principal').fill('123')
    await labelled(d, 'Objectif général').selectOption('6')
    await labelled(d, 'Répertoire').selectOption('RNCP')
    await labelled(d, 'Code').fill('37274')
    await labelled(d, 'Niveau').selectOption('3')
    await labelled(d, 'Durée totale (heures)').fill('399,5')
    await d.getByRole('button', { name: 'Créer la formation' }).click()
    await expectText(d.locator('.field--error .field__message'), 'Le formacode comporte 5 chiffres (ex. 22403).')
    await labelled(d, 'Formacode principal').fill('42752')
    await labelled(d, 'Objectifs').fill('Préparer et servir des repas en restauration collective.')
    await shot(page, 'issue3-training-form')
    await d.getByRole('button', { name: 'Créer la formation' }).click()
    await d.waitFor({ state: 'hidden' })
    trainingRowId = await rowIdOf(page, 'title', 'Agent de restauration')
    await expectText(cell(page, trainingRowId, 'certification'), 'RNCP 37274 · niv. 3')
    await expectText(cell(page, trainingRowId, 'totalHours'), '399,5')
    await expectText(cell(page, trainingRowId, 'source'), 'Locale')
  })

  it('creates a session by hand with French dates and a weekly planning', async () => {
    await open(training)
    await page.getByTestId('tab-sessions').click()
    await page.getByRole('button', { name: 'Nouvelle session' }).click()
    const d = dialog('session-dialog')
    await labelled(d, 'Formation').selectOption({ label: 'Titre professionnel Agent de restauration (24_9912001)' })
    await labelled(d, 'Libellé').fill('Agent de restauration — Blois')
    await labelled(d, 'N° de session CARIF').fill('998877')
    await labelled(d, 'Date de début').fill(formatDateFr(end))
    await labelled(d, 'Date de fin').fill(formatDateFr(start))
    await labelled(d, 'Lieu').fill('Lycée hôtelier de Blois')
    await labelled(d, 'Ville').fill('Blois')
    await labelled(d, 'Capacité').fill('12')
    await labelled(d, 'Heures en centre').fill('350')
    await labelled(d, 'Heures en entreprise').fill('49,5')
    for (const day of ['lundi', 'mardi', 'mercredi', 'jeudi']) await d.getByLabel(`Heures le ${day}`).fill('7')
    await d.getByLabel('Heures le vendredi').fill('3h30')
    await d.getByRole('button', { name: 'Créer la session' }).click()
    await expectText(d.locator('.field--error .field__message'), 'La date de fin précède la date de début.')
    await labelled(d, 'Date de début').fill(formatDateFr(start))
    await labelled(d, 'Date de fin').fill(formatDateFr(end))
    await shot(page, 'issue3-session-form')
    await d.getByRole('button', { name: 'Créer la session' }).click()
    await d.waitFor({ state: 'hidden' })
    sessionRowId = await rowIdOf(page, 'intercarifSessionId', '998877')
    await expectText(cell(page, sessionRowId, 'startDate'), formatDateFr(start))
    await expectText(cell(page, sessionRowId, 'placesTaken'), '0 / 12')
    await expectText(cell(page, sessionRowId, 'recruitmentState'), 'Ouvert')
    // The city is not repeated when the place already names it.
    await expectText(cell(page, sessionRowId, 'place'), 'Lycée hôtelier de Blois')
    // Open recruitment without any slot: flagged in the alerts column.
    await expectText(cell(page, sessionRowId, 'alerts'), /1.*recrutement ouvert sans créneau à venir/)
  })

  it('changes the recruitment state and the capacity in the grid', async () => {
    await open(session, 'sessions')
    await cell(page, sessionRowId, 'recruitmentState').dblclick()
    await cell(page, sessionRowId, 'recruitmentState').locator('.ag-picker-field-wrapper').click()
    await page.locator('.ag-select-list-item', { hasText: 'Suspendu' }).click()
    await expectText(cell(page, sessionRowId, 'recruitmentState'), 'Suspendu')
    await expectText(cell(page, sessionRowId, 'alerts'), '')
    await cell(page, sessionRowId, 'capacity').dblclick()
    await cell(page, sessionRowId, 'capacity').locator('input').fill('14')
    await cell(page, sessionRowId, 'capacity').locator('input').press('Enter')
    await expectText(cell(page, sessionRowId, 'placesTaken'), '0 / 14')
    const stored = await apiCall<{ recruitmentState: string; capacity: number }>(page, 'sessions:get', { id: Number(sessionRowId) })
    expect(stored.value).toMatchObject({ recruitmentState: 'suspended', capacity: 14 })
    await shot(page, 'issue3-sessions-grid-local')
  })

  it('opens the session page with Enter: summary, planning and the tabs to come', async () => {
    await open(edited, 'sessions')
    await cell(page, sessionRowId, 'trainingTitle').click()
    await page.keyboard.press('Enter')
    await expectText(page.getByTestId('session-title'), 'Agent de restauration — Blois')
    await expectText(page.getByTestId('screen-title'), 'Formations & sessions')
    const week = page.getByTestId('weekly-hours')
    expect(await week.locator('td').allTextContents()).toEqual(['7 h', '7 h', '7 h', '7 h', '3,5 h', '—', '—', '31,5 h'])
    await expectText(page.getByTestId('places-taken'), /0 \/ 14/)
    await expectText(page.getByTestId('session-state').locator('option:checked'), 'Suspendu')
    await shot(page, 'issue3-session-summary-local')
    // Each tab holds its screen scoped to the session.
    const tabs: [string, string][] = [
      ['inscrits', 'enrolments-grid-view'],
      ['entrees', 'enrolments-grid-view'],
      ['assiduite', 'attendance'],
      ['bilans', 'exit-reports'],
      ['devis', 'session-quotes']
    ]
    for (const [tab, testId] of tabs) {
      await page.getByTestId(`session-tab-${tab}`).click()
      await page.getByTestId(testId).waitFor()
    }
    await shot(page, 'issue3-session-tab-devis')
    // A session created here keeps its dates editable.
    await page.getByRole('button', { name: 'Modifier', exact: true }).click()
    expect(await labelled(dialog('session-dialog'), 'Date de début').getAttribute('readonly')).toBeNull()
    expect(await dialog('session-dialog').getByTestId('carif-notice').count()).toBe(0)
    await dialog('session-dialog').getByRole('button', { name: 'Annuler' }).click()
    // The state can also be changed from the page header.
    await page.getByTestId('session-state').selectOption('open')
    await expectText(page.getByTestId('toast-success'), /Recrutement ouvert/)
    await page.getByRole('link', { name: 'Formations & sessions' }).first().click()
    await expectText(page.getByTestId('screen-title'), 'Formations & sessions')
  })

  it('moving a session’s dates proposes to move its enrolments’ planned dates', async () => {
    await open(enrolled, 'sessions')
    await cell(page, sessionRowId, 'trainingTitle').click()
    await page.keyboard.press('Enter')
    await expectText(page.getByTestId('session-title'), 'Agent de restauration — Blois')
    await page.getByRole('button', { name: 'Modifier', exact: true }).click()
    const d = dialog('session-dialog')
    const earlier = addDays(start, -14)
    await labelled(d, 'Date de début').fill(formatDateFr(earlier))
    await d.getByRole('button', { name: 'Enregistrer' }).click()
    const step = dialog('session-dates-dialog')
    await expectText(
      step.getByTestId('session-dates-question'),
      `2 inscriptions ont un parcours prévu du ${formatDateFr(start)} au ${formatDateFr(end)}, les anciennes dates de la session. Les déplacer aux nouvelles dates, du ${formatDateFr(earlier)} au ${formatDateFr(end)} ?`
    )
    await expectText(step.locator('.muted'), 'ABEL Anne, MARTIN Paul')
    await shot(page, 'issue11-session-dates-step')
    await step.getByTestId('session-dates-move').click()
    await step.waitFor({ state: 'hidden' })
    const rows = await apiCall<{ plannedStartDate: string; plannedEndDate: string }[]>(page, 'enrolments:list', { sessionId: Number(sessionRowId) })
    expect(rows.value?.map((r) => [r.plannedStartDate, r.plannedEndDate])).toEqual([
      [earlier, end],
      [earlier, end]
    ])
  })

  it('imports an LHEO file dropped anywhere on the screen', async () => {
    await open(reopened)
    await page.getByTestId('tab-formations').click()
    await dropFile(page, page.getByTestId('catalogue-page'), CENTRE, 'offre-centre.xml')
    await dialog('lheo-dialog').getByTestId('lheo-preview').waitFor()
    await expectText(dialog('lheo-dialog').getByTestId('lheo-file-name'), 'offre-centre.xml')
    await dialog('lheo-dialog').getByTestId('lheo-apply').click()
    await dialog('lheo-dialog').getByTestId('lheo-done').waitFor()
    await dialog('lheo-dialog').locator('.modal__footer').getByRole('button', { name: 'Fermer' }).click()
    await expectText(page.getByTestId('row-count'), '2 formations')
  })

  it('refuses a file that is not XML without sending it', async () => {
    await open(clerk)
    const path = join(host.dir, 'notes.txt')
    writeFileSync(path, 'pas du LHEO')
    await page.getByTestId('lheo-file-input').setInputFiles(path)
    await expectText(page.getByTestId('toast-error'), /« notes\.txt » n’est pas un fichier XML/)
    expect(await dialog('lheo-dialog').isVisible()).toBe(false)
  })

  it('flags a session missing from a later file, and keeps it', async () => {
    await open(imported)
    // The same offer without its second action (and so without session 123324).
    const xml = readFileSync(CENTRE, 'utf8').replace(/<action numero="07_123324"[\s\S]*?<\/action>/, '')
    const path = join(host.dir, 'offre-sans-123324.xml')
    writeFileSync(path, xml)
    await page.getByTestId('lheo-file-input').setInputFiles(path)
    const d = dialog('lheo-dialog')
    await expectText(d.getByTestId('lheo-missing'), /1 session du catalogue est absente de ce fichier/)
    await shot(page, 'issue3-lheo-preview-missing')
    await d.getByTestId('lheo-apply').click()
    await d.getByTestId('lheo-done').waitFor()
    await d.locator('.modal__footer').getByRole('button', { name: 'Fermer' }).click()

    await page.getByTestId('tab-sessions').click()
    await page.getByTestId('filter-period').selectOption('all')
    await expectText(page.getByTestId('row-count'), '3 sessions')
    const missing = await rowIdOf(page, 'intercarifSessionId', '123324')
    await expectText(cell(page, missing, 'alerts'), /Absente du dernier import/)
    expect(await page.locator(`[data-testid="sessions-grid"] [role="row"][row-id="${missing}"]`).first().getAttribute('class')).toContain('row--flagged')
    // With alerts: the missing one, and the local session reopened without any slot.
    await page.getByRole('checkbox', { name: 'Avec alertes' }).check()
    await expectText(page.getByTestId('row-count'), '2 affichées sur 3 sessions')
    // Rows filtered out fade away: wait until they are gone before the screenshot.
    await expectCount(page.locator(`[data-testid="sessions-grid"] [role="row"][row-id]`), 2)
    await shot(page, 'issue3-sessions-flagged')
    await page.getByRole('checkbox', { name: 'Avec alertes' }).uncheck()
  })
})
