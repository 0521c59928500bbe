import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import type { BpfLine, BpfReport } from '@shared/domain/bpf'
import { bpfSummaryPdf, bpfWorkbook } from '../../electron/main/services/bpf/bpfFiles'
import { computeBpf } from '../../electron/main/services/bpf/bpfService'
import { createTraining } from '../../electron/main/services/catalogue/trainingService'
import { enrolmentLedgers } from '../../electron/main/services/hours/hoursService'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { documentsWorld } from './documentsWorld'

/*
 * The BPF of a demo year (2026, drawn up on 15 January 2027). Every expected figure is written
 * here by hand from the data the test puts in — never by calling the aggregation: the invoices'
 * amounts by funder type, the trainees by category, objective and specialty, and the hours summed
 * from the attendance days typed for 2026 (then checked against the hours ledger as well).
 */
const TODAY = '2027-01-15'
let t: TempDb
beforeEach(async () => {
  t = await tempDb()
})
afterEach(() => t.cleanup())

/** Days typed per trainee: [date, hours], all on planned weekdays between entry and exit (no holiday). */
const DAYS = {
  // Job seeker (France Travail id), titre RNCP niveau 4, NSF 324; January 2027 days are not 2026's.
  anne: [['2026-09-07', 7], ['2026-09-08', 7], ['2026-10-05', 6.5], ['2026-12-14', 7], ['2027-01-05', 7]],
  // Pays for herself, same session.
  brice: [['2026-10-05', 7], ['2026-10-06', 3.25], ['2026-11-12', 7]],
  // Employee paid by an OPCO, RS certification, NSF 312; left on 29 May.
  chloe: [['2026-03-02', 7], ['2026-03-03', 7], ['2026-05-29', 7]],
  // Sent by a Mission locale (a job seeker without an id here), same RS session.
  david: [['2026-03-02', 7], ['2026-04-07', 7]],
  // Bilan de compétences, no NSF code (formacode 15081): « autres stagiaires ».
  emma: [['2026-06-01', 3.5], ['2026-06-08', 3.5]],
  // Trained in 2025 only: not in 2026's figures.
  fanny: [['2025-12-01', 7]],
  // Entered in 2026 with no hour done: not counted.
  gael: []
} as const satisfies Record<string, readonly (readonly [string, number])[]>

async function world() {
  const ctx = serviceContext(t.db, fixedClock(`${TODAY}T09:00:00.000Z`))
  const w = documentsWorld(ctx)
  const training = (title: string, sql: string): number => {
    const id = createTraining(ctx, contract['trainings:create'].input.parse({ title }), TODAY).id
    t.db.prepare(`UPDATE training SET ${sql} WHERE id = ?`).run(id)
    return id
  }
  const secretary = training('Secrétaire assistant', "certification_kind = 'RNCP', certification_level = 4, nsf_code = '324, 326', formacode = '35054'")
  const safety = training('Habilitation électrique', "certification_kind = 'RS', nsf_code = '312', formacode = '24054'")
  const bilan = training('Bilan de compétences', "action_nature = 'bilan', formacode = '15081'")
  const sA = w.session({ trainingId: secretary, label: 'SA Lorient 2026', startDate: '2026-09-07', endDate: '2027-03-31' })
  const sB = w.session({ trainingId: safety, label: 'Habilitation printemps 2026', startDate: '2026-03-02', endDate: '2026-06-30' })
  const sC = w.session({ trainingId: bilan, label: 'Bilans 2026', startDate: '2026-06-01', endDate: '2026-06-30' })
  const sOld = w.session({ trainingId: secretary, label: 'SA Lorient 2025', startDate: '2025-11-03', endDate: '2025-12-19' })
  const ids = {
    anne: w.trainee(sA, 'Morvan', 'Anne', '2026-09-07', '0676932W'),
    brice: w.trainee(sA, 'Tanguy', 'Brice', '2026-10-05'),
    chloe: w.trainee(sB, 'Le Goff', 'Chloé', '2026-03-02'),
    david: w.trainee(sB, 'Kerboul', 'David', '2026-03-02'),
    emma: w.trainee(sC, 'Guillou', 'Emma', '2026-06-01'),
    fanny: w.trainee(sOld, 'Riou', 'Fanny', '2025-11-03'),
    gael: w.trainee(sA, 'Prigent', 'Gaël', '2026-11-02')
  }
  for (const [name, days] of Object.entries(DAYS)) w.attend(ids[name as keyof typeof ids], days.map(([d, h]): [string, number, null] => [d, h, null]))
  w.move([ids.chloe], { to: 'sorti', effectiveDate: '2026-05-29', reasonCode: 'fin_prevue' })
  w.move([ids.fanny], { to: 'sorti', effectiveDate: '2025-12-19', reasonCode: 'fin_prevue' })
  const set = t.db.prepare('UPDATE enrolment SET funding = ?, employer_name = ? WHERE id = ?')
  set.run('self', null, ids.brice)
  set.run('opco', 'Chantiers du Blavet', ids.chloe)
  t.db.prepare("UPDATE trainee SET prescriber = 'mission_locale' WHERE id = (SELECT trainee_id FROM enrolment WHERE id = ?)").run(ids.david)
  t.db.prepare("INSERT INTO session_funder (session_id, funder_code) VALUES (?, 'france_travail')").run(sA)
  return { ctx, ids }
}

