import type ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { e2eWorld } from '../helpers/e2eWorld'
import { expectText, shot } from './support'
import { downloadExport as download, exportXlsx, headings } from './xlsxDownload'

/**
 * « Exporter ▾ » of every grid on the demo data: each XLSX opened with ExcelJS (headings in the
 * grid's order, dates as Date cells, hours and amounts as numbers with their formats, frozen
 * header, auto-filter), the selection alone, and a CSV read back for a neutralised formula.
 */

type Sheet = ExcelJS.Worksheet

/** The non-empty cells of a column, by heading. */
function column(sheet: Sheet, heading: string): ExcelJS.Cell[] {
  const index = headings(sheet).indexOf(heading) + 1
  expect(index, `column « ${heading} » in ${headings(sheet).join(', ')}`).toBeGreaterThan(0)
  const cells: ExcelJS.Cell[] = []
  for (let r = 2; r <= sheet.rowCount; r++) {
    const c = sheet.getRow(r).getCell(index)
    if (c.value !== null && c.value !== '') cells.push(c)
  }
  return cells
}

function expectDates(sheet: Sheet, heading: string, format = 'dd/mm/yyyy'): void {
  const cells = column(sheet, heading)
  const dates = cells.filter((c) => c.value instanceof Date)
  expect(dates.length, `dates in « ${heading} »`).toBeGreaterThan(0)
  expect(dates.every((c) => c.numFmt === format)).toBe(true)
}

function expectNumbers(sheet: Sheet, heading: string, format: RegExp): void {
  const cells = column(sheet, heading)
  expect(cells.length, `numbers in « ${heading} »`).toBeGreaterThan(0)
  expect(cells.every((c) => typeof c.value === 'number' && format.test(c.numFmt)), `« ${heading} »: ${cells.map((c) => `${String(c.value)} ${c.numFmt}`).slice(0, 3).join(', ')}`).toBe(true)
}

/** The headings in the grid's order (a subsequence: other columns may sit between). */
function expectHeadingsInOrder(sheet: Sheet, expected: string[]): void {
  const all = headings(sheet)
  const positions = expected.map((h) => all.indexOf(h))
  expect(positions.every((p) => p >= 0), `${expected.join(', ')} in ${all.join(', ')}`).toBe(true)
  expect([...positions].sort((a, b) => a - b)).toEqual(positions)
}

function expectSpreadsheetShape(sheet: Sheet): void {
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+\d+$/)
  expect(sheet.rowCount).toBeGreaterThan(1)
  expect(sheet.getRow(1).font?.bold).toBe(true)
}

const EUROS = /^#,##0\.00 "€"$/
const HOURS = /^#,##0(\.0#)?$/
const INTEGER = /^#,##0$/

