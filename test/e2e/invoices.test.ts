import type ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { formatDateFr } from '@shared/domain/dates'
import { formatEuros } from '@shared/domain/money'
import { e2eWorld } from '../helpers/e2eWorld'
import { documentsWorld } from '../services/documentsWorld'
import { cell, expectText, rowIdOf, shot, weekdays } from './support'
import { downloadExport, exportXlsx, headings } from './xlsxDownload'

/*
 * « Devis & factures » › Factures, on 26 November 2026: a draft made from a session for the region
 * (98 h of the ledger at 12,50 € an hour), completed with the buyer's SIRET and Chorus Pro
 * references, issued (the consistency differences shown first, issued with a reason), deposited on
 * Chorus Pro, then paid in two payments.
 */

describe('invoices', () => {
  const w = e2eWorld()
  const world = w.template('invoices', async ({ ctx, call }) => {
    const d = documentsWorld(ctx)
    const lucie = d.trainee(d.sessionId, 'Bernard', 'Lucie', '2026-11-02')
    d.attend(lucie, weekdays('2026-11-02', '2026-11-20').map((day): [string, number, null] => [day, 7, null]))
    await call('quotes:setSessionFunding', { sessionId: d.sessionId, funders: [{ code: 'region', teachingCostCents: 1250, costUnit: 'hour', reference: 'Marché 2026-04 lot 3' }] })
    return { sessionId: d.sessionId }
  })

  it('creates, issues, deposits and pays an invoice', async () => {
    const { page, data } = await w.open(world, { hash: () => '#/devis-factures?onglet=factures' })
    await expectText(page.getByTestId('row-count'), '0 facture')
    await page.getByTestId('invoice-new').click()
    const create = page.getByTestId('invoice-create-dialog')
    await create.getByTestId('invoice-create-session').selectOption(String(data.sessionId))
    await create.getByTestId('invoice-create-funder').selectOption('region')
    await create.getByTestId('invoice-create').click()

    const dialog = page.getByTestId('invoice-dialog')
    await expectText(dialog.getByTestId('invoice-summary'), /Brouillon .* Conseil régional .* total TTC 1\u202f225,00\u00a0€/)
    await dialog.getByTestId('invoice-buyerName').fill('Région Bretagne')
    await dialog.getByTestId('invoice-buyerSiret').fill('233 500 016 00040')
    await dialog.getByTestId('invoice-buyerServiceCode').fill('FORMATION-PRO')
    await dialog.getByTestId('invoice-buyerEngagement').fill('2100456789')
    await shot(page, 'issue14-invoice-draft')
    await dialog.getByTestId('invoice-issue').click()
    // The check before invoicing: no certificat de réalisation yet, so the issue waits for a reason.
    await dialog.getByTestId('invoice-differences').waitFor()
    await expectText(dialog.getByTestId('invoice-differences'), /BERNARD Lucie|Bernard Lucie|Lucie/)
    await dialog.getByTestId('invoice-override').fill('Certificat de réalisation envoyé par courrier')
    await dialog.getByTestId('invoice-issue').click()
    await expectText(dialog.getByTestId('invoice-summary'), /^Émise · n° 2026-00001 · du 26\/11\/2026 · échéance 26\/12\/2026/)

    await dialog.getByTestId('invoice-chorus-number').fill('CPP-2026-778')
    await dialog.getByTestId('invoice-deposit').click()
    await expectText(dialog.getByTestId('invoice-summary'), /^Déposée sur Chorus Pro/)
    await dialog.getByTestId('invoice-payment-amount').fill('400')
    await dialog.getByTestId('invoice-pay').click()
    await expectText(dialog.getByTestId('invoice-summary'), /^Payée partiellement .* reste dû 825,00\u00a0€/)
    await dialog.getByTestId('invoice-pay').click()
    await expectText(dialog.getByTestId('invoice-summary'), /^Payée · .* reste dû 0,00\u00a0€/)
    await shot(page, 'issue14-invoice-paid')
    await page.keyboard.press('Escape')

    const id = await rowIdOf(page, 'number', '2026-00001')
    await expectText(cell(page, id, 'followUp'), 'Payée')
    await expectText(cell(page, id, 'totalTtcCents'), '1\u202f225,00\u00a0€')
    await expectText(cell(page, id, 'chorusNumber'), 'CPP-2026-778')
    await shot(page, 'issue14-invoices-grid')
    expect(await page.getByTestId('tab-factures').getAttribute('aria-selected')).toBe('true')

    // « Exporter ▾ » beside the accounting exports: the grid as shown, dates as dates, amounts in euros.
    const { name, sheet } = await exportXlsx(page, 'invoices-export')
    expect(name).toBe('factures-2026-11-26.xlsx')
    const heads = headings(sheet)
    expect(heads.slice(0, 4)).toEqual(['N°', 'Type', 'Suivi', 'Date'])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === '2026-00001')
    if (!row) throw new Error('invoice 2026-00001 not exported')
    const exported = (heading: string): ExcelJS.Cell => row.getCell(heads.indexOf(heading) + 1)
    expect(exported('Suivi').value).toBe('Payée')
    const amounts: [string, string, number][] = [
      ['Total HT', 'totalHtCents', 1225],
      ['TVA', 'totalVatCents', 0],
      ['Total TTC', 'totalTtcCents', 1225],
      ['Payé', 'paidCents', 1225],
      ['Reste dû', 'outstandingCents', 0]
    ]
    for (const [heading, colId, euros] of amounts) {
      const c = exported(heading)
      expect([heading, c.value, c.numFmt]).toEqual([heading, euros, '#,##0.00 "€"'])
      expect(formatEuros(Math.round(Number(c.value) * 100))).toBe((await cell(page, id, colId).innerText()).trim())
    }
    const dates: [string, string][] = [
      ['Date', 'issueDate'],
      ['Échéance', 'dueDate'],
      ['Déposée le', 'chorusDepositedOn'],
      ['Dernier paiement', 'lastPaidOn']
    ]
    for (const [heading, colId] of dates) {
      const c = exported(heading)
      expect(c.value instanceof Date, `${heading}: ${String(c.value)}`).toBe(true)
      expect(c.numFmt).toBe('dd/mm/yyyy')
      expect(formatDateFr((c.value as Date).toISOString().slice(0, 10))).toBe((await cell(page, id, colId).innerText()).trim())
    }
    expect((exported('Échéance').value as Date).toISOString().slice(0, 10)).toBe('2026-12-26')
    // The accountant's file stays, in the same menu.
    const accounting = await downloadExport(page, 'Export comptable (Excel)', 'invoices-export')
    expect(accounting.name).toBe('factures-comptabilite-2026-11-26.xlsx')
  })
})
