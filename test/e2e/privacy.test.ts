import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Download } from 'playwright-core'
import type { Trainee } from '@shared/api/areas/trainees'
import { e2eWorld } from '../helpers/e2eWorld'
import { apiCall, cell, expectCount, expectText, goTo, rowIdOf, shot } from './support'

/*
 * Personal data (RGPD): the dashboard's reminder leads to the anonymisation list in Paramètres, the
 * clerk confirms, the people become « Personne anonymisée »; a trainee's data downloads from the
 * trainee dialog. The clock is pinned (E2E_NOW, 26/11/2026): the retention cutoff is 26/11/2020.
 */
describe('personal data (RGPD)', () => {
  const w = e2eWorld()
  const people = w.template('people past retention', async ({ call, db }) => {
    const create = (lastName: string, firstName: string, email: string) => call<Trainee>('trainees:create', { lastName, firstName, email, phone: '06 11 22 33 44' })
    const old1 = await create('ANCIEN', 'Gaspard', 'gaspard.ancien@exemple.fr')
    const old2 = await create('VIEUXBOIS', 'Léonie', 'leonie.vieuxbois@exemple.fr')
    const recent = await create('RÉCENT', 'Noé', 'noe.recent@exemple.fr')
    // Entered long ago, nothing since (no booking, no enrolment): past the 6 years.
    const backdate = db.prepare('UPDATE trainee SET created_at = ? WHERE id = ?')
    backdate.run('2018-03-01T09:00:00.000Z', old1.id)
    backdate.run('2019-06-15T09:00:00.000Z', old2.id)
    return { old: [old1.id, old2.id], recent: recent.id }
  })

  it('reminds on the dashboard, lists who before confirming, then anonymises exactly them', async () => {
    const { page, data } = await w.open(people)
    await expectText(page.getByTestId('screen-title'), 'Tableau de bord')
    const reminder = page.getByTestId('privacy-reminder')
    await expectText(reminder, /^2 personnes à anonymiser : sans activité depuis plus de 6 ans/)
    await shot(page, 'privacy-dashboard-reminder')

    await reminder.getByTestId('privacy-reminder-link').click()
    await expectText(page.getByTestId('screen-title'), 'Paramètres')
    const panel = page.getByTestId('anonymise-panel')
    expect(await panel.getByTestId('anonymise-before').inputValue()).toBe('26/11/2020')
    await expectText(panel.getByTestId('anonymise-count'), '2 personnes sans activité depuis le 26/11/2020.')
    const rows = panel.getByTestId('anonymise-row')
    await expectCount(rows, 2)
    await expectText(rows.nth(0), /^ANCIEN Gaspard01\/03\/20180$/)
    await expectText(rows.nth(1), /^VIEUXBOIS Léonie15\/06\/20190$/)
    await page.getByTestId('privacy-card').scrollIntoViewIfNeeded()
    await shot(page, 'privacy-anonymise-preview', { keepScroll: true })

    // Cancel first: nothing changes.
    await panel.getByTestId('anonymise-open-confirm').click()
    const confirm = panel.getByTestId('confirm-dialog')
    await expectText(confirm, /C’est définitif/)
    await confirm.getByRole('button', { name: 'Annuler' }).click()
    const still = await apiCall<Trainee>(page, 'trainees:get', { id: data.old[0] })
    expect(still.value?.lastName).toBe('ANCIEN')

    await panel.getByTestId('anonymise-open-confirm').click()
    await confirm.getByRole('button', { name: 'Anonymiser définitivement' }).click()
    await page.getByTestId('toast-success').filter({ hasText: '2 personnes anonymisées.' }).waitFor()
    await expectCount(panel.getByTestId('anonymise-list'), 0)
    await expectText(page.getByTestId('privacy-card'), /Personne n’a dépassé la durée de conservation\./)
    await shot(page, 'privacy-anonymised', { keepScroll: true })

    for (const id of data.old) {
      const t = await apiCall<Trainee>(page, 'trainees:get', { id })
      expect(t.value).toMatchObject({ lastName: 'Personne anonymisée', firstName: `n° ${id}`, email: null, phone: null })
      expect(t.value?.anonymisedAt).toBeTruthy()
    }
    const recent = await apiCall<Trainee>(page, 'trainees:get', { id: data.recent })
    expect(recent.value).toMatchObject({ lastName: 'RÉCENT', email: 'noe.recent@exemple.fr' })
    const verify = await apiCall<{ ok: boolean; redacted: number }>(page, 'audit:verify', {})
    expect(verify.value).toMatchObject({ ok: true })
    expect(verify.value?.redacted).toBeGreaterThan(0)

    await goTo(page, 'Tableau de bord')
    await expectText(page.getByTestId('screen-title'), 'Tableau de bord')
    await page.getByTestId('stat-trainees').waitFor()
    await expectCount(page.getByTestId('privacy-reminder'), 0)
  })

  it('changes the retention period, and the reminder follows', async () => {
    const { page } = await w.open(people, { hash: '#/parametres' })
    const card = page.getByTestId('privacy-card')
    await expectText(card, /2 personnes ont dépassé la durée de conservation\./)
    await card.getByTestId('retention-years').fill('10')
    await card.getByTestId('retention-save').click()
    await expectText(card, /Personne n’a dépassé la durée de conservation\./)
    expect(await card.getByTestId('anonymise-before').inputValue()).toBe('26/11/2016')
    await card.getByTestId('anonymise-before').fill('31/02/2020')
    await card.getByTestId('anonymise-preview').click()
    await expectText(card.getByRole('alert'), "La date 31/02/2020 n'existe pas. Personne n’a été recherché.")
    await expectCount(card.getByTestId('anonymise-list'), 0)
    await card.getByTestId('retention-years').fill('0')
    await card.getByTestId('retention-save').click()
    await expectText(card.locator('.field--error'), /Un nombre entier d’années, de 1 à 10\. Rien n’a été enregistré\./)
  })

  it('downloads everything about a trainee from her record (JSON and Excel)', async () => {
    const { page } = await w.open(people, { hash: '#/stagiaires' })
    await expectText(page.getByTestId('screen-title'), 'Stagiaires')
    const rowId = await rowIdOf(page, 'lastName', 'VIEUXBOIS')
    await cell(page, rowId, 'lastName').click()
    await page.getByRole('button', { name: 'Modifier' }).click()
    const dialog = page.getByTestId('trainee-dialog')
    await dialog.getByRole('heading', { name: 'Modifier VIEUXBOIS Léonie' }).waitFor()
    const jsonDownload: Promise<Download> = page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.json') })
    const xlsxDownload: Promise<Download> = page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.xlsx') })
    await dialog.getByRole('button', { name: 'Exporter ses données (RGPD)' }).click()
    const json = await jsonDownload
    const xlsx = await xlsxDownload
    expect(json.suggestedFilename()).toMatch(/^donnees-personnelles-\d+-2026-11-26\.json$/)
    expect(xlsx.suggestedFilename()).toMatch(/^donnees-personnelles-\d+-2026-11-26\.xlsx$/)
    const data = JSON.parse(readFileSync(await json.path(), 'utf8')) as { person: { last_name: string; email: string }; enrolments: unknown[]; audit: { operation: string }[] }
    expect(data.person).toMatchObject({ last_name: 'VIEUXBOIS', email: 'leonie.vieuxbois@exemple.fr' })
    expect(data.audit.map((a) => a.operation)).toContain('trainees.create')
    expect(readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK')
    await shot(page, 'privacy-trainee-export')
  })
})