describe('grid exports (XLSX and CSV)', () => {
  const w = e2eWorld({ timeout: 30_000 })
  const demo = w.template('demo data', async ({ call, db }) => {
    await call('demo:generate', { seed: 7 })
    await call('trainees:create', { lastName: 'Formule', firstName: 'Test', city: '=1+2', adviserName: '@SOMME(A1)' })
    // A register line (no PDF needed to list it).
    db.prepare(
      `INSERT INTO generated_document (kind, period, file_name, path, sha256, size_bytes, generated_at, generated_by)
       VALUES ('certificat_inscription', NULL, 'certificat-test.pdf', '/tmp/certificat-test.pdf', ?, 1234, '2026-11-20T09:15:00.000Z', 'Claire Martin')`
    ).run('a'.repeat(64))
  })

  async function open(hash: string, title: string): Promise<Page> {
    const { page } = await w.open(demo, { hash })
    await expectText(page.getByTestId('screen-title'), title)
    await page.locator('[role="row"][row-id] [role="gridcell"]').filter({ visible: true }).first().waitFor()
    return page
  }

  it('exports the trainings and the sessions', async () => {
    const page = await open('#/formations', 'Formations & sessions')
    const trainings = await exportXlsx(page)
    expect(trainings.name).toMatch(/^formations-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expectSpreadsheetShape(trainings.sheet)
    expectHeadingsInOrder(trainings.sheet, ['N° formation', 'Intitulé', 'Heures', 'Sessions', 'Prochaine entrée'])
    expectNumbers(trainings.sheet, 'Heures', HOURS)
    expectNumbers(trainings.sheet, 'Sessions', INTEGER)
    expectDates(trainings.sheet, 'Prochaine entrée')
    expectDates(trainings.sheet, 'Modifiée le', 'dd/mm/yyyy hh:mm')

    await page.getByTestId('tab-sessions').click()
    await page.locator('[role="gridcell"][col-id="intercarifSessionId"]').first().waitFor()
    const sessions = await exportXlsx(page)
    expect(sessions.name).toMatch(/^sessions-/)
    expectSpreadsheetShape(sessions.sheet)
    expectHeadingsInOrder(sessions.sheet, ['Formation', 'N° session', 'Début', 'Fin', 'Capacité'])
    // Day-precision dates are dates; a month-only LHEO date stays « mars 2027 ».
    const starts = column(sessions.sheet, 'Début')
    expect(starts.filter((c) => !(c.value instanceof Date) && !/^[a-zéû]+ \d{4}$/.test(String(c.value))).map((c) => c.value)).toEqual([])
    expectDates(sessions.sheet, 'Début')
    expectNumbers(sessions.sheet, 'Capacité', INTEGER)
  })

  it('exports the recruitment slots and their candidates', async () => {
    const page = await open('#/recrutement', 'Recrutement')
    const events = await exportXlsx(page, 'events-export')
    expectSpreadsheetShape(events.sheet)
    expectHeadingsInOrder(events.sheet, ['Date', 'Horaires'])
    expectDates(events.sheet, 'Date')
    expectNumbers(events.sheet, 'Présents', INTEGER)
    await page.locator('[role="row"][row-id] [role="gridcell"][col-id="booked"]').filter({ visible: true }).first().click()
    await page.getByTestId('registrations-export').waitFor()
    await page.locator('[data-testid="registrations-grid"] [role="gridcell"]').first().waitFor()
    const candidates = await exportXlsx(page, 'registrations-export')
    expect(candidates.name).toMatch(/^candidats-/)
    expectSpreadsheetShape(candidates.sheet)
    expectHeadingsInOrder(candidates.sheet, ['Nom', 'Prénom', 'Identifiant FT', 'Présence'])
  })

  it('exports the enrolments', async () => {
    const page = await open('#/inscriptions', 'Inscriptions')
    const { sheet, name } = await exportXlsx(page)
    expect(name).toMatch(/^inscriptions-/)
    expectSpreadsheetShape(sheet)
    expectHeadingsInOrder(sheet, ['Statut', 'Stagiaire', 'Identifiant FT'])
    expect(headings(sheet)).toContain('Déclaration KAIROS')
    expectDates(sheet, 'Statut depuis le')
  })

  it('exports the trainees, the selection alone, and neutralises formulas in the CSV', async () => {
    const page = await open('#/stagiaires', 'Stagiaires')
    const { sheet } = await exportXlsx(page)
    expectSpreadsheetShape(sheet)
    expect(headings(sheet).slice(0, 5)).toEqual(['Nom', 'Prénom', 'Civilité', 'Identifiant France Travail', 'Date de naissance'])
    expectDates(sheet, 'Date de naissance')
    expectNumbers(sheet, 'Inscriptions', INTEGER)
    expectDates(sheet, 'Modifié le', 'dd/mm/yyyy hh:mm')
    expect(column(sheet, 'Ville').map((c) => c.value)).toContain("'=1+2")

    const csv = await download(page, 'Exporter tout le tableau (CSV)', 'grid-export')
    expect(csv.name).toMatch(/^stagiaires-\d{4}-\d{2}-\d{2}\.csv$/)
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const line = csv.bytes.toString('utf8').split('\r\n').find((l) => l.includes('"FORMULE"') || l.includes('"Formule"'))
    expect(line).toContain(`"'=1+2"`)
    expect(line).toContain(`"'@SOMME(A1)"`)

    // The selection: two rows (click, Ctrl+click on another row).
    const names = page.locator('[role="row"][row-id] [role="gridcell"][col-id="firstName"]').filter({ visible: true })
    await names.nth(0).click()
    await page.getByTestId('grid-export').click()
    await page.getByRole('menuitem', { name: 'Exporter la sélection (Excel)' }).waitFor()
    await shot(page, 'grid-export-menu')
    await page.keyboard.press('Escape')
    await page.getByRole('menu', { name: 'Exporter' }).waitFor({ state: 'hidden' })
    const selection = await exportXlsx(page, 'grid-export', 'Exporter la sélection (Excel)')
    expect(selection.name).toMatch(/^stagiaires-selection-/)
    expect(selection.sheet.rowCount).toBe(2)
  })

  it('exports the documents register, the quotes and the history', async () => {
    const page = await open('#/documents', 'Documents')
    const docs = await exportXlsx(page)
    expect(docs.name).toMatch(/^registre-documents-/)
    expectSpreadsheetShape(docs.sheet)
    expectHeadingsInOrder(docs.sheet, ['Date', 'Type', 'Stagiaire', 'Session', 'Période', 'Fichier'])
    expect(headings(docs.sheet)).not.toContain('')
    expectDates(docs.sheet, 'Date', 'dd/mm/yyyy hh:mm')

    await page.evaluate(() => (window.location.hash = '#/devis-factures'))
    await expectText(page.getByTestId('screen-title'), 'Devis & factures')
    await page.locator('[data-testid="quotes-grid"] [role="gridcell"]').first().waitFor()
    const quotes = await exportXlsx(page, 'quotes-export')
    expect(quotes.name).toMatch(/^devis-aif-/)
    expectSpreadsheetShape(quotes.sheet)
    expectHeadingsInOrder(quotes.sheet, ['N° devis', 'Stagiaire', 'Début', 'Fin', 'Heures', 'Coût pédagogique'])
    expectNumbers(quotes.sheet, 'Coût pédagogique', EUROS)
    expectNumbers(quotes.sheet, 'Heures', HOURS)
    expectDates(quotes.sheet, 'Début')

    await page.evaluate(() => (window.location.hash = '#/historique'))
    await expectText(page.getByTestId('screen-title'), 'Historique des modifications')
    await page.locator('[data-testid="history-grid"] [role="gridcell"]').first().waitFor()
    const history = await exportXlsx(page)
    expect(history.name).toMatch(/^historique-/)
    expectSpreadsheetShape(history.sheet)
    expectHeadingsInOrder(history.sheet, ['Date', 'Agent', 'Opération', 'Objet'])
    expectDates(history.sheet, 'Date', 'dd/mm/yyyy hh:mm')
  })
})
