import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Dashboard } from '@shared/api/areas/dashboard'
import type { RecruitmentEventRow } from '@shared/api/areas/recruitment'
import type { EnrolmentDetail } from '@shared/api/areas/enrolments'
import { addDays, formatDateFr } from '@shared/domain/dates'
import { E2E_TODAY } from '../helpers/browserHost'
import { e2eWorld, type Template } from '../helpers/e2eWorld'
import { apiCall, expectCount, expectText, goTo, shot } from './support'

/**
 * The pilotage page beyond enrolments: an empty base, counters that lead to other screens (a
 * session, a recruitment slot) or to a panel listing their rows, the to-do lists, the chart of
 * undeclared events by age, and the date picker's French date.
 */
// Each test opens its own host and page (test/helpers/e2eWorld.ts), which also fail the test on any browser error;
// later tests start from the state the earlier ones leave, built through the contract.
describe('dashboard', () => {
  const w = e2eWorld()
  let page: Page
  const today = E2E_TODAY
  let sessions: number[] = []
  let eventId = 0
  type World = { sessions: number[]; eventId: number }
  const clerk = w.template('clerk', (): World => ({ sessions: [], eventId: 0 }))
  /** Three sessions of one training (« opens the session of the only session without a recruitment slot … »). */
  const threeSessions = w.template('three sessions', async ({ call }): Promise<World> => {
    const training = await call<{ id: number }>('trainings:create', { title: 'Agent de propreté et d’hygiène' })
    const ids: number[] = []
    for (const [label, start] of [['APH Tours', -40], ['APH Blois', 30]] as const) {
      const s = await call<{ id: number }>('sessions:create', {
        trainingId: training.id,
        label,
        startDate: addDays(today, start),
        endDate: addDays(today, start + 150),
        capacity: 10,
        recruitmentState: label === 'APH Tours' ? 'closed' : 'open'
      })
      ids.push(s.id)
    }
    const third = await call<{ id: number }>('sessions:create', { trainingId: training.id, label: 'APH Chartres', startDate: addDays(today, 60), endDate: addDays(today, 200), recruitmentState: 'open' })
    return { sessions: [...ids, third.id], eventId: 0 }
  })
  /** A past information collective at Blois with two candidates without a result (« opens the recruitment slot … »). */
  const slot = w.template(
    'slot without results',
    async ({ call }, p: World): Promise<World> => {
      const [event] = await call<RecruitmentEventRow[]>('recruitment:createEvents', {
        sessionId: p.sessions[1],
        kind: 'info_session',
        date: addDays(today, -3),
        startTime: '09:30',
        endTime: '11:30',
        place: 'Centre de Blois'
      })
      await call('registrations:book', { eventId: event?.id, newTrainees: [{ lastName: 'Lefèvre', firstName: 'Élodie' }, { lastName: 'Garçon', firstName: 'Zoé' }] })
      return { ...p, eventId: event?.id ?? 0 }
    },
    { from: threeSessions }
  )
  /** Three entries at Tours, 35 days ago, 6 days ago and yesterday, undeclared (« charts the undeclared KAIROS events … »). */
  const entries = w.template(
    'three undeclared entries',
    async ({ call }, p: World): Promise<World> => {
      for (const [lastName, age] of [['Bernard', 35], ['Le Gall', 6], ['Morvan', 1]] as const) {
        const t = await call<{ id: number }>('trainees:create', { lastName, firstName: 'Anne' })
        const e = await call<EnrolmentDetail>('enrolments:create', { sessionId: p.sessions[0], traineeId: t.id, status: 'inscrit' })
        await call('enrolments:transition', { ids: [e.id], change: { to: 'entre', effectiveDate: addDays(today, -age) } })
      }
      return p
    },
    { from: slot }
  )

  async function start(state: Template<World>): Promise<void> {
    const opened = await w.open(state)
    page = opened.page
    sessions = [...opened.data.sessions]
    eventId = opened.data.eventId
    await page.getByTestId('counter-entries_late').waitFor()
  }

  const count = (key: string) => page.getByTestId(`counter-${key}-count`)
  async function openDashboard(): Promise<void> {
    await goTo(page, 'Tableau de bord')
    await page.getByTestId('counter-entries_late').waitFor()
    // Already there: the counters are reloaded by hand, as the clerk would.
    await page.getByTestId('dashboard-refresh').click()
  }

  it('shows every counter up to date on an empty base, with the demo-data card', async () => {
    await start(clerk)
    await page.getByTestId('empty-db-card').waitFor()
    await page.getByTestId('todo-empty').waitFor()
    const tiles = page.locator('[data-testid^="counter-"][data-severity]')
    // 12, and the three invoice counters (à déposer, impayées à 30 et 60 jours).
    await expectCount(tiles, 15)
    expect(await page.locator('[data-severity="ok"]').count()).toBe(15)
    await expectText(page.getByTestId('stat-trainees-value'), '0')
    // The first dashboard's test found its counters under this name.
    await page.getByTestId('upcoming-panel').getByText('Déclarations KAIROS en retard').waitFor()
    await shot(page, 'issue4-dashboard-empty')
  })

  it('opens the session of the only session without a recruitment slot, and lists them when there are several', async () => {
    await start(clerk)
    const training = await apiCall<{ id: number }>(page, 'trainings:create', { title: 'Agent de propreté et d’hygiène' })
    for (const [label, start] of [['APH Tours', -40], ['APH Blois', 30]] as const) {
      const s = await apiCall<{ id: number }>(page, 'sessions:create', {
        trainingId: training.value?.id,
        label,
        startDate: addDays(today, start),
        endDate: addDays(today, start + 150),
        capacity: 10,
        recruitmentState: label === 'APH Tours' ? 'closed' : 'open'
      })
      sessions.push(s.value?.id ?? 0)
    }
    await openDashboard()
    await expectText(count('no_future_slot'), '1')
    await page.getByTestId('counter-no_future_slot').click()
    await page.waitForURL(new RegExp(`#/sessions/${sessions[1]}$`))
    await expectText(page.getByTestId('session-title'), 'APH Blois')

    const third = await apiCall<{ id: number }>(page, 'sessions:create', {
      trainingId: training.value?.id,
      label: 'APH Chartres',
      startDate: addDays(today, 60),
      endDate: addDays(today, 200),
      recruitmentState: 'open'
    })
    sessions.push(third.value?.id ?? 0)
    await openDashboard()
    await expectText(count('no_future_slot'), '2')
    await page.getByTestId('counter-no_future_slot').click()
    const panel = page.getByTestId('counter-panel')
    await expectCount(panel.getByTestId('counter-panel-items').locator('li'), 2)
    await panel.getByRole('button', { name: /APH Chartres/ }).click()
    await page.waitForURL(new RegExp(`#/sessions/${sessions[2]}$`))
  })

  it('opens the recruitment slot whose candidates have no result', async () => {
    await start(threeSessions)
    const created = await apiCall<{ id: number }[]>(page, 'recruitment:createEvents', {
      sessionId: sessions[1],
      kind: 'info_session',
      date: addDays(today, -3),
      startTime: '09:30',
      endTime: '11:30',
      place: 'Centre de Blois'
    })
    expect(created.ok, JSON.stringify(created.error)).toBe(true)
    eventId = created.value?.[0]?.id ?? 0
    const booked = await apiCall(page, 'registrations:book', { eventId, newTrainees: [{ lastName: 'Lefèvre', firstName: 'Élodie' }, { lastName: 'Garçon', firstName: 'Zoé' }] })
    expect(booked.ok, JSON.stringify(booked.error)).toBe(true)
    await openDashboard()
    await expectText(count('no_result'), '2')
    await page.getByTestId('todo-no_result').getByRole('button', { name: /Information collective/ }).click()
    await page.waitForURL(new RegExp(`#/recrutement\\?session=${sessions[1]}&creneau=${eventId}$`))
    await expectText(page.getByTestId('registrations-title'), /Information collective/)
  })

  it('charts the undeclared KAIROS events by age and lists them in the to-do lists', async () => {
    await start(slot)
    const people = ['Bernard', 'Le Gall', 'Morvan']
    const ids: number[] = []
    for (const lastName of people) {
      const t = await apiCall<{ id: number }>(page, 'trainees:create', { lastName, firstName: 'Anne' })
      const e = await apiCall<{ id: number }>(page, 'enrolments:create', { sessionId: sessions[0], traineeId: t.value?.id, status: 'inscrit' })
      ids.push(e.value?.id ?? 0)
    }
    // Entries on three days: 35 days ago, 6 days ago, yesterday.
    for (const [i, age] of [35, 6, 1].entries()) {
      const r = await apiCall(page, 'enrolments:transition', { ids: [ids[i]], change: { to: 'entre', effectiveDate: addDays(today, -age) } })
      expect(r.ok, JSON.stringify(r.error)).toBe(true)
    }
    await openDashboard()
    const chart = page.getByTestId('declarations-by-age')
    await expectText(chart.getByTestId('age-0').locator('.age-chart__count'), '1')
    await expectText(chart.getByTestId('age-1').locator('.age-chart__count'), '1')
    await expectText(chart.getByTestId('age-2').locator('.age-chart__count'), '0')
    await expectText(chart.getByTestId('age-3').locator('.age-chart__count'), '1')
    const dash = await apiCall<Dashboard>(page, 'dashboard:get', {})
    const late = dash.value?.counters.find((c) => c.key === 'declarations_late')
    await expectText(count('declarations_late'), String(late?.count))
    await expectCount(page.getByTestId('todo-declarations_late').locator('.todo-item'), late?.items.length ?? 0)
    await page.getByTestId('todo-declarations_late').locator('.todo-item').first().click()
    await expectText(page.getByTestId('screen-title'), 'Inscriptions')
    // One line of a to-do list opens the grid on that one enrolment.
    await expectText(page.getByTestId('row-count'), '1 inscription')
    await openDashboard()
    await page.mouse.move(1, 1)
    await page.getByTestId('declarations-by-age').scrollIntoViewIfNeeded()
    await shot(page, 'issue4-dashboard-lists', { keepScroll: true })
    await chart.getByRole('link', { name: 'Voir les inscriptions concernées' }).click()
    await expectText(page.getByTestId('row-count'), '3 inscriptions')
  })

  it('refuses a date that does not exist and shows the day asked for', async () => {
    await start(entries)
    await openDashboard()
    await page.getByTestId('as-of-date').fill('31/02/2026')
    await page.getByTestId('as-of-form').getByRole('button', { name: 'Afficher' }).click()
    await expectText(page.getByTestId('as-of-form').getByRole('alert'), 'La date 31/02/2026 n\'existe pas.')
    const asOf = addDays(today, -10)
    await page.getByTestId('as-of-date').fill(formatDateFr(asOf))
    await page.getByTestId('as-of-date').press('Enter')
    await page.getByTestId('as-of-notice').waitFor()
    const then = await apiCall<Dashboard>(page, 'dashboard:get', { today: asOf })
    for (const c of then.value?.counters ?? []) await expectText(count(c.key), String(c.count))
    // A counter opened from that day computes its deadlines on that day.
    await page.getByTestId('counter-declarations_late').click()
    await expectText(page.getByTestId('screen-title'), 'Inscriptions')
    expect(new URL(page.url()).hash).toContain(`today=${asOf}`)
    await expectText(page.getByTestId('filter-today'), `Échéances au ${formatDateFr(asOf)}`)
  })
})
