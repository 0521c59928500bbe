import { describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { SCREENS } from '../../renderer/src/app/screens'
import { E2E_NOW } from '../helpers/browserHost'
import { e2eWorld } from '../helpers/e2eWorld'
import { apiCall, expectText, shot } from './support'
import { blockedElements, settle } from './viewportChecks'

/**
 * Every screen on the demo data at the three screen sizes a clerk has (a 13" laptop, a 14"
 * laptop, a desktop monitor): each grid's last row, once the grid is scrolled to its bottom, and
 * each primary button are inside the window and not covered by anything (a pinned column, a
 * banner, a scrollbar). Screenshots in /tmp/shots/viewport-<size>-<screen>.png.
 */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 }
]

describe('layouts that fit a laptop screen', () => {
  // Scrollbars that take room, as on the clerks' Windows PCs: a last row hidden under one is found.
  const w = e2eWorld({ timeout: 20_000, showScrollbars: true })
  const demo = w.template('demo data', async ({ call }) => {
    await call('demo:generate', { seed: 7 })
  })

  it('shows every grid’s last row and every primary button at 1366×768, 1440×900 and 1920×1080', async () => {
    const { page: first, host } = await w.open(demo)
    await first.getByTestId('screen-title').waitFor()
    // One session page too, with its grid tabs under the session's header.
    const sessions = await apiCall<{ id: number }[]>(first, 'sessions:list', {})
    const sessionId = sessions.value?.[0]?.id
    const sessionTabs = ['synthese', 'recrutement', 'inscrits', 'assiduite', 'bilans', 'devis']
    const targets = [
      ...SCREENS.map((s) => ({ id: s.id, hash: `#${s.path}`, title: s.title })),
      ...(sessionId ? sessionTabs.map((tab) => ({ id: `session-${tab}`, hash: `#/sessions/${sessionId}/${tab}`, title: 'Formations & sessions' })) : [])
    ]
    const browser = first.context().browser() as Browser
    const problems: string[] = []
    const checked: string[] = []
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size, locale: 'fr-FR', timezoneId: 'Europe/Paris' })
      await context.clock.setFixedTime(new Date(E2E_NOW))
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      page.setDefaultTimeout(20_000)
      await page.goto(host.url)
      await page.getByTestId('screen-title').waitFor()
      for (const t of targets) {
        await page.evaluate((h) => (window.location.hash = h), t.hash)
        await expectText(page.getByTestId('screen-title'), t.title, 20_000)
        const unsettled = await settle(page)
        if (unsettled) problems.push(`${size.width}×${size.height} ${t.id}: ${unsettled}`)
        const { blocked, grids } = await blockedElements(page)
        checked.push(`${size.width}×${size.height} ${t.id}: ${grids.map((g) => `${g.name} ${g.rows} rows, last n° ${g.lastRow ?? '-'} (${g.cells ?? 0} cells)`).join('; ') || 'no grid'}`)
        await shot(page, `viewport-${size.width}x${size.height}-${t.id}`, { keepScroll: true })
        for (const b of blocked) problems.push(`${size.width}×${size.height} ${t.id}: ${b.what} (${b.why})`)
      }
      expect(errors, `browser errors at ${size.width}×${size.height}`).toEqual([])
      await context.close()
    }
    if (process.env.PASSERELLE_VIEWPORT_TRACE) process.stderr.write(`${checked.join('\n')}\n`)
    // The grid screens were really looked at (a selector gone stale would pass everything).
    for (const id of ['trainings', 'recruitment', 'enrolments', 'attendance', 'trainees', 'quotes', 'history']) {
      expect(checked.filter((c) => c.includes(` ${id}: `) && / last n° \d+ \([1-9]/.test(c)), `${id}: a grid's last row checked at each size`).toHaveLength(SIZES.length)
    }
    expect(problems).toEqual([])
  }, 480_000)
})

