import { describe, expect, it } from 'vitest'
import { e2eWorld } from '../helpers/e2eWorld'
import { documentsWorld } from '../services/documentsWorld'
import { expectText, shot } from './support'

/*
 * « Bilan pédagogique et financier » on 26 November 2026 for the year 2026: a job seeker with
 * 17,5 h in November and a region invoice less a credit note. The figures in the form's order,
 * a line opening its invoices, another its trainees, the summary PDF downloaded.
 */
describe('BPF screen', () => {
  const w = e2eWorld()
  const world = w.template('bpf', ({ ctx, db }) => {
    const d = documentsWorld(ctx)
    const anne = d.trainee(d.sessionId, 'Morvan', 'Anne', '2026-11-02', '0676932W')
    d.attend(anne, [['2026-11-02', 7], ['2026-11-03', 7], ['2026-11-04', 3.5]].map(([day, h]): [string, number, null] => [String(day), Number(h), null]))
    const at = '2026-11-20T09:00:00Z'
    const insert = db.prepare(
      `INSERT INTO invoice (kind, status, credited_invoice_id, funder_code, buyer_name, issue_date, total_ht_cents, total_ttc_cents, created_at, created_by, updated_at)
       VALUES (?, 'draft', ?, 'region', 'Région Bretagne', '2026-11-20', ?, ?, ?, 'test', ?)`
    )
    const issue = db.prepare("UPDATE invoice SET status = 'issued', year = 2026, sequence = ?, number = ?, issued_at = ?, issued_by = 'test' WHERE id = ?")
    const seq = db.prepare('INSERT INTO invoice_sequence (year, last_number) VALUES (2026, 1) ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1')
    const invoice = Number(insert.run('invoice', null, 1_234_500, 1_234_500, at, at).lastInsertRowid)
    seq.run()
    issue.run(1, '2026-00001', at, invoice)
    const credit = Number(insert.run('credit_note', invoice, 34_500, 34_500, at, at).lastInsertRowid)
    seq.run()
    issue.run(2, '2026-00002', at, credit)
    return {}
  })

  it('shows the year’s figures in the form’s order, each opening what it is made of, and prints the summary', async () => {
    const { page } = await w.open(world, { hash: '#/bpf' })
    await expectText(page.getByTestId('screen-title'), 'Bilan pédagogique et financier')
    await page.getByTestId('bpf-year').selectOption('2026')
    const c6 = page.locator('[data-testid="bpf-line"][data-code="C-6"]')
    await expectText(c6, /Conseils régionaux\s*12\s000,00\s€2/)
    await expectText(page.locator('[data-testid="bpf-line"][data-code="C-2a"]'), /à compléter/)
    await c6.click()
    const drill = page.getByTestId('bpf-drill')
    await expectText(drill.getByTestId('bpf-drill-invoices'), /2026-00001.*12\s345,00\s€.*2026-00002.*Avoir.*[-−]345,00\s€/)
    await page.locator('[data-testid="bpf-line"][data-code="F-1c"]').click()
    await expectText(drill.getByTestId('bpf-drill-enrolments'), /MORVAN Anne.*17,5\sh/)
    await shot(page, 'issue14-bpf-screen')
    const download = page.waitForEvent('download')
    await page.getByTestId('bpf-pdf').click()
    expect((await download).suggestedFilename()).toBe('BPF 2026 - synthèse.pdf')
  })
})
