import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { RegistrationRow, RecruitmentEventRow } from '@shared/api/areas/recruitment'
import { importLheoFile } from '../../electron/main/services/lheo/importCatalogue'
import { e2eWorld, type Template } from '../helpers/e2eWorld'
import { apiCall, cell, expectCount, expectText, labelled, rowIdOf, shot } from './support'
import { LHEO_SAMPLES } from '../helpers/reference'

// CI has shared/ beside the repository (../shared from the repository root).
const SAMPLES = LHEO_SAMPLES
const CENTRE = resolve(SAMPLES, 'intercarif_centre-val-de-loire_07_10.xml')
const ANOTEA = resolve(SAMPLES, 'anotea_intercarif-data-test.xml')

/**
 * The scenario: import the real Centre-Val de Loire LHEO file through the screen, see its
 * sessions, hold an information collective on one of them, book three new candidates, enter
 * presence and results, transfer a booking and find the enrolment in status « Retenu »; and a
 * refused file (the anotea sample) with its French error.
 */
// Each test opens its own host and page (test/helpers/e2eWorld.ts), which also fail the test on any browser error;
// the later steps of the scenario start from the state the earlier ones leave, built through the services.
describe('LHEO import and recruitment on an imported session', () => {
  const w = e2eWorld()
  type World = { sessionId: number; eventId?: number; registrations?: Record<string, number> }
  const clerk = w.template('clerk', () => undefined)
  /** The Centre-Val de Loire file imported (as « previews … then imports it in one go » does). */
  const imported = w.template('Centre-Val de Loire imported', async ({ ctx, db }): Promise<World> => {
    await importLheoFile(ctx, CENTRE)
    const row = db.prepare<[string], { id: number }>('SELECT id FROM session WHERE intercarif_session_id = ?').get('114782')
    if (!row) throw new Error('session 114782 not imported')
    return { sessionId: row.id }
  })
  /** The information collective of 20/11/2017 (« holds an information collective on the imported session »). */
  const withEvent = w.template(
    'information collective',
    async ({ call }, p: World): Promise<World> => {
      const [event] = await call<RecruitmentEventRow[]>('recruitment:createEvents', {
        sessionId: p.sessionId,
        kind: 'info_session',
        date: '2017-11-20',
        startTime: '09:30',
        endTime: '11:30',
        capacity: 3,
        place: 'AFPA Veigné, salle 2'
      })
      return { ...p, eventId: event?.id ?? 0 }
    },
    { from: imported }
  )
  /** Three new candidates booked (« books three new candidates created in the dialog »). */
  const booked = w.template(
    'three candidates booked',
    async ({ call }, p: World): Promise<World> => {
      const rows = await call<RegistrationRow[]>('registrations:book', {
        eventId: p.eventId,
        newTrainees: [
          { lastName: 'Martin', firstName: 'Léa', ftId: '0676932W', phone: '06 11 22 33 44' },
          { lastName: 'Dubois', firstName: 'Karim', ftId: '1234567A' },
          { lastName: 'Nguyen', firstName: 'Thi', phone: '07 12 34 56 78' }
        ]
      })
      return { ...p, registrations: Object.fromEntries(rows.map((r) => [r.lastName, r.id])) }
    },
    { from: withEvent }
  )
  const reg = (p: World, name: string): number => p.registrations?.[name] ?? 0
  /** Martin and Dubois present, Nguyen absent (« enters presence in Saisie présence »). */
  const presence = w.template(
    'presence entered',
    async ({ call }, p: World): Promise<World> => {
      await call('registrations:setPresence', { ids: [reg(p, 'MARTIN'), reg(p, 'DUBOIS')], presence: 'present' })
      await call('registrations:setPresence', { ids: [reg(p, 'NGUYEN')], presence: 'absent' })
      return p
    },
    { from: booked }
  )
  /** Martin retenu, Dubois non retenu (« enters results in Saisie résultat »). */
  const results = w.template(
    'results entered',
    async ({ call }, p: World): Promise<World> => {
      await call('registrations:setResult', { ids: [reg(p, 'MARTIN')], result: 'retenu' })
      await call('registrations:setResult', { ids: [reg(p, 'DUBOIS')], result: 'non_retenu' })
      return p
    },
    { from: presence }
  )
  let page: Page
  let sessionRowId = ''
  let firstEventId = ''

  const dialog = (id: string): Locator => page.getByTestId(id)
  const regRow = (name: string): Promise<string> => rowIdOf(page, 'lastName', name)
  async function check(rowId: string): Promise<void> {
    await page.locator(`[data-testid="registrations-grid"] [role="row"][row-id="${rowId}"] .ag-selection-checkbox input`).filter({ visible: true }).check()
  }

  async function start(state: Template<World> | Template<undefined>, hash: string | ((data: World) => string) = '#/formations'): Promise<void> {
    const opened = await w.open<World | undefined>(state, { hash: (data) => (typeof hash === 'string' ? hash : data ? hash(data) : '') })
    page = opened.page
    sessionRowId = opened.data ? String(opened.data.sessionId) : ''
    firstEventId = opened.data?.eventId ? String(opened.data.eventId) : ''
    await page.getByTestId('screen-title').waitFor()
  }
  /** The catalogue's sessions tab, every period shown. */
  async function startOnSessions(): Promise<void> {
    await start(imported)
    await page.getByTestId('tab-sessions').click()
    await page.getByTestId('filter-period').selectOption('all')
    await expectText(page.getByTestId('row-count'), '2 sessions')
  }
  /** The session's Recrutement tab, with the information collective chosen when there is one. */
  async function startOnRecruitment(state: Template<World>, chooseEvent = true): Promise<void> {
    await start(state, (data) => `#/sessions/${data.sessionId}/recrutement`)
    await page.getByTestId('recruitment-workspace').waitFor()
    if (!chooseEvent) return
    await cell(page, firstEventId, 'place').click()
    await expectText(page.getByTestId('registrations-title'), /Information collective du lun\. 20\/11\/2017/)
  }

  it('refuses the anotea sample with a French error naming the element and line, and writes nothing', async () => {
    await start(clerk)
    await page.getByTestId('lheo-file-input').setInputFiles(ANOTEA)
    const error = dialog('lheo-dialog').getByTestId('lheo-error')
    await expectText(error, /Fichier refusé\..*<coordonneFs>.*ligne 14/)
    await expectText(error, /Aucune donnée n’a été enregistrée/)
    await shot(page, 'issue3-lheo-error')
    await dialog('lheo-dialog').locator('.modal__footer').getByRole('button', { name: 'Fermer' }).click()
    await dialog('lheo-dialog').waitFor({ state: 'hidden' })
    await expectText(page.getByTestId('row-count'), '0 formation')
    const list = await apiCall<unknown[]>(page, 'trainings:list', {})
    expect(list.value).toEqual([])
  })

  it('shows the progress of a running preview and cancels it: nothing is written', async () => {
    await start(clerk)
    // The sample is read in a few milliseconds: the job is held « running » at 42 % until « Annuler ».
    let holding = true
    await page.route('**/api/invoke?*', async (route) => {
      const body = route.request().postDataJSON() as { op: string; input: { jobId?: string } }
      if (body.op === 'lheo:cancel') holding = false
      if (holding && body.op === 'lheo:job') {
        const job = { id: body.input.jobId, kind: 'preview', state: 'running', progress: 0.42, fileName: 'intercarif_centre-val-de-loire_07_10.xml', version: '2.2', summary: null, error: null }
        await route.fulfill({ json: { ok: true, value: job } })
        return
      }
      await route.continue()
    })
    await page.getByTestId('lheo-file-input').setInputFiles(CENTRE)
    const progress = dialog('lheo-dialog').getByTestId('lheo-progress')
    await expectText(progress.locator('.import-progress__percent'), '42 %')
    expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42')
    await page.waitForTimeout(300) // the bar's width transition
    await shot(page, 'issue3-lheo-progress')
    await dialog('lheo-dialog').getByRole('button', { name: 'Annuler' }).click()
    await expectText(dialog('lheo-dialog').getByTestId('lheo-cancelled'), /Import annulé\. Aucune donnée n’a été enregistrée/)
    await page.unroute('**/api/invoke?*')
    await dialog('lheo-dialog').locator('.modal__footer').getByRole('button', { name: 'Fermer' }).click()
    expect((await apiCall<unknown[]>(page, 'trainings:list', {})).value).toEqual([])
  })

  it('previews the Centre-Val de Loire file, then imports it in one go', async () => {
    await start(clerk)
    await page.getByTestId('lheo-file-input').setInputFiles(CENTRE)
    const preview = dialog('lheo-dialog').getByTestId('lheo-preview')
    await preview.waitFor()
    await expectText(dialog('lheo-dialog').getByTestId('lheo-file-name'), 'intercarif_centre-val-de-loire_07_10.xml')
    const counts = async (row: string): Promise<string[]> => preview.getByTestId(`count-${row}`).locator('td').allTextContents()
    expect(await counts('formations')).toEqual(['1', '0', '0'])
    expect(await counts('actions')).toEqual(['2', '0', '0'])
    expect(await counts('sessions')).toEqual(['2', '0', '0'])
    await expectText(dialog('lheo-dialog').getByTestId('lheo-warnings'), /Date inconnue/)
    // Nothing is written by the preview.
    expect((await apiCall<unknown[]>(page, 'trainings:list', {})).value).toEqual([])
    await shot(page, 'issue3-lheo-preview')

    await dialog('lheo-dialog').getByTestId('lheo-apply').click()
    const result = dialog('lheo-dialog').getByTestId('lheo-result')
    await result.waitFor()
    expect(await result.getByTestId('count-sessions').locator('td').allTextContents()).toEqual(['2', '0', '0'])
    await shot(page, 'issue3-lheo-result')
    await dialog('lheo-dialog').locator('.modal__footer').getByRole('button', { name: 'Fermer' }).click()

    // The grid refreshed by itself.
    await expectText(page.getByTestId('row-count'), '1 formation')
    const id = await rowIdOf(page, 'title', 'Titre professionnel plaquiste')
    await expectText(cell(page, id, 'intercarifFormationId'), '07_10')
    await expectText(cell(page, id, 'formacode'), '22403')
    await expectText(cell(page, id, 'certification'), 'RNCP 320 · niv. 3')
    await expectText(cell(page, id, 'objectiveCode'), 'Certification')
    await expectText(cell(page, id, 'totalHours'), '697')
    await expectText(cell(page, id, 'sessionCount'), '2')
    await expectText(cell(page, id, 'source'), 'CARIF')
    await shot(page, 'issue3-catalogue-grid')
  })

  it('shows the training read-only: corrections are made at the CARIF-OREF', async () => {
    await start(imported)
    const id = await rowIdOf(page, 'title', 'Titre professionnel plaquiste')
    await cell(page, id, 'title').dblclick()
    const d = dialog('training-dialog')
    await expectText(d.getByTestId('carif-notice'), /corrigez-la à la source puis réimportez/)
    expect(await labelled(d, 'Intitulé').getAttribute('readonly')).not.toBeNull()
    expect(await d.getByTestId('training-actions').locator('tbody tr').count()).toBe(2)
    expect(await d.getByRole('button', { name: 'Enregistrer' }).count()).toBe(0)
    await shot(page, 'issue3-training-carif')
    await d.getByRole('button', { name: 'Fermer' }).first().click()
    await d.waitFor({ state: 'hidden' })
  })

  it('lists the imported sessions', async () => {
    await start(imported)
    await page.getByTestId('tab-sessions').click()
    // Sessions of 2017-2018: past, shown once « Toutes » is chosen.
    await page.getByTestId('filter-period').selectOption('all')
    await expectText(page.getByTestId('row-count'), '2 sessions')
    sessionRowId = await rowIdOf(page, 'intercarifSessionId', '114782')
    await expectText(cell(page, sessionRowId, 'startDate'), '04/12/2017')
    await expectText(cell(page, sessionRowId, 'endDate'), '01/06/2018')
    await expectText(cell(page, sessionRowId, 'intercarifActionId'), '07_114782')
    await expectText(cell(page, sessionRowId, 'recruitmentState'), 'Ouvert')
    await expectText(cell(page, sessionRowId, 'source'), 'CARIF')
    await shot(page, 'issue3-sessions-grid')
  })

  it('re-importing the same file changes nothing and keeps the sessions', async () => {
    await startOnSessions()
    // Ctrl+I opens the file picker.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+i')])
    await chooser.setFiles(CENTRE)
    const preview = dialog('lheo-dialog').getByTestId('lheo-preview')
    await preview.waitFor()
    expect(await preview.getByTestId('count-sessions').locator('td').allTextContents()).toEqual(['0', '0', '2'])
    await dialog('lheo-dialog').getByRole('button', { name: 'Annuler' }).click()
    await dialog('lheo-dialog').waitFor({ state: 'hidden' })
    await expectText(page.getByTestId('row-count'), '2 sessions')
  })

  it('opens the session page; CARIF-OREF fields are read-only with their explanation', async () => {
    await startOnSessions()
    await cell(page, sessionRowId, 'trainingTitle').dblclick()
    await page.getByTestId('session-page').waitFor()
    await expectText(page.getByTestId('session-title'), 'Titre professionnel plaquiste')
    await expectText(page.locator('.session-head__meta'), /Session n° 114782.*du 04\/12\/2017 au 01\/06\/2018/)
    for (const tab of ['Synthèse', 'Recrutement', 'Inscrits', 'Entrées', 'Assiduité', 'Bilans', 'Devis']) {
      expect(await page.getByRole('navigation', { name: 'Onglets de la session' }).getByRole('link', { name: new RegExp(`^${tab}`) }).count()).toBe(1)
    }
    await shot(page, 'issue3-session-page')

    await page.getByRole('button', { name: 'Modifier', exact: true }).click()
    const d = dialog('session-dialog')
    await expectText(d.getByTestId('carif-notice'), /corrigez-la à la source puis réimportez/)
    expect(await labelled(d, 'Date de début').getAttribute('readonly')).not.toBeNull()
    expect(await labelled(d, 'Capacité').getAttribute('readonly')).toBeNull()
    await shot(page, 'issue3-session-form-carif')
    await d.getByRole('button', { name: 'Annuler' }).click()
    await d.waitFor({ state: 'hidden' })

    // The entries tab lists the session's enrolments.
    await page.getByTestId('session-tab-entrees').click()
    await page.getByTestId('enrolments-grid-view').waitFor()
  })

  it('holds an information collective on the imported session', async () => {
    await start(imported, (data) => `#/sessions/${data.sessionId}`)
    await page.getByTestId('session-page').waitFor()
    await page.getByTestId('session-tab-recrutement').click()
    await page.getByTestId('recruitment-workspace').waitFor()
    await page.getByRole('button', { name: 'Nouveau créneau' }).click()
    const d = dialog('event-dialog')
    await labelled(d, 'Type').selectOption({ label: 'Information collective' })
    await labelled(d, 'Date').fill('20/11/2017')
    await labelled(d, 'Heure de début').fill('9h30')
    await labelled(d, 'Heure de fin').fill('11h30')
    await labelled(d, 'Capacité').fill('3')
    await labelled(d, 'Lieu').fill('AFPA Veigné, salle 2')
    await expectText(d.getByTestId('series-preview'), 'Créneau le lun. 20/11/2017')
    await d.getByRole('button', { name: 'Créer le créneau' }).click()
    await d.waitFor({ state: 'hidden' })
    firstEventId = await rowIdOf(page, 'date', 'lun. 20/11/2017')
    await expectText(cell(page, firstEventId, 'hours'), '09:30 – 11:30')
    await expectText(cell(page, firstEventId, 'kind'), 'Information collective')
    await expectText(cell(page, firstEventId, 'booked'), '0 / 3')
  })

  it('books three new candidates created in the dialog, and refuses a fourth (capacity)', async () => {
    await startOnRecruitment(withEvent, false)
    await cell(page, firstEventId, 'place').click()
    await expectText(page.getByTestId('registrations-title'), /Information collective du lun\. 20\/11\/2017/)
    await page.getByRole('button', { name: 'Positionner des candidats' }).click()
    const d = dialog('booking-dialog')
    const people = [
      ['Martin', 'Léa', '0676932W', '06 11 22 33 44'],
      ['Dubois', 'Karim', '1234567A', ''],
      ['Nguyen', 'Thi', '', '07 12 34 56 78']
    ]
    for (const [i, [last, first, ftId, phone]] of people.entries()) {
      if (i > 0) await d.getByRole('button', { name: 'Ajouter une personne' }).click()
      await d.getByLabel(`Nom (candidat ${i + 1})`, { exact: true }).fill(last ?? '')
      await d.getByLabel(`Prénom (candidat ${i + 1})`, { exact: true }).fill(first ?? '')
      await d.getByLabel(`Identifiant France Travail (candidat ${i + 1})`, { exact: true }).fill(ftId ?? '')
      await d.getByLabel(`Téléphone (candidat ${i + 1})`, { exact: true }).fill(phone ?? '')
    }
    await expectText(d.getByTestId('booking-summary'), /3 personnes à positionner · 3 places libres/)
    await shot(page, 'issue3-booking-dialog')
    await d.getByRole('button', { name: 'Positionner les 3 personnes' }).click()
    await d.waitFor({ state: 'hidden' })
    await expectCount(page.locator('[data-testid="registrations-grid"] [role="row"][row-id]').filter({ visible: true }).locator('[col-id="lastName"]'), 3)
    await expectText(cell(page, firstEventId, 'booked'), '3 / 3')

    // A fourth person does not fit: the server's French message is shown, nobody is booked.
    await page.getByRole('button', { name: 'Positionner des candidats' }).click()
    await d.getByLabel('Nom (candidat 1)', { exact: true }).fill('Petit')
    await d.getByLabel('Prénom (candidat 1)', { exact: true }).fill('Jules')
    await d.getByRole('button', { name: 'Positionner' }).click()
    await expectText(d.getByTestId('form-error'), /Il ne reste aucune place sur cette réunion/)
    await d.getByRole('button', { name: 'Annuler' }).click()
    await d.waitFor({ state: 'hidden' })
    expect((await apiCall<unknown[]>(page, 'trainees:list', { search: 'Petit' })).value).toEqual([])
  })

  it('enters presence in « Saisie présence »: present people leave the list, the absent one stays', async () => {
    await startOnRecruitment(booked)
    const martin = await regRow('MARTIN')
    const dubois = await regRow('DUBOIS')
    const nguyen = await regRow('NGUYEN')
    await page.getByTestId('reg-tab-presence').click()
    await expectText(page.getByTestId('reg-tab-presence'), /Saisie présence\s*3/)
    await check(martin)
    await check(dubois)
    await expectText(page.getByTestId('selection-count'), '2 cochées')
    await page.getByRole('toolbar', { name: 'Actions sur les personnes cochées' }).getByRole('button', { name: 'Présent' }).click()
    await expectText(page.getByTestId('reg-tab-presence'), /Saisie présence\s*1/)
    await check(nguyen)
    await page.getByRole('toolbar', { name: 'Actions sur les personnes cochées' }).getByRole('button', { name: 'Absent' }).click()
    await expectText(cell(page, nguyen, 'resultCode'), 'ICA')
    await expectText(cell(page, nguyen, 'presence'), 'Absent')
    await shot(page, 'issue3-recruitment-presence')
  })

  it('enters results in « Saisie résultat »: retenu leaves the list, non retenu stays editable', async () => {
    await startOnRecruitment(presence)
    await page.getByTestId('reg-tab-resultat').click()
    await expectText(page.getByTestId('reg-tab-resultat'), /Saisie résultat\s*2/)
    const martin = await regRow('MARTIN')
    const dubois = await regRow('DUBOIS')
    await check(martin)
    await page.getByRole('button', { name: 'Retenu (ICR)' }).click()
    await expectText(page.getByTestId('reg-tab-resultat'), /Saisie résultat\s*1/)
    // Typed in the grid like in a spreadsheet: the select editor of the « Résultat » cell.
    await cell(page, dubois, 'result').dblclick()
    await cell(page, dubois, 'result').locator('.ag-picker-field-wrapper').click()
    await page.locator('.ag-select-list-item', { hasText: 'Non retenu' }).click()
    await expectText(cell(page, dubois, 'result'), 'Non retenu')
    await expectText(cell(page, dubois, 'resultCode'), 'ICN')
    await expectText(page.getByTestId('reg-tab-resultat'), /Saisie résultat\s*1/)
    await shot(page, 'issue3-recruitment-result')

    await page.getByTestId('reg-tab-inscrits').click()
    await expectText(cell(page, martin, 'result'), 'Retenu')
    await expectText(cell(page, martin, 'resultCode'), 'ICR')
    await expectText(cell(page, martin, 'enrolmentStatus'), 'Retenu')
    await expectText(cell(page, firstEventId, 'retained'), '1')
    await expectText(cell(page, firstEventId, 'present'), '2')
    await shot(page, 'issue3-recruitment-inscrits')
  })

  it('transfers the absent candidate to a second information collective', async () => {
    await startOnRecruitment(results, false)
    await cell(page, firstEventId, 'place').click()
    await page.getByRole('toolbar', { name: 'Créneaux de recrutement' }).getByRole('button', { name: 'Dupliquer' }).click()
    const dup = dialog('duplicate-dialog')
    await labelled(dup, 'Nouvelle date').fill('27/11/2017')
    await dup.getByRole('button', { name: 'Dupliquer' }).click()
    await dup.waitFor({ state: 'hidden' })
    const second = await rowIdOf(page, 'date', 'lun. 27/11/2017')
    await expectText(page.getByTestId('registrations-title'), /27\/11\/2017/)

    await cell(page, firstEventId, 'place').click()
    await expectText(page.getByTestId('registrations-title'), /20\/11\/2017/)
    const nguyen = await regRow('NGUYEN')
    await check(nguyen)
    await page.getByRole('button', { name: 'Transférer' }).click()
    const d = dialog('transfer-dialog')
    await expectText(labelled(d, 'Créneau d’arrivée').locator('option:checked'), /27\/11\/2017/)
    await shot(page, 'issue3-transfer-dialog')
    await d.getByRole('button', { name: 'Transférer' }).click()
    await d.waitFor({ state: 'hidden' })
    await expectText(cell(page, firstEventId, 'booked'), '2 / 3')
    await expectText(cell(page, second, 'booked'), '1 / 3')

    await cell(page, second, 'place').click()
    await expectText(page.getByTestId('registrations-title'), /27\/11\/2017/)
    const moved = await regRow('NGUYEN')
    await expectText(cell(page, moved, 'transferredFrom'), 'transféré depuis : Information collective du 20/11/2017')
    await expectText(cell(page, moved, 'presence'), 'Non renseigné')
  })

  it('shows the resulting enrolment in status « Retenu » on the session summary', async () => {
    await startOnRecruitment(results, false)
    await page.getByTestId('session-tab-synthese').click()
    const counts = page.getByTestId('enrolment-counts')
    await expectText(counts.locator('[data-status="retenu"] .status-table__count'), '1')
    await expectText(page.getByTestId('places-taken'), /^1/)
    await shot(page, 'issue3-session-summary')
    const list = await apiCall<{ enrolmentStatus: string | null; lastName: string }[]>(page, 'registrations:list', { eventId: Number(firstEventId) })
    expect(list.value?.find((r) => r.lastName === 'MARTIN')?.enrolmentStatus).toBe('retenu')
  })
})
