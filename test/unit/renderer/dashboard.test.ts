import { describe, expect, it } from 'vitest'
import type { CounterTarget, DashboardCounter } from '@shared/api/areas/dashboard'
import { barWidths, counterOrder, recruitmentEventPath, splitLabel, targetAction } from '../../../renderer/src/features/dashboard/dashboardTargets'

const counter = (key: DashboardCounter['key'], severity: DashboardCounter['severity']): DashboardCounter => ({
  key,
  label: key,
  count: severity === 'ok' ? 0 : 1,
  severity,
  target: { screen: 'enrolments', filter: {} },
  items: []
})

describe('dashboard targets', () => {
  it('opens the enrolments grid on exactly the counter’s filter', () => {
    expect(targetAction({ screen: 'enrolments', filter: { declaration: 'en_retard', today: '2026-11-22' } })).toEqual({
      kind: 'path',
      path: '/inscriptions?declaration=en_retard&today=2026-11-22'
    })
    expect(targetAction({ screen: 'enrolments', filter: { statuses: ['inscrit'], entry: 'a_faire', sessionId: 4, today: '2026-11-22' } })).toEqual({
      kind: 'path',
      path: '/inscriptions?statuses=inscrit&sessionId=4&entry=a_faire&today=2026-11-22'
    })
  })

  it('opens one session or one slot, and lists several in a panel', () => {
    expect(targetAction({ screen: 'sessions', filter: { ids: [7] } })).toEqual({ kind: 'path', path: '/sessions/7' })
    expect(targetAction({ screen: 'sessions', filter: { ids: [7, 8] } }).kind).toBe('panel')
    expect(targetAction({ screen: 'recruitment', filter: { eventIds: [12] } })).toEqual({ kind: 'event', eventId: 12 })
    expect(targetAction({ screen: 'recruitment', filter: { sessionIds: [3] } })).toEqual({ kind: 'path', path: '/recrutement?session=3' })
    expect(targetAction({ screen: 'recruitment', filter: { eventIds: [12, 13] } }).kind).toBe('panel')
    expect(recruitmentEventPath(3, 12)).toBe('/recrutement?session=3&creneau=12')
  })

  it('opens the monthly attendance of one session', () => {
    expect(targetAction({ screen: 'attendance', filter: { month: '2026-10', sessionIds: [4] } })).toEqual({ kind: 'path', path: '/assiduite?mois=2026-10&session=4' })
    expect(targetAction({ screen: 'attendance', filter: { month: '2026-11', sessionIds: [] } })).toEqual({ kind: 'path', path: '/assiduite?mois=2026-11' })
  })

  it('lists the rows of the screens not built yet, and of several sessions', () => {
    const targets: CounterTarget[] = [
      { screen: 'attendance', filter: { month: '2026-10', sessionIds: [1, 2] } },
      { screen: 'exitReports', filter: { enrolmentIds: [1] } }
    ]
    for (const t of targets) {
      const a = targetAction(t)
      expect(a.kind).toBe('panel')
      if (a.kind === 'panel') expect(a.note).toMatch(/prochaine version|chaque session/)
    }
  })

  it('opens the quotes grid on the quotes counted', () => {
    const a = targetAction({ screen: 'quotes', filter: { ids: [1, 2] } })
    expect(a.kind === 'path' && a.path.startsWith('/devis-factures')).toBe(true)
  })

  it('puts late lists first, then those to do, keeping the server order within each', () => {
    const order = counterOrder([counter('entries_todo', 'todo'), counter('entries_late', 'ok'), counter('declarations_late', 'late'), counter('to_validate', 'todo')])
    expect(order.map((c) => c.key)).toEqual(['declarations_late', 'entries_todo', 'to_validate', 'entries_late'])
  })

  it('splits a counter label into a title and its detail', () => {
    expect(splitLabel('Entrées en retard (session commencée, délai de 3 jours dépassé)', 'x')).toEqual({
      title: 'Entrées en retard',
      detail: 'Session commencée, délai de 3 jours dépassé'
    })
    expect(splitLabel('Devis AIF en attente de réponse', 'Déposés')).toEqual({ title: 'Devis AIF en attente de réponse', detail: 'Déposés' })
  })

  it('scales the bars of the age chart to the largest bucket, a small one still visible', () => {
    expect(barWidths([{ count: 0 }, { count: 0 }])).toEqual([0, 0])
    expect(barWidths([{ count: 50 }, { count: 1 }, { count: 0 }, { count: 25 }])).toEqual([100, 4, 0, 50])
  })
})
