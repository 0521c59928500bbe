import { describe, expect, it } from 'vitest'
import { e2eWorld } from '../helpers/e2eWorld'
import { documentsWorld } from '../services/documentsWorld'
import { expectCount, expectText, shot, weekdays } from './support'

/*
 * « Contrôle avant facturation » of a session, on 26 November 2026: one trainee whose pieces all
 * agree, one with days present after her exit, a month not attested and no certificat de
 * réalisation. The panel lists her differences with links; a link opens the attendance of the
 * month and session to fix; a session where everything agrees says so.
 */

describe('consistency panel', () => {
  const w = e2eWorld()
  const world = w.template('consistency', ({ ctx, db }) => {
    const d = documentsWorld(ctx)
    const clean = d.trainee(d.sessionId, 'Bernard', 'Lucie', '2026-11-02')
    d.attend(clean, weekdays('2026-11-02', '2026-11-25').map((day): [string, number, null] => [day, 7, null]))
    const other = d.session({ label: 'SA Vannes – novembre 2026', startDate: '2026-11-02' })
    const gwen = d.trainee(other, 'Le Floch', 'Gwenaëlle', '2026-11-02')
    d.attend(gwen, [...weekdays('2026-11-02', '2026-11-20').map((day): [string, number, null] => [day, 7, null]), ['2026-11-23', 7, null]])
    d.move([gwen], { to: 'sorti', effectiveDate: '2026-11-20', reasonCode: 'fin_prevue' })
    db.prepare("UPDATE enrolment_event SET kairos_declared_on = effective_date, kairos_declared_by = 'test' WHERE requires_declaration = 1").run()
    db.prepare("INSERT INTO attendance_month (enrolment_id, month, attested_at, attested_by) VALUES (?, '2026-11', '2026-11-25T16:00:00Z', 'Claire Martin')").run(clean)
    return { cleanSession: d.sessionId, other }
  })

  it('lists each difference per trainee with a link to where it is fixed', async () => {
    const { page, data } = await w.open(world, { hash: (s) => `#/sessions/${s.other}/controle` })
    const panel = page.getByTestId('consistency-panel')
    await expectText(panel.getByTestId('consistency-summary'), 'Au 26/11/2026 · 1 stagiaire contrôlé · 3 écarts')
    const rows = panel.getByTestId('consistency-row')
    await expectCount(rows, 3)
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')))).toEqual(['certificate_missing', 'presence_outside', 'month_not_attested'])
    await expectText(rows.first(), /^LE FLOCH Gwenaëlle/)
    await expectText(rows.nth(1), /Des heures sont saisies en dehors de la période d’entrée–sortie : 23\/11\/2026\./)
    await shot(page, 'issue14-consistency-panel')
    await rows.nth(1).getByTestId('consistency-fix').click()
    await expectText(page.getByTestId('screen-title'), 'Assiduité mensuelle')
    expect(new URL(page.url()).hash).toBe(`#/assiduite?mois=2026-11&session=${data.other}`)
    await page.getByTestId('month-label').filter({ hasText: 'novembre 2026' }).waitFor()
  })

  it('says so when everything agrees', async () => {
    const { page } = await w.open(world, { hash: (s) => `#/sessions/${s.cleanSession}` })
    await page.getByTestId('session-tab-controle').click()
    await expectText(page.getByTestId('consistency-summary'), 'Au 26/11/2026 · 1 stagiaire contrôlé · aucun écart')
    await expectText(page.getByTestId('consistency-ok'), /Tout concorde/)
    await expectCount(page.getByTestId('consistency-row'), 0)
  })
})
