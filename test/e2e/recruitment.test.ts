import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { RecruitmentEventRow, RegistrationRow } from '@shared/api/areas/recruitment'
import { addDays, dayOfWeek, formatDateFr } from '@shared/domain/dates'
import { E2E_TODAY, type RunningHost } from '../helpers/browserHost'
import { e2eWorld, type Template } from '../helpers/e2eWorld'
import { apiCall, cell, expectCount, expectText, goTo, labelled, rowIdOf, shot } from './support'

const WEEKDAYS = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.']
const withWeekday = (iso: string): string => `${WEEKDAYS[dayOfWeek(iso) - 1]} ${formatDateFr(iso)}`

/** The Tuesday at least two weeks from today: the series runs on Tuesdays. */
function firstTuesday(): string {
  let d = addDays(E2E_TODAY, 14)
  while (dayOfWeek(d) !== 2) d = addDays(d, 1)
  return d
}

/**
 * The Recruitment screen on a session created by hand: the missing-slot warning, a weekly series
 * of six information collectives, grid editing, cancel versus delete (refused once people are
 * booked), bookings from the registry, and the three KAIROS tabs with bulk entry.
 */
// Each test opens its own host and page (test/helpers/e2eWorld.ts), which also fail the test on any browser error
// (the 4xx answers of refused calls aside); later steps start from the state the earlier ones leave, built through the contract.
describe('recruitment screen', () => {
  const w = e2eWorld({ ignoreErrors: /status of 4\d\d/ })
  let host: RunningHost
  let page: Page
  let sessionId = 0
  const first = firstTuesday()
  const dates = Array.from({ length: 6 }, (_, i) => addDays(first, 7 * i))
  let eventIds: string[] = []
  type World = { sessionId: number; lefevre: number; eventIds: number[] }

  const dialog = (id: string): Locator => page.getByTestId(id)
  const eventsToolbar = (): Locator => page.getByRole('toolbar', { name: 'Créneaux de recrutement' })
  const bulk = (): Locator => page.getByRole('toolbar', { name: 'Actions sur les personnes cochées' })
  /** A cell of the registrations grid (the slots grid above has a « comment » column too). */
  const regCell = (rowId: string, colId: string): Locator =>
    page.getByTestId('registrations-grid').locator(`[role="row"][row-id="${rowId}"] [role="gridcell"][col-id="${colId}"]`).filter({ visible: true })
  async function check(name: string, checked = true): Promise<void> {
    const id = await rowIdOf(page, 'lastName', name)
    await page.locator(`[data-testid="registrations-grid"] [role="row"][row-id="${id}"] .ag-selection-checkbox input`).filter({ visible: true }).setChecked(checked)
  }
  async function bookNew(people: [string, string][]): Promise<void> {
    await page.getByRole('button', { name: 'Positionner des candidats' }).click()
    const d = dialog('booking-dialog')
    for (const [i, [last, firstName]] of people.entries()) {
      if (i > 0) await d.getByRole('button', { name: 'Ajouter une personne' }).click()
      await d.getByLabel(`Nom (candidat ${i + 1})`, { exact: true }).fill(last)
      await d.getByLabel(`Prénom (candidat ${i + 1})`, { exact: true }).fill(firstName)
    }
    await d.getByRole('button', { name: people.length > 1 ? `Positionner les ${people.length} personnes` : 'Positionner' }).click()
    await d.waitFor({ state: 'hidden' })
  }

  /** A session open for recruitment without any slot, and Élodie Lefèvre in the registry. */
  const base = w.template('session and Lefèvre', async ({ call }): Promise<World> => {
    const training = await call<{ id: number }>('trainings:create', {
      title: 'Agent de propreté et d’hygiène',
      formacode: '42052',
      objectiveCode: 6,
      certificationKind: 'RNCP',
      certificationCode: '35042',
      certificationLevel: 3,
      totalHours: 420
    })
    const session = await call<{ id: number }>('sessions:create', {
      trainingId: training.id,
      label: 'APH Tours — printemps',
      intercarifSessionId: '203118',
      startDate: addDays(first, 70),
      endDate: addDays(first, 250),
      placeName: 'Centre Passerelle Tours Nord',
      placeCity: 'Tours',
      capacity: 12,
      hoursCentre: 350,
      hoursCompany: 70
    })
    const lefevre = await call<{ id: number }>('trainees:create', { lastName: 'Lefèvre', firstName: 'Élodie', ftId: '0676932W', city: 'Tours', prescriber: 'france_travail', adviserName: 'Julien Caradec' })
    return { sessionId: session.id, lefevre: lefevre.id, eventIds: [] }
  })
  /** The weekly series of six information collectives (« creates a weekly series »). */
  const series = w.template(
    'series of six',
    async ({ call }, p: World): Promise<World> => {
      const rows = await call<RecruitmentEventRow[]>('recruitment:createEvents', {
        sessionId: p.sessionId,
        kind: 'info_session',
        date: first,
        startTime: '09:30',
        endTime: '11:30',
        capacity: 8,
        place: 'Centre Passerelle Tours Nord',
        comment: 'Apporter CV et pièce d’identité',
        repeatWeekly: 6
      })
      return { ...p, eventIds: [...rows].sort((a, b) => a.date.localeCompare(b.date)).map((r) => r.id) }
    },
    { from: base }
  )
  const ev = (p: World, i: number): number => p.eventIds[i] ?? 0
  /** Slot 2 at 10 places, two people booked on slot 1, then slot 1 cancelled and slot 6 deleted (the tests that edit, cancel and delete). */
  const afterCancel = w.template(
    'first slot cancelled',
    async ({ call }, p: World): Promise<World> => {
      await call('recruitment:updateEvent', { id: ev(p, 1), changes: { capacity: 10 } })
      await call('registrations:book', { eventId: ev(p, 0), newTrainees: [{ lastName: 'Moreau', firstName: 'Inès' }, { lastName: 'Girard', firstName: 'Hugo' }] })
      await call('recruitment:cancelEvent', { id: ev(p, 0), reason: 'Salle indisponible' })
      await call('recruitment:deleteEvent', { id: ev(p, 5) })
      return p
    },
    { from: series }
  )
  /** Their bookings transferred to slot 2 (« transfers the bookings of the cancelled slot »). */
  const transferred = w.template(
    'bookings transferred',
    async ({ call }, p: World): Promise<World> => {
      for (const r of await call<RegistrationRow[]>('registrations:list', { eventId: ev(p, 0) })) await call('registrations:transfer', { id: r.id, toEventId: ev(p, 1) })
      return p
    },
    { from: afterCancel }
  )
  /** Lefèvre from the registry and three new people on slot 2 (« books from the registry … »). */
  const sixBooked = w.template(
    'six booked',
    async ({ call }, p: World): Promise<World> => {
      await call('registrations:book', {
        eventId: ev(p, 1),
        traineeIds: [p.lefevre],
        newTrainees: [
          { lastName: 'Benali', firstName: 'Sofiane', ftId: '1234567B' },
          { lastName: 'Rousseau', firstName: 'Camille' },
          { lastName: 'Fontaine', firstName: 'Maëlle' }
        ]
      })
      return p
    },
    { from: transferred }
  )

  async function start(state: Template<World>, slot?: number): Promise<void> {
    const opened = await w.open(state, { hash: '#/recrutement' })
    page = opened.page
    host = opened.host
    sessionId = opened.data.sessionId
    eventIds = opened.data.eventIds.map(String)
    await expectText(page.getByTestId('screen-title'), 'Recrutement')
    // A fresh page chooses the next slot by itself: let it, so that a later click is not undone.
    if (eventIds.length > 0) await page.getByTestId('registrations-title').waitFor()
    if (slot === undefined) return
    await cell(page, eventIds[slot] ?? '', 'date').click()
    await expectText(page.getByTestId('registrations-title'), new RegExp(formatDateFr(dates[slot] ?? '').replace(/\//g, '\\/')))
  }

  it('warns that an open session has no upcoming slot, with a link to the session', async () => {
    await start(base)
    const banner = page.getByTestId('recruitment-warnings')
    await expectText(banner, /APH Tours — printemps : recrutement ouvert sans créneau à venir/)
    await banner.getByRole('link', { name: 'Ouvrir la session' }).click()
    await expectText(page.getByTestId('session-title'), 'APH Tours — printemps')
    expect(page.url()).toContain(`#/sessions/${sessionId}/recrutement`)
    await goTo(page, 'Recrutement')
  })

  it('creates a weekly series of six information collectives', async () => {
    await start(base)
    await eventsToolbar().getByRole('button', { name: 'Nouveau créneau' }).click()
    const d = dialog('event-dialog')
    await labelled(d, 'Session').selectOption(String(sessionId))
    await labelled(d, 'Date').fill(formatDateFr(first))
    await labelled(d, 'Heure de début').fill('9h30')
    await labelled(d, 'Heure de fin').fill('11h30')
    await labelled(d, 'Capacité').fill('8')
    await labelled(d, 'Commentaire').fill('Apporter CV et pièce d’identité')
    await d.getByRole('checkbox', { name: /Répéter chaque semaine/ }).check()
    await d.getByLabel('Nombre de semaines').fill('6')
    await expectText(d.getByTestId('series-preview'), new RegExp(`^6 créneaux : ${withWeekday(first)}, .* et ${formatDateFr(dates[5] ?? '')}$`))
    await shot(page, 'issue3-event-series-form')
    await d.getByRole('button', { name: 'Créer les 6 créneaux' }).click()
    await d.waitFor({ state: 'hidden' })
    await expectText(page.getByTestId('event-count'), '6 créneaux')
    for (const date of dates) eventIds.push(await rowIdOf(page, 'date', withWeekday(date)))
    await expectText(cell(page, eventIds[0] ?? '', 'kind'), /Information collective\s*série/)
    await expectText(cell(page, eventIds[5] ?? '', 'hours'), '09:30 – 11:30')
    await expectText(cell(page, eventIds[5] ?? '', 'place'), /^Centre Passerelle Tours Nord/)
    // The session now has an upcoming slot: the warning is gone.
    await page.getByTestId('recruitment-warnings').waitFor({ state: 'detached' })
  })

  it('edits a slot in the grid (capacity, comment) and refuses a bad value', async () => {
    await start(series)
    const id = eventIds[1] ?? ''
    await cell(page, id, 'capacity').dblclick()
    await cell(page, id, 'capacity').locator('input').fill('10')
    await cell(page, id, 'capacity').locator('input').press('Enter')
    await expectText(cell(page, id, 'booked'), '0 / 10')
    await cell(page, id, 'capacity').dblclick()
    await cell(page, id, 'capacity').locator('input').fill('dix')
    await cell(page, id, 'capacity').locator('input').press('Enter')
    await expectText(page.getByTestId('toast-error'), /La capacité : nombre entier attendu/)
    await expectText(cell(page, id, 'capacity'), '10')
  })

  it('books people, then refuses to delete the slot: it is cancelled instead and stays visible', async () => {
    await start(series)
    const id = eventIds[0] ?? ''
    await cell(page, id, 'place').click()
    await bookNew([
      ['Moreau', 'Inès'],
      ['Girard', 'Hugo']
    ])
    await expectText(cell(page, id, 'booked'), '2 / 8')

    await eventsToolbar().getByRole('button', { name: 'Supprimer' }).click()
    const confirm = page.getByTestId('confirm-dialog')
    await confirm.getByRole('button', { name: 'Supprimer définitivement' }).click()
    await expectText(confirm.getByTestId('delete-error'), new RegExp(`Impossible de supprimer la réunion du ${formatDateFr(first).replace(/\//g, '\\/')} : 2 personnes y sont positionnées`))
    await shot(page, 'issue3-delete-refused')
    // The dialog now offers what the server suggests: cancelling the slot.
    await confirm.getByRole('button', { name: 'Annuler ce créneau plutôt' }).click()
    await expectText(page.getByTestId('event-count'), '6 créneaux')
    const cancel = dialog('cancel-event-dialog')
    await labelled(cancel, 'Motif de l’annulation').fill('Salle indisponible')
    await cancel.getByRole('button', { name: 'Annuler le créneau' }).click()
    await cancel.waitFor({ state: 'hidden' })
    await expectText(cell(page, id, 'state'), /Annulé\s*Salle indisponible/)
    expect(await page.locator(`[data-testid="events-grid"] [role="row"][row-id="${id}"]`).first().getAttribute('class')).toContain('row--cancelled')
    await expectText(page.getByTestId('event-count'), '6 créneaux')
    expect(await page.getByRole('button', { name: 'Positionner des candidats' }).isDisabled()).toBe(true)
  })

  it('deletes a slot nobody is booked on', async () => {
    await start(series)
    await cell(page, eventIds[5] ?? '', 'place').click()
    await eventsToolbar().getByRole('button', { name: 'Supprimer' }).click()
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Supprimer définitivement' }).click()
    await expectText(page.getByTestId('event-count'), '5 créneaux')
    const left = await apiCall<unknown[]>(page, 'recruitment:listEvents', { sessionId })
    expect(left.value).toHaveLength(5)
  })

  it('transfers the bookings of the cancelled slot to the next one', async () => {
    await start(afterCancel)
    await cell(page, eventIds[0] ?? '', 'place').click()
    await page.locator('[data-testid="registrations-grid"] .ag-header-select-all input').check()
    await expectText(page.getByTestId('selection-count'), '2 cochées')
    await bulk().getByRole('button', { name: 'Transférer' }).click()
    const d = dialog('transfer-dialog')
    // Only non-cancelled slots of the same session are offered.
    await expectCount(labelled(d, 'Créneau d’arrivée').locator('option'), 4)
    await labelled(d, 'Créneau d’arrivée').selectOption(eventIds[1] ?? '')
    await d.getByRole('button', { name: 'Transférer' }).click()
    await d.waitFor({ state: 'hidden' })
    await expectText(cell(page, eventIds[1] ?? '', 'booked'), '2 / 10')
    await expectText(cell(page, eventIds[0] ?? '', 'booked'), '0 / 8')
  })

  it('books from the registry (accent-free search) and new people together', async () => {
    await start(transferred)
    await cell(page, eventIds[1] ?? '', 'place').click()
    await page.getByRole('button', { name: 'Positionner des candidats' }).click()
    const d = dialog('booking-dialog')
    await d.getByRole('searchbox', { name: 'Rechercher dans le registre des stagiaires' }).fill('lefevre')
    await expectCount(d.getByTestId('trainee-results').locator('li'), 1)
    await d.getByTestId('trainee-results').getByText('LEFÈVRE Élodie').click()
    // Already booked people are shown but cannot be picked twice.
    await d.getByRole('searchbox', { name: 'Rechercher dans le registre des stagiaires' }).fill('')
    await expectText(d.getByTestId('trainee-results'), /MOREAU Inès.*déjà positionné/)
    const people = [
      ['Benali', 'Sofiane'],
      ['Rousseau', 'Camille'],
      ['Fontaine', 'Maëlle']
    ]
    for (const [i, [last, firstName]] of people.entries()) {
      if (i > 0) await d.getByRole('button', { name: 'Ajouter une personne' }).click()
      await d.getByLabel(`Nom (candidat ${i + 1})`, { exact: true }).fill(last ?? '')
      await d.getByLabel(`Prénom (candidat ${i + 1})`, { exact: true }).fill(firstName ?? '')
    }
    await d.getByLabel('Identifiant France Travail (candidat 1)', { exact: true }).fill('12AB')
    await d.getByRole('button', { name: 'Positionner les 4 personnes' }).click()
    await expectText(d.locator('.person-table__error-row'), /L'identifiant France Travail 12AB n'a pas la forme attendue/)
    await d.getByLabel('Identifiant France Travail (candidat 1)', { exact: true }).fill('1234567B')
    await shot(page, 'issue3-booking-registry')
    await d.getByRole('button', { name: 'Positionner les 4 personnes' }).click()
    await d.waitFor({ state: 'hidden' })
    await expectText(cell(page, eventIds[1] ?? '', 'booked'), '6 / 10')
  })

  it('enters presence and results in bulk in the three KAIROS tabs', async () => {
    await start(sixBooked, 1)
    await page.getByTestId('reg-tab-presence').click()
    for (const name of ['MOREAU', 'GIRARD', 'LEFÈVRE', 'BENALI', 'FONTAINE']) await check(name)
    await bulk().getByRole('button', { name: 'Présent' }).click()
    await expectText(page.getByTestId('reg-tab-presence'), /Saisie présence\s*1/)
    await check('ROUSSEAU')
    await bulk().getByRole('button', { name: 'Absent' }).click()
    await shot(page, 'issue3-recruitment-tab-presence')

    await page.getByTestId('reg-tab-resultat').click()
    await expectText(page.getByTestId('reg-tab-resultat'), /Saisie résultat\s*5/)
    await check('MOREAU')
    await check('LEFÈVRE')
    await bulk().getByRole('button', { name: 'Retenu (ICR)' }).click()
    // Each bulk answer refreshes the grid and clears the ticks: wait for it before ticking the next
    // person, or the tick is lost with the refresh and the next action applies to nobody.
    await expectText(page.getByTestId('reg-tab-resultat'), /Saisie résultat\s*3/)
    await expectCount(page.locator('[data-testid="registrations-grid"] .ag-row-selected'), 0)
    await check('GIRARD')
    await bulk().getByRole('button', { name: 'Non retenu (ICN)' }).click()
    await expectText(cell(page, await rowIdOf(page, 'lastName', 'GIRARD'), 'resultCode'), 'ICN')
    await expectCount(page.locator('[data-testid="registrations-grid"] .ag-row-selected'), 0)
    await check('BENALI')
    await bulk().getByRole('button', { name: 'En attente' }).click()
    await expectText(cell(page, await rowIdOf(page, 'lastName', 'BENALI'), 'result'), 'En attente')
    await expectText(page.getByTestId('reg-tab-resultat'), /Saisie résultat\s*3/)
    await shot(page, 'issue3-recruitment-tab-resultat')

    // A result for someone who was not present is refused with the server's message.
    await page.getByTestId('reg-tab-inscrits').click()
    await check('ROUSSEAU')
    await bulk().getByRole('button', { name: 'Retenu (ICR)' }).click()
    await expectText(page.getByTestId('toast-error').last(), /Seules les personnes présentes reçoivent un résultat/)
    await check('ROUSSEAU', false)

    const row = async (name: string): Promise<string> => rowIdOf(page, 'lastName', name)
    await expectText(cell(page, await row('MOREAU'), 'resultCode'), 'ICR')
    await expectText(cell(page, await row('MOREAU'), 'enrolmentStatus'), 'Retenu')
    await expectText(cell(page, await row('GIRARD'), 'resultCode'), 'ICN')
    await expectText(cell(page, await row('ROUSSEAU'), 'resultCode'), 'ICA')
    await expectText(cell(page, await row('BENALI'), 'result'), 'En attente')
    await expectText(cell(page, eventIds[1] ?? '', 'retained'), '2')
    await shot(page, 'issue3-recruitment-tab-inscrits')
  })

  it('shows cancelled slots greyed with their reason across all sessions', async () => {
    await start(sixBooked)
    await page.getByTestId('filter-session').selectOption('')
    await expectText(page.getByTestId('event-count'), '5 créneaux')
    await expectText(cell(page, eventIds[0] ?? '', 'sessionLabel'), 'APH Tours — printemps')
    await page.getByRole('checkbox', { name: 'Annulés' }).uncheck()
    await expectText(page.getByTestId('event-count'), '4 créneaux')
    await page.getByRole('checkbox', { name: 'Annulés' }).check()
    await cell(page, eventIds[1] ?? '', 'date').click()
    await shot(page, 'issue3-recruitment-screen')
  })

  it('shows who sent each candidate; a comment typed in the grid is saved, a too long one refused, and it persists after reload', async () => {
    await start(sixBooked, 1)
    const eventId = Number(eventIds[1])
    const listed = await apiCall<{ id: number; traineeId: number; lastName: string }[]>(page, 'registrations:list', { eventId })
    const traineeOf = (name: string): number => listed.value?.find((r) => r.lastName === name)?.traineeId ?? 0
    const girardChanges = { prescriber: 'mission_locale', prescriberAgency: 'Mission locale de Touraine', adviserName: 'Sophie Le Bihan', adviserEmail: 'sophie.lebihan@missionlocale.example' }
    expect((await apiCall(page, 'trainees:update', { id: traineeOf('GIRARD'), changes: girardChanges })).ok).toBe(true)
    expect((await apiCall(page, 'trainees:update', { id: traineeOf('MOREAU'), changes: { prescriber: 'self' } })).ok).toBe(true)
    const lefevreChanges = { prescriberAgency: 'France Travail Tours Nord', adviserEmail: 'julien.caradec@francetravail.example' }
    expect((await apiCall(page, 'trainees:update', { id: traineeOf('LEFÈVRE'), changes: lefevreChanges })).ok).toBe(true)

    // The prescriber set in the registry shows at once.
    const lefevre = await rowIdOf(page, 'lastName', 'LEFÈVRE')
    await expectText(regCell(lefevre, 'prescriber'), /^France Travail/)

    const comment = regCell(lefevre, 'comment')
    await comment.dblclick()
    await comment.locator('input').fill('Attend l’accord de son conseiller')
    await comment.locator('input').press('Enter')
    await expectText(comment, 'Attend l’accord de son conseiller')
    // Refused: the French message, and the cell keeps what was saved.
    await comment.dblclick()
    await comment.locator('input').fill('x'.repeat(501))
    await comment.locator('input').press('Enter')
    await expectText(page.getByTestId('toast-error').last(), /Le commentaire : 500 caractères au maximum\./)
    await expectText(comment, 'Attend l’accord de son conseiller')

    // After a reload, on the session's own Recrutement tab.
    await page.reload()
    await page.goto(`${host.url}#/sessions/${sessionId}/recrutement`)
    await expectText(page.getByTestId('session-title'), 'APH Tours — printemps')
    await cell(page, eventIds[1] ?? '', 'date').click()
    await expectText(page.getByTestId('registrations-title'), new RegExp(formatDateFr(dates[1] ?? '').replace(/\//g, '\\/')))
    await expectText(regCell(lefevre, 'comment'), 'Attend l’accord de son conseiller')
    await expectText(regCell(lefevre, 'prescriber'), 'France Travail Tours Nord')
    await expectText(regCell(lefevre, 'adviser'), 'Julien Caradecjulien.caradec@francetravail.example')
    const girard = await rowIdOf(page, 'lastName', 'GIRARD')
    await expectText(regCell(girard, 'prescriber'), 'Mission locale de Touraine')
    await expectText(regCell(await rowIdOf(page, 'lastName', 'MOREAU'), 'prescriber'), 'Candidature spontanée')
    await expectText(regCell(await rowIdOf(page, 'lastName', 'BENALI'), 'prescriber'), '')
    await shot(page, 'issue3-registrations-prescriber')
    // Moving right from the prescriber to the comment brings the three columns into view.
    await regCell(lefevre, 'prescriber').click()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await shot(page, 'issue3-registrations-prescriber-comment')
    // The whole adviser, e-mail included, in the tooltip (the cell cuts a long address).
    await regCell(lefevre, 'adviser').hover()
    await expectText(page.locator('.ag-tooltip'), 'Julien Caradec <julien.caradec@francetravail.example>')
  })
})
