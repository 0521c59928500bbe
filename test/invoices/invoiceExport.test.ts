import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { allocateCents } from '@shared/domain/invoiceAccounting'
import type { ServiceContext } from '../../electron/main/services/context'
import { createFromSession, updateDraft } from '../../electron/main/services/invoices/invoiceDrafts'
import { exportInvoices } from '../../electron/main/services/invoices/invoiceExport'
import { addPayment } from '../../electron/main/services/invoices/invoiceFollowUp'
import { createCreditNote, issueInvoice } from '../../electron/main/services/invoices/invoiceIssue'
import { invoiceLines } from '../../electron/main/services/invoices/invoiceQueries'
import { invoiceSettings, setInvoiceSettings } from '../../electron/main/services/invoices/invoiceSettings'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { invoicesWorld } from './invoicesWorld'

let t: TempDb
let ctx: ServiceContext
let w: ReturnType<typeof invoicesWorld>
const TODAY = '2026-12-14'
beforeEach(async () => {
  t = await tempDb()
  w = invoicesWorld(t.db)
  ctx = serviceContext(t.db, fixedClock(`${TODAY}T10:00:00.000Z`))
})
afterEach(() => t.cleanup())

const fine = () => ({ ok: true, asOf: TODAY, checkedEnrolments: 0, differences: [] })

describe('accounting export', () => {
  it('spreads an invoice’s VAT over its lines to the cent', () => {
    expect(allocateCents([3, 3, 3], 2)).toEqual([1, 1, 0])
    expect(allocateCents([43750, 30625], 14875)).toEqual([8750, 6125])
    expect(allocateCents([0, 0], 5)).toEqual([5, 0])
  })

  it('one row per invoice line (VT, 706000) and per payment (BQ, 512000), credit notes negative, formula-looking text neutralised', async () => {
    setInvoiceSettings(ctx, { vatExempt: false, paymentTermsDays: 45, iban: 'FR7630004000031234567890143' })
    expect(invoiceSettings(t.db)).toEqual({ vatExempt: false, paymentTermsDays: 45, iban: 'FR7630004000031234567890143' })
    const d = createFromSession(ctx, { sessionId: w.sessionId, funderCode: 'region', issueDate: '2026-12-12', perTrainee: true })
    updateDraft(ctx, {
      id: d.id, issueDate: d.issueDate, buyerName: '=HYPERLINK("x")', buyerSiret: '23350001600040', buyerSiren: null, buyerAddressLine1: null, buyerAddressLine2: null,
      buyerPostalCode: null, buyerCity: null, buyerServiceCode: null, buyerEngagement: null, contractReference: null, vatMode: d.vatMode, note: null, lines: invoiceLines(t.db, d.id)
    })
    issueInvoice(ctx, { id: d.id, overrideReason: null }, fine)
    addPayment(ctx, { id: d.id, paidOn: '2026-12-14', amountCents: 10000, method: 'transfer', reference: 'VIR 77' })
    createCreditNote(ctx, { id: d.id, issueDate: '2026-12-14', reason: 'Erreur', lines: [{ position: 1, quantityHundredths: 100 }] })
    // A draft never goes to the accountant.
    createFromSession(ctx, { sessionId: w.sessionId, funderCode: 'cpf', issueDate: '2026-12-13', perTrainee: true })

    const csv = Buffer.from((await exportInvoices(t.db, {}, 'csv', TODAY)).base64, 'base64').toString('utf8')
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n')
    expect(lines[0]).toBe('Date;Journal;N° pièce;Compte;Compte tiers;Client;Libellé;Montant HT;TVA;Montant TTC;Échéance')
    expect(lines.slice(1)).toEqual([
      `12/12/2026;VT;2026-00001;706000;411REGION;'=HYPERLINK(""x"");Facture 2026-00001 — Heures de formation réalisées — Alice ARNAUD;437,50;87,50;525,00;26/01/2027`.replace(`'=HYPERLINK(""x"")`, `"'=HYPERLINK(""x"")"`),
      `12/12/2026;VT;2026-00001;706000;411REGION;"'=HYPERLINK(""x"")";Facture 2026-00001 — Heures de formation réalisées — Bruno BERNARD;306,25;61,25;367,50;26/01/2027`,
      `14/12/2026;BQ;2026-00001;512000;411REGION;"'=HYPERLINK(""x"")";Règlement facture 2026-00001 (VIR 77);0,00;0,00;100,00;`,
      `14/12/2026;VT;2026-00002;706000;411REGION;"'=HYPERLINK(""x"")";Avoir 2026-00002 — Heures de formation réalisées — Alice ARNAUD;-12,50;-2,50;-15,00;`
    ])

    const xlsx = new ExcelJS.Workbook()
    const bytes = Buffer.from((await exportInvoices(t.db, { year: 2026 }, 'xlsx', TODAY)).base64, 'base64')
    await xlsx.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const sheet = xlsx.worksheets[0]
    expect(sheet?.rowCount).toBe(5)
    expect(sheet?.getRow(2).getCell(10).value).toBe(525)
    expect(sheet?.getRow(5).getCell(8).value).toBe(-12.5)
  })
})