/** An invoice (or credit note) as the invoices service leaves it: a draft, then issued with the next number of its year. */
function invoice(kind: 'invoice' | 'credit_note', funder: string | null, issueDate: string, htCents: number, credited: number | null = null, issue = true): { id: number; number: string } {
  const at = `${issueDate}T09:00:00Z`
  const id = Number(
    t.db
      .prepare(
        `INSERT INTO invoice (kind, status, credited_invoice_id, funder_code, buyer_name, issue_date, total_ht_cents, total_ttc_cents, created_at, created_by, updated_at)
         VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, 'test', ?)`
      )
      .run(kind, credited, funder, `Client ${funder ?? 'avoir'}`, issueDate, htCents, htCents, at, at).lastInsertRowid
  )
  if (!issue) return { id, number: '' }
  const year = Number(issueDate.slice(0, 4))
  const seq = t.db.prepare<[number], { n: number }>('INSERT INTO invoice_sequence (year, last_number) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number AS n').get(year)?.n ?? 0
  const number = `${year}-${String(seq).padStart(5, '0')}`
  t.db.prepare("UPDATE invoice SET status = 'issued', year = ?, sequence = ?, number = ?, issued_at = ?, issued_by = 'test' WHERE id = ?").run(year, seq, number, at, id)
  return { id, number }
}

function invoices() {
  const region = invoice('invoice', 'region', '2026-06-10', 500_000)
  const aif = invoice('invoice', 'aif', '2026-07-01', 120_000)
  const ft = invoice('invoice', 'france_travail', '2026-11-30', 300_000)
  const opco = invoice('invoice', 'opco', '2026-06-15', 80_000)
  const self = invoice('invoice', 'self', '2026-04-01', 45_000)
  const employer = invoice('invoice', 'employer', '2026-05-05', 60_000)
  const cpf = invoice('invoice', 'cpf', '2026-10-10', 150_000)
  const credit = invoice('credit_note', null, '2026-12-20', 50_000, region.id)
  invoice('invoice', 'region', '2025-12-30', 99_999) // last year
  invoice('credit_note', null, '2027-01-05', 10_000, ft.id) // next year
  invoice('invoice', 'region', '2026-12-28', 77_777, null, false) // a draft
  return { region, aif, ft, opco, self, employer, cpf, credit }
}

const line = (r: BpfReport, code: string): BpfLine => {
  const found = r.sections.flatMap((s) => [...s.lines, s.total]).find((l) => l.code === code)
  if (!found) throw new Error(`no line ${code}`)
  return found
}
const sum = (days: readonly (readonly [string, number])[]): number => Math.round(days.filter(([d]) => d.startsWith('2026')).reduce((a, [, h]) => a + h * 100, 0)) / 100

