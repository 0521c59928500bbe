import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { AttendanceMonthGrid } from '@shared/api/areas/attendance'
import { e2eWorld } from '../helpers/e2eWorld'
import { attendanceWorld } from '../services/attendanceWorld'
import { apiCall, cell, expectText, revealDay, shot, until } from './support'

/**
 * « Assiduité mensuelle » with a real backend: a session of 30 trainees (one entering mid-month),
 * a 30 × 20 block pasted from tab-separated text (weekends blank, a few unreadable or refused
 * cells), the refused cells listed, undo and redo, a reload showing the saved values and totals,
 * copy as TSV, fill down, then an attested month (October: its 25th has passed) with its cells
 * locked. Each test opens its own host and page on a copy of the same 30-trainee database.
 */
const NOVEMBER = '2026-11'
const LATE = 5 // the sixth trainee enters on 16/11
/** 2 December 2026: November and October can be attested (their 25th has passed), December not yet. */
const NOW = '2026-12-02T09:00:00.000Z'

describe('attendance month grid', () => {
  const w = e2eWorld({ now: NOW })
  const thirty = w.template('thirty trainees', async ({ ctx, call }) => {
    const world = attendanceWorld(ctx, NOW.slice(0, 10))
    const sessionId = world.session({ label: 'Développeur web — Lyon' })
    for (let i = 0; i < 30; i++) {
      const name = `STAGIAIRE ${String(i + 1).padStart(2, '0')}`
      world.trainee(sessionId, name, 'Alex', i === LATE ? '2026-11-16' : '2026-09-07', `${String(1000000 + i)}${String.fromCharCode(65 + (i % 26))}`)
    }
    const g = await call<AttendanceMonthGrid>('attendance:month', { month: NOVEMBER, sessionId })
    return { sessionId, rowIds: g.rows.map((r) => String(r.enrolmentId)) }
  })
  let page: Page
  let sessionId = 0
  let rowIds: string[] = []

  /** This test's own host and page, on a fresh copy of the 30 trainees. */
  async function start(): Promise<void> {
    const opened = await w.open(thirty)
    ;({ page } = opened)
    ;({ sessionId, rowIds } = opened.data)
    expect(rowIds).toHaveLength(30)
    await page.getByTestId('screen-title').waitFor()
  }

  const grid = (): Locator => page.getByTestId('attendance-grid')
  const status = (): Locator => page.getByTestId('save-status')
  const text = async (row: number, col: string): Promise<string> => ((await cell(page, rowIds[row] ?? '', col).textContent()) ?? '').trim()

  async function open(month: string, rows = 30): Promise<void> {
    await page.evaluate(({ month, sessionId }) => (window.location.hash = `#/assiduite?mois=${month}&session=${sessionId}`), { month, sessionId })
    await until(() => grid().getAttribute('data-rows'), (n) => n === String(rows), 'grid rows')
    await reveal(1)
    await cell(page, rowIds[0] ?? '', 'd2').waitFor()
  }
  /** Day columns are virtualised: scroll the grid so that day `day` is rendered. */
  async function reveal(day: number): Promise<void> {
    await revealDay(page, day)
    await page.waitForTimeout(100)
  }
  async function pasteText(tsv: string): Promise<void> {
    await page.evaluate((data) => {
      const dt = new DataTransfer()
      dt.setData('text/plain', data)
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
    }, tsv)
  }
  async function saved(): Promise<void> {
    await until(async () => (await status().textContent()) ?? '', (t) => /Enregistr|Annulation enregistrée/.test(t) && !t.includes('…'), 'saved status')
  }

  /** Days 2..21 (Monday 2 to Saturday 21) for the 30 rows: 7 on weekdays, blank on weekends, a few odd cells. */
  async function pasteNovember(): Promise<void> {
    const days = Array.from({ length: 20 }, (_, j) => j + 2)
    const weekend = (d: number): boolean => [7, 8, 14, 15, 21].includes(d)
    const lines = Array.from({ length: 30 }, (_, i) =>
      days
        .map((d) => {
          if (weekend(d)) return ''
          if (i === 2 && d === 3) return 'abc'
          if (i === 3 && d === 4) return '9'
          if (i === 6 && d === 5) return 'aj'
          if (i === 7 && d === 6) return '3,5 RDV'
          if (i === 8 && d === 9) return 'ANJ'
          return i % 4 === 1 ? '7h00' : '7'
        })
        .join('\t')
    )
    await cell(page, rowIds[0] ?? '', 'd2').click()
    await pasteText(`${lines.join('\r\n')}\r\n`)
    await saved()
  }

  it('pastes a 30 × 20 block, lists the refused cells, undoes and redoes', async () => {
    await start()
    await open(NOVEMBER)
    await expectText(page.getByTestId('month-label'), 'novembre 2026')
    await shot(page, 'issue5-empty')

    await pasteNovember()

    const problems = page.getByTestId('attendance-problems')
    await problems.waitFor()
    await expect(problems.textContent()).resolves.toContain('abc')
    await expect(problems.textContent()).resolves.toContain('Code inconnu')
    await expect(problems.textContent()).resolves.toContain('prévues au planning')
    await expect(problems.textContent()).resolves.toContain('avant l’entrée en formation')
    expect(await text(0, 'd2')).toBe('7')
    expect(await text(6, 'd5')).toBe('AJ')
    expect(await text(7, 'd6')).toBe('3,5 RDV')
    expect(await text(2, 'd3')).toBe('')
    expect(await text(3, 'd4')).toBe('')
    expect(await text(LATE, 'd2')).toBe('')
    expect(await text(LATE, 'd16')).toBe('7')
    await expect(cell(page, rowIds[2] ?? '', 'd3').getAttribute('class')).resolves.toContain('att-rejected')
    await expect(cell(page, rowIds[LATE] ?? '', 'd3').getAttribute('class')).resolves.toContain('att-locked')
    await expect(cell(page, rowIds[6] ?? '', 'd5').locator('.att-chip--justified').count()).resolves.toBe(1)
    await expect(cell(page, rowIds[8] ?? '', 'd9').locator('.att-chip--unjustified').count()).resolves.toBe(1)
    await shot(page, 'issue5-paste')

    // Undo: the whole paste goes back in one save; redo puts it back.
    await page.getByTestId('undo').click()
    await saved()
    await until(() => text(0, 'd2'), (t) => t === '', 'undone cell')
    expect(await text(6, 'd5')).toBe('')
    await page.getByTestId('redo').click()
    await saved()
    await until(() => text(0, 'd2'), (t) => t === '7', 'redone cell')
    expect(await text(7, 'd6')).toBe('3,5 RDV')

    // Keyboard: Ctrl+Z / Ctrl+Y from a focused cell.
    await cell(page, rowIds[0] ?? '', 'd2').click()
    await page.keyboard.press('Control+z')
    await until(() => text(0, 'd2'), (t) => t === '', 'undone by Ctrl+Z')
    await page.keyboard.press('Control+y')
    await until(() => text(0, 'd2'), (t) => t === '7', 'redone by Ctrl+Y')
  })

  it('types, fills down, copies as TSV, and keeps everything after a reload', async () => {
    await start()
    await open(NOVEMBER)
    await pasteNovember()
    // Type to replace: 7,5 is above the planning (refused), 3,5 rdv is accepted.
    await reveal(22)
    await cell(page, rowIds[0] ?? '', 'd24').click()
    await page.keyboard.type('7,5')
    await page.keyboard.press('Enter')
    await page.getByTestId('toast-error').filter({ hasText: 'prévues au planning' }).waitFor()
    expect(await text(0, 'd24')).toBe('')
    await cell(page, rowIds[0] ?? '', 'd23').click()
    await page.keyboard.type('3,5 rdv')
    await page.keyboard.press('Enter')
    await until(() => text(0, 'd23'), (t) => t === '3,5 RDV', 'typed partial absence')

    // Fill down: select d23 of rows 0..3 (click, Shift+click), Ctrl+D.
    await cell(page, rowIds[0] ?? '', 'd23').click()
    await cell(page, rowIds[3] ?? '', 'd23').click({ modifiers: ['Shift'] })
    await expectText(page.getByTestId('selection-info'), /^4 × 1 = 4 cellules/)
    await page.keyboard.press('Control+d')
    await until(() => text(3, 'd23'), (t) => t === '3,5 RDV', 'filled down')

    // Copy a 2 × 3 block as TSV (the copy event's clipboard data).
    await reveal(1)
    await cell(page, rowIds[0] ?? '', 'd2').click()
    await cell(page, rowIds[1] ?? '', 'd4').click({ modifiers: ['Shift'] })
    await expectText(page.getByTestId('selection-info'), /^2 × 3 = 6 cellules/)
    const copied = await page.evaluate(() => {
      const dt = new DataTransfer()
      document.activeElement?.dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }))
      return dt.getData('text/plain')
    })
    expect(copied).toBe('7\t7\t7\r\n7\t7\t7\r\n')

    // Delete clears the selection.
    await cell(page, rowIds[10] ?? '', 'd2').click()
    await cell(page, rowIds[10] ?? '', 'd3').click({ modifiers: ['Shift'] })
    await expectText(page.getByTestId('selection-info'), /^1 × 2 = 2 cellules/)
    await page.keyboard.press('Delete')
    await until(() => text(10, 'd3'), (t) => t === '', 'cleared')

    await page.reload()
    await until(() => grid().getAttribute('data-rows'), (n) => n === '30', 'grid rows after reload')
    await cell(page, rowIds[0] ?? '', 'd2').waitFor()
    expect(await text(0, 'd2')).toBe('7')
    expect(await text(10, 'd2')).toBe('')
    expect(await text(6, 'd5')).toBe('AJ')
    await reveal(22)
    await cell(page, rowIds[0] ?? '', 'd23').waitFor()
    expect(await text(0, 'd23')).toBe('3,5 RDV')
    // Row 0: 14 weekdays × 7 h (11/11 is a holiday) + 3,5 h = 101,5 h; RDV 3,5 h of absence.
    await reveal(60)
    await cell(page, rowIds[0] ?? '', 'attended').waitFor()
    expect(await text(0, 'attended')).toBe('101,5')
    expect(await text(0, 'abs-RDV')).toBe('3,5')
    await shot(page, 'issue5-reloaded')
  }, 120_000)

  it('selects with Shift+arrows from the focused cell, also right after plain arrows', async () => {
    await start()
    await open(NOVEMBER)
    const info = (): Locator => page.getByTestId('selection-info')
    for (let round = 0; round < 6; round++) {
      const r = round * 2
      await cell(page, rowIds[r] ?? '', 'd2').click()
      await page.keyboard.press('Shift+ArrowRight')
      await page.keyboard.press('Shift+ArrowRight')
      await page.keyboard.press('Shift+ArrowDown')
      await expectText(info(), /^2 × 3 = 6 cellules/)
      // Plain arrows move the focus from the selection's end; Shift+arrows start again there.
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Shift+ArrowLeft')
      await expectText(info(), /^1 × 2 = 2 cellules/)
      await page.keyboard.press('Shift+ArrowUp')
      await expectText(info(), /^2 × 2 = 4 cellules/)
      // Exactly that block is shown selected: rows r+2 and r+3, days 3 and 4.
      const shown = (): Promise<string[]> =>
        page.evaluate(() => [...document.querySelectorAll('[data-testid="attendance-grid"] .att-sel')].map((c) => `${c.closest('[row-index]')?.getAttribute('row-index')}:${c.getAttribute('col-id')}`).sort())
      await until(shown, (cells) => cells.join(' ') === [`${r + 2}:d3`, `${r + 2}:d4`, `${r + 3}:d3`, `${r + 3}:d4`].sort().join(' '), `selected cells of round ${round}`)
      // Shift+click extends from the same anchor (row r+3, day 4), and Shift+arrows go on from the clicked cell.
      await cell(page, rowIds[r + 3] ?? '', 'd6').click({ modifiers: ['Shift'] })
      await expectText(info(), /^1 × 3 = 3 cellules/)
      await page.keyboard.press('Shift+ArrowUp')
      await expectText(info(), /^2 × 3 = 6 cellules/)
    }
    // Typing after an arrow move edits the cell the move reached.
    await cell(page, rowIds[1] ?? '', 'd4').click()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.type('6')
    await page.keyboard.press('Enter')
    await until(() => text(1, 'd5'), (t) => t === '6', 'typed after an arrow move')
    expect(await text(1, 'd4')).not.toBe('6')
  })

  it('attests October (its 25th has passed): the cells are locked', async () => {
    await start()
    await open(NOVEMBER)
    // On 2 December, December cannot be attested yet (it opens on the 25th).
    await page.getByTestId('month-next').click()
    await expectText(page.getByTestId('month-label'), 'décembre 2026')
    await until(() => page.getByTestId('attendance-attest').isDisabled(), (d) => d, 'december attestation disabled')
    await page.getByTestId('month-prev').click()
    await expectText(page.getByTestId('month-label'), 'novembre 2026')
    await page.getByTestId('month-prev').click()
    await expectText(page.getByTestId('month-label'), 'octobre 2026')
    // The trainee entering on 16/11 has no October row.
    await until(() => grid().getAttribute('data-rows'), (n) => n === '29', 'october rows')
    await page.getByTestId('attendance-prefill').click()
    await saved()
    await until(() => text(0, 'd1'), (t) => t === '7', 'prefilled October')
    // Attesting asks first, showing the month's totals from the hours ledger: 22 weekdays × 7 h × 29.
    await page.getByTestId('attendance-attest').click()
    const dialog = page.getByTestId('attest-dialog')
    await dialog.waitFor()
    const totals = dialog.getByTestId('attest-totals')
    await expectText(totals.locator('tr[data-line="scheduled"]'), /Heures prévues au planning du mois\s*4\s?466 h/)
    await expectText(totals.locator('tr[data-line="attended"]'), /Heures réalisées en centre\s*4\s?466 h/)
    await expectText(totals.locator('tr[data-line="unrecorded"]'), /Jours prévus sans saisie\s*0 h/)
    await expectText(dialog, /Session « Développeur web — Lyon », 29 stagiaires/)
    await shot(page, 'issue11-attest-dialog')
    // Cancel changes nothing; confirm attests.
    await dialog.getByRole('button', { name: 'Annuler' }).click()
    await until(() => dialog.isVisible(), (v) => !v, 'dialog closed')
    await expectText(page.getByTestId('attendance-banner'), /Mois à attester/)
    await page.getByTestId('attendance-attest').click()
    await page.getByTestId('attest-confirm').click()
    await expectText(page.getByTestId('attendance-banner'), /Mois attesté le \d\d\/\d\d\/\d{4} à \d\d:\d\d par Claire Martin/)
    await until(() => cell(page, rowIds[0] ?? '', 'd1').getAttribute('class'), (c) => (c ?? '').includes('att-locked'), 'locked cell')
    // Typing on a locked day says why.
    await cell(page, rowIds[0] ?? '', 'd1').click()
    await page.keyboard.type('5')
    await page.getByTestId('toast-info').filter({ hasText: 'déjà attesté' }).waitFor()
    expect(await text(0, 'd1')).toBe('7')
    await shot(page, 'issue5-attested')

    // Unlock with a reason.
    await page.getByTestId('attendance-unlock').click()
    await page.getByTestId('unlock-reason').fill('Erreur de saisie signalée par le stagiaire')
    await page.getByTestId('unlock-confirm').click()
    await page.getByTestId('attendance-attest').waitFor()
    await until(() => cell(page, rowIds[0] ?? '', 'd1').getAttribute('class'), (c) => !(c ?? '').includes('att-locked'), 'unlocked cell')
  })

  it('December on 2 December: a future day is refused, the fill stops at today and says what it filled', async () => {
    await start()
    await open('2026-12')
    await expectText(page.getByTestId('month-label'), 'décembre 2026')
    await expect(cell(page, rowIds[0] ?? '', 'd3').getAttribute('class')).resolves.toContain('att-future')
    await expect(cell(page, rowIds[0] ?? '', 'd2').getAttribute('class')).resolves.not.toContain('att-locked')
    // Typing on a future day says why nothing happens.
    await cell(page, rowIds[0] ?? '', 'd3').click()
    await page.keyboard.type('7')
    await page.getByTestId('toast-info').filter({ hasText: 'Le jeudi 03/12 n’est pas encore passé' }).waitFor()
    expect(await text(0, 'd3')).toBe('')
    // A paste over today and tomorrow: today is saved, tomorrow refused with the reason (by the service).
    await cell(page, rowIds[1] ?? '', 'd2').click()
    await pasteText('7\t7\r\n')
    await saved()
    await expectText(page.getByTestId('attendance-problems'), /STAGIAIRE 02 Alex.*03\/12.*n’est pas encore passé/)
    expect(await text(1, 'd2')).toBe('7')
    expect(await text(1, 'd3')).toBe('')
    await shot(page, 'issue11-future-refused')
    // A cell emptied on purpose stays empty after the fill.
    await cell(page, rowIds[2] ?? '', 'd1').click()
    await page.keyboard.type('7')
    await page.keyboard.press('Enter')
    await until(() => text(2, 'd1'), (t) => t === '7', 'typed')
    await cell(page, rowIds[2] ?? '', 'd1').click()
    await page.keyboard.press('Delete')
    await until(() => text(2, 'd1'), (t) => t === '', 'cleared')

    // The fill: 1 and 2 December for 30 trainees, minus row 1's 2nd (typed) and row 2's 1st (emptied).
    await page.getByTestId('attendance-prefill').click()
    await page.getByTestId('toast-success').filter({ hasText: '58 jours remplis, 406 h (30 stagiaires), selon le planning jusqu’au 02/12/2026.' }).waitFor()
    await until(() => text(0, 'd1'), (t) => t === '7', 'prefilled 1 December')
    expect(await text(0, 'd2')).toBe('7')
    expect(await text(0, 'd3')).toBe('')
    expect(await text(2, 'd1')).toBe('')
    expect(await text(2, 'd2')).toBe('7')
    // Nothing left: the fill says so.
    await page.getByTestId('attendance-prefill').click()
    await page.getByTestId('toast-info').filter({ hasText: 'Aucun jour à remplir' }).waitFor()
    const g = await apiCall<AttendanceMonthGrid>(page, 'attendance:month', { month: '2026-12', sessionId })
    expect(g.value?.totals).toMatchObject({ attendedHours: 420 - 7, plannedHours: 420, unrecordedHours: 7 })
    await shot(page, 'issue11-prefill-december')
  })

  it('opens on one session: the month’s first, then the one last chosen; « Toutes les sessions » is session=toutes', async () => {
    await start()
    // An earlier session of the same training, without trainees: the first of November's picker.
    const detail = await apiCall<{ trainingId: number }>(page, 'sessions:get', { id: sessionId })
    const other = await apiCall<{ id: number }>(page, 'sessions:create', { trainingId: detail.value?.trainingId, label: 'Session vide', startDate: '2026-08-31', endDate: '2027-01-29' })
    const emptyId = other.value?.id ?? 0
    const hash = (): Promise<string> => page.evaluate(() => window.location.hash)
    await page.evaluate(() => (window.location.hash = '#/assiduite?mois=2026-11'))
    await until(hash, (h) => h === `#/assiduite?mois=2026-11&session=${emptyId}`, 'first session chosen')
    await until(() => grid().getAttribute('data-rows'), (n) => n === '0', 'empty session')
    await page.getByTestId('attendance-session').selectOption(String(sessionId))
    await until(() => grid().getAttribute('data-rows'), (n) => n === '30', 'chosen session')
    await page.getByTestId('attendance-session').selectOption('')
    await until(hash, (h) => h === '#/assiduite?mois=2026-11&session=toutes', 'every session')
    await until(() => grid().getAttribute('data-rows'), (n) => n === '30', 'every session’s rows')
    // Back without a session: the one last chosen (not « toutes », not the month's first).
    await page.evaluate(() => (window.location.hash = '#/'))
    await page.evaluate(() => (window.location.hash = '#/assiduite?mois=2026-11'))
    await until(hash, (h) => h === `#/assiduite?mois=2026-11&session=${sessionId}`, 'last session chosen')
    await until(() => grid().getAttribute('data-rows'), (n) => n === '30', 'its rows')
  })
})
