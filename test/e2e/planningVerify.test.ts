import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { DocumentJob } from '@shared/api/areas/documents'
import type { SessionSchedule } from '@shared/api/areas/schedule'
import { formatCode } from '@shared/domain/verificationCode'
import { selectClerk } from '../../electron/main/services/clerks/clerkService'
import { E2E_NOW, launchBrowser, openApp, removeDir, startHost, type RunningHost } from '../helpers/browserHost'
import { fixedClock, serviceContext, tempDb } from '../helpers/tempDb'
import { pdfPages } from '../pdf/pdfText'
import { documentsWorld } from '../services/documentsWorld'
import { apiCall, expectText, shot, until } from './support'

/** Contains this text (expectText compares whole texts). */
const has = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))

/**
 * A session's « Planning » tab (its own fresh database): the Friday afternoon removed and a
 * subject typed for a Monday morning, saved; the week's sign-in sheet then prints them; the
 * generated PDF is checked in « Vérifier un document » (file, then a typed code, then a file
 * altered by one byte).
 */
describe('planning tab and document verification', () => {
  let host: RunningHost
  let browser: Browser
  let page: Page
  let errors: string[]
  let dir = ''
  let sessionId = 0

  beforeAll(async () => {
    const t = await tempDb()
    dir = t.dir
    const ctx = serviceContext(t.db, fixedClock(E2E_NOW))
    const w = documentsWorld(ctx)
    t.db.prepare("UPDATE organisation SET region_code = '53' WHERE id = 1").run()
    sessionId = w.sessionId
    w.trainees(sessionId, 4, '2026-09-07', 'KERHERVÉ')
    selectClerk(t.db, ctx.clock, 'Claire Martin')
    t.db.close()
    host = await startHost({ dbPath: t.path, dir: t.dir })
    browser = await launchBrowser()
    ;({ page, errors } = await openApp(browser, host.url))
    page.setDefaultTimeout(10_000)
    await page.getByTestId('screen-title').waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    if (dir) removeDir(dir)
  })

  it('edits the timetable and a subject, then verifies the generated sign-in sheet', async () => {
    await page.evaluate((id) => (window.location.hash = `#/sessions/${id}/planning`), sessionId)
    await page.getByTestId('session-planning').waitFor()
    await expectText(page.getByTestId('planning-week'), has('Déduit du rythme hebdomadaire'))
    await expectText(page.getByTestId('planning-total'), '35 h')
    // Friday: a morning only (3,5 h), Monday from 8h30.
    await page.getByTestId('planning-pmStart-5').fill('')
    await page.getByTestId('planning-pmEnd-5').fill('')
    await page.getByTestId('planning-amStart-1').fill('8h30')
    await expectText(page.getByTestId('planning-hours-5'), '3,5 h')
    await expectText(page.getByTestId('planning-total'), '32 h')
    // A half-day with one time only is not a timetable yet.
    await page.getByTestId('planning-pmEnd-2').fill('')
    await expectText(page.getByTestId('planning-problem'), has('Mardi après-midi : indiquez le début et la fin'))
    expect(await page.getByTestId('planning-save').isDisabled()).toBe(true)
    await page.getByTestId('planning-pmEnd-2').fill('25h')
    await expectText(page.getByTestId('planning-problem'), has('Mardi après-midi : heure « 25h » illisible'))
    await page.getByTestId('planning-pmEnd-2').fill('17:00')
    await page.getByTestId('planning-save').click()
    await expectText(page.getByTestId('planning-week'), has('Planning enregistré'))

    await page.getByTestId('planning-subjects-day').fill('2026-11-16')
    await page.getByTestId('planning-subject-2026-11-16-am').fill('Module 2 – classement et archivage')
    expect(await page.getByTestId('planning-subject-2026-11-20-pm').count()).toBe(0)
    await page.getByTestId('planning-subjects-save').click()
    await expectText(page.getByTestId('planning-subjects'), has('Tous les sujets de la session (1)'))
    await shot(page, 'issue11-planning-tab')
    const saved = await apiCall<SessionSchedule>(page, 'sessions:schedule', { sessionId })
    expect(saved.value?.week[0]?.am).toEqual({ start: '08:30', end: '12:30' })
    expect(saved.value?.week[4]).toEqual({ am: { start: '09:00', end: '12:30' }, pm: null })
    expect(saved.value?.weeklyHours).toEqual([7.5, 7, 7, 7, 3.5, 0, 0])

    // The week's sign-in sheet prints them.
    const started = await apiCall<DocumentJob>(page, 'documents:generate', { kind: 'emargement', sessionId, period: '2026-11-16' })
    expect(started.ok).toBe(true)
    const job = await until(
      async () => (await apiCall<DocumentJob>(page, 'documents:job', { jobId: started.value?.id })).value,
      (j) => j?.state !== 'running',
      'the sign-in sheet'
    )
    const doc = job?.documents[0]
    expect(doc?.verificationCode).toMatch(/^[A-Z2-7]{10}$/)
    const bytes = readFileSync(doc?.path ?? '')
    const text = (await pdfPages(bytes)).join('\n').replace(/\s+/g, ' ')
    expect(text).toContain('Module 2 – classement et archivage')
    expect(text).toContain('8h30–12h30')
    expect(text).toContain(`Code de vérification ${formatCode(doc?.verificationCode ?? '')}`)

    // « Vérifier un document »: the file, then its code typed from the paper copy.
    await page.evaluate(() => (window.location.hash = '#/documents'))
    await expectText(page.getByTestId('screen-title'), has('Documents'))
    await page.getByTestId('documents-verify').click()
    const dialog = page.locator('dialog[open][data-testid="verify-dialog"]')
    await dialog.waitFor()
    await dialog.getByTestId('verify-file').setInputFiles({ name: 'feuille.pdf', mimeType: 'application/pdf', buffer: bytes })
    await dialog.getByTestId('verify-run').click()
    await expectText(dialog.getByTestId('verify-result'), has("Document authentique : Feuille d'émargement"))
    await expectText(dialog.getByTestId('verify-result'), has('identique à l’original'))
    await shot(page, 'issue11-verify-ok')

    const altered = Buffer.from(bytes)
    const at = altered.indexOf('stream') + 30
    altered[at] = (altered[at] ?? 0) ^ 0xff
    await dialog.getByTestId('verify-file').setInputFiles({ name: 'feuille-modifiée.pdf', mimeType: 'application/pdf', buffer: altered })
    await dialog.getByTestId('verify-run').click()
    await expectText(dialog.getByTestId('verify-result'), has('Document ALTÉRÉ'))
    await shot(page, 'issue11-verify-altered')

    await dialog.getByTestId('verify-file').setInputFiles([])
    await dialog.getByTestId('verify-code').fill(formatCode(doc?.verificationCode ?? '').toLowerCase())
    await dialog.getByTestId('verify-run').click()
    await expectText(dialog.getByTestId('verify-result'), has('code reconnu'))
    await dialog.getByTestId('verify-code').fill('pas un code')
    await dialog.getByTestId('verify-run').click()
    await expectText(dialog.getByTestId('verify-error'), has('Code de vérification invalide'))
    expect(errors).toEqual([])
  })
})