describe('BPF (cerfa 10443) of a demo year', () => {
  it('cadre C: invoices of the year by funder type, credit notes subtracted, each with its invoices', async () => {
    await world()
    const inv = invoices()
    const r = computeBpf(t.db, 2026, TODAY)
    const expected: Record<string, number | null> = {
      'C-1': 60_000, 'C-2a': null, 'C-2b': null, 'C-2c': null, 'C-2d': null, 'C-2e': 150_000, 'C-2f': null, 'C-2g': null, 'C-2h': 80_000,
      'C-3': null, 'C-4': null, 'C-5': null, 'C-6': 450_000, 'C-7': 420_000, 'C-8': 0, 'C-9': 45_000, 'C-10': null, 'C-11': 0,
      'C-total': 1_205_000
    }
    for (const [code, cents] of Object.entries(expected)) expect(line(r, code).amountCents, code).toBe(cents)
    expect(line(r, 'C-6').invoices.map((i) => [i.number, i.signedCents])).toEqual([[inv.region.number, 500_000], [inv.credit.number, -50_000]])
    expect(line(r, 'C-7').invoices.map((i) => i.number)).toEqual([inv.aif.number, inv.ft.number])
    expect(line(r, 'C-total').invoices).toHaveLength(8)
    expect(line(r, 'C-2a').toComplete).toMatch(/OPCO/)
  })

  it('cadre F: trainees and hours by category, objective and specialty; hours equal the ledger’s', async () => {
    const { ids } = await world()
    const r = computeBpf(t.db, 2026, TODAY)
    const hours = { anne: sum(DAYS.anne), brice: sum(DAYS.brice), chloe: sum(DAYS.chloe), david: sum(DAYS.david), emma: sum(DAYS.emma) }
    expect(hours).toEqual({ anne: 27.5, brice: 17.25, chloe: 21, david: 14, emma: 7 })
    const fig = (code: string) => [line(r, code).trainees, line(r, code).hours]
    expect(fig('F-1a')).toEqual([1, 21])
    expect(fig('F-1c')).toEqual([2, 41.5])
    expect(fig('F-1d')).toEqual([1, 17.25])
    expect(fig('F-1e')).toEqual([1, 7])
    expect(fig('F-1-total')).toEqual([5, 86.75])
    expect(line(r, 'F-1b').toComplete).not.toBeNull()
    expect(fig('F-3a3')).toEqual([2, 44.75])
    expect(fig('F-3b')).toEqual([2, 35])
    expect(fig('F-3e')).toEqual([1, 7])
    expect(fig('F-3d')).toEqual([0, 0])
    expect(fig('F-3-total')).toEqual([5, 86.75])
    const f4 = r.sections.find((s) => s.id === 'F4')
    expect(f4?.lines.map((l) => [l.code, l.label, l.trainees, l.hours, l.toComplete !== null])).toEqual([
      ['F-4-1', 'Spécialité NSF 324 (Secrétaire assistant)', 2, 44.75, false],
      ['F-4-2', 'Spécialité NSF 312 (Habilitation électrique)', 2, 35, false],
      ['F-4?', 'Spécialité inconnue (code NSF absent du catalogue)', 1, 7, true]
    ])
    expect(f4?.lines[2]?.toComplete).toMatch(/15081/)
    expect(line(r, 'F-1c').enrolments.map((e) => e.traineeName)).toEqual(['KERBOUL David', 'MORVAN Anne'])
    // The same hours as the ledger over the year, as of its last day.
    const ledger = enrolmentLedgers(t.db, Object.values(ids), '2026-12-31', { from: '2026-01-01', to: '2026-12-31' })
    const fromLedger = Math.round(ledger.reduce((a, l) => a + l.summary.realisedHours * 100, 0)) / 100
    expect(line(r, 'F-1-total').hours).toBe(fromLedger)
    expect(r.toComplete.map((c) => c.code)).toEqual(expect.arrayContaining(['C-2a', 'F-1b', 'F-3c', 'F-4?', 'E', 'F-2', 'G']))
  })

  it('prints the one-page summary and exports the workbook with its drill-down', async () => {
    await world()
    const inv = invoices()
    const pdf = Buffer.from((await bpfSummaryPdf(t.db, 2026, TODAY)).base64, 'base64')
    const dir = '/tmp/shots'
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'issue14-bpf-2026.pdf'), pdf)
    const info = execFileSync('pdfinfo', [join(dir, 'issue14-bpf-2026.pdf')]).toString()
    expect(info).toMatch(/Pages:\s+1\n/)
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'issue14-bpf-2026.pdf'), '-']).toString()
    expect(text).toMatch(/C-6\s+Conseils régionaux\s+4\s?500,00\s?€/)
    expect(text).toMatch(/Total\s+Total\s+5\s+86,75\s?h/)
    execFileSync('pdftoppm', ['-png', '-r', '80', join(dir, 'issue14-bpf-2026.pdf'), join(dir, 'issue14-bpf-2026')])

    const wb = new ExcelJS.Workbook()
    const bytes = Buffer.from((await bpfWorkbook(t.db, 2026, TODAY)).base64, 'base64')
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const figures = wb.getWorksheet('BPF 2026')
    const rows = (figures?.getSheetValues() ?? []).filter(Array.isArray).map((v) => (v as unknown[]).slice(1))
    expect(rows.find((r) => r[1] === 'C-7')?.[3]).toBe(4200)
    expect(rows.find((r) => r[1] === 'C-2a')?.[6]).toMatch(/^à compléter/)
    expect(rows.find((r) => r[1] === 'F-1c')?.slice(4, 6)).toEqual([2, 41.5])
    const drill = (wb.getWorksheet('Factures (cadre C)')?.getSheetValues() ?? []).filter(Array.isArray).map((v) => (v as unknown[]).slice(1))
    expect(drill.filter((r) => r[0] === 'C-6').map((r) => [r[1], r[5]])).toEqual([[inv.region.number, 5000], [inv.credit.number, -500]])
    expect(wb.getWorksheet('Stagiaires (cadre F)')?.rowCount).toBe(1 + 5 * 3)
  })

  it('refuses a year not begun, and the contract refuses a year that is not one', async () => {
    await world()
    expect(() => computeBpf(t.db, 2028, TODAY)).toThrow(/n’a pas commencé/)
    expect(contract['bpf:compute'].input.safeParse({ year: 26.5 }).success).toBe(false)
  })
})
