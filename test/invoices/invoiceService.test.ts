import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConsistencyReport } from '@shared/domain/invoiceConsistency'
import type { ServiceContext } from '../../electron/main/services/context'
import type { ConsistencyChecker } from '../../electron/main/services/invoices/consistencyAdapter'
import { createFromEnrolment, createFromSession, deleteDraft, updateDraft } from '../../electron/main/services/invoices/invoiceDrafts'
import { addPayment, recordDeposit } from '../../electron/main/services/invoices/invoiceFollowUp'
import { checkInvoice, createCreditNote, issueInvoice } from '../../electron/main/services/invoices/invoiceIssue'
import { getInvoice, listInvoices } from '../../electron/main/services/invoices/invoiceQueries'
import { invoicesToDeposit, invoicesUnpaid } from '../../electron/main/services/invoices/invoiceCounters'
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

const fine: ConsistencyChecker = () => ({ ok: true, asOf: TODAY, checkedEnrolments: 2, differences: [] })
const mismatch: ConsistencyReport = {
  ok: false,
  asOf: TODAY,
  checkedEnrolments: 2,
  differences: [{ enrolmentId: 1, traineeName: 'ARNAUD Alice', kind: 'certificate_missing', expected: '35 h', found: '—', message: 'Certificat de réalisation manquant.', fix: { route: '/documents', params: {}, label: 'Documents' } }]
}
const blocking: ConsistencyChecker = () => mismatch
const sequence = () => t.db.prepare<[], { year: number; n: number }>('SELECT year, last_number AS n FROM invoice_sequence ORDER BY year').all()

function regionDraft(issueDate = '2026-12-12') {
  return createFromSession(ctx, { sessionId: w.sessionId, funderCode: 'region', issueDate, perTrainee: true })
}
function withSiret(id: number) {
  const d = getInvoice(t.db, id, TODAY)
  return updateDraft(ctx, {
    id,
    issueDate: d.issueDate,
    buyerName: 'Région Bretagne',
    buyerSiret: '23350001600040',
    buyerSiren: null,
    buyerAddressLine1: '283 avenue du Général Patton',
    buyerAddressLine2: null,
    buyerPostalCode: '35711',
    buyerCity: 'Rennes',
    buyerServiceCode: 'FORMATION-PRO',
    buyerEngagement: '2100456789',
    contractReference: d.contractReference,
    vatMode: d.vatMode,
    note: null,
    lines: d.amounts.lines.map(({ label, traineeName, enrolmentId, pricing, quantityHundredths, unitPriceCents }) => ({ label, traineeName, enrolmentId, pricing, quantityHundredths, unitPriceCents }))
  })
}

describe('invoice drafts', () => {
  it('a session invoice for the region: a line per trainee with the ledger hours as of the invoice date', () => {
    const d = regionDraft()
    expect(d.status).toBe('draft')
    expect(d.number).toBeNull()
    expect(d.funderCode).toBe('region')
    expect(d.contractReference).toBe('Marché 2026-04 lot 3')
    expect(d.amounts.lines.map((l) => [l.traineeName, l.quantityHundredths, l.unitPriceCents, l.netCents])).toEqual([
      ['Alice ARNAUD', 3500, 1250, 43750],
      ['Bruno BERNARD', 2450, 1250, 30625]
    ])
    expect(d.vatMode).toBe('exempt')
    expect([d.totalHtCents, d.totalVatCents, d.totalTtcCents]).toEqual([74375, 0, 74375])
    // As of 9 December only the first three days count.
    const early = regionDraft('2026-12-09')
    expect(early.amounts.lines.map((l) => l.quantityHundredths)).toEqual([2100, 2100])
  })

  it('one line per action, VAT at 20 % when the organisation is not exempt, and edits recompute the totals', () => {
    t.db.prepare('UPDATE organisation SET vat_exempt = 0 WHERE id = 1').run()
    const d = createFromSession(ctx, { sessionId: w.sessionId, funderCode: 'region', issueDate: '2026-12-12', perTrainee: false })
    expect(d.amounts.lines).toHaveLength(1)
    expect(d.amounts.lines[0]?.quantityHundredths).toBe(5950)
    expect([d.totalHtCents, d.totalVatCents, d.totalTtcCents]).toEqual([74375, 14875, 89250])
    const edited = updateDraft(ctx, { ...withSiret(d.id), id: d.id, buyerSiren: null, note: null, lines: [{ label: 'Forfait', traineeName: null, enrolmentId: null, pricing: 'flat', quantityHundredths: 100, unitPriceCents: 100001 }] } as never)
    expect([edited.totalHtCents, edited.totalVatCents, edited.totalTtcCents]).toEqual([100001, 20000, 120001])
    deleteDraft(ctx, d.id)
    expect(listInvoices(t.db, {}, TODAY)).toEqual([])
  })

  it('refuses a funder the session does not have, with a French message', () => {
    expect(() => createFromSession(ctx, { sessionId: w.sessionId, funderCode: 'opco', issueDate: '2026-12-12', perTrainee: true })).toThrow(/ne finance pas cette session/)
  })

  it('an AIF invoice from the enrolment’s validated quote', () => {
    expect(() => createFromEnrolment(ctx, { enrolmentId: w.chloe, issueDate: '2026-12-12' })).toThrow(/devis AIF validé/)
    t.db
      .prepare(
        `INSERT INTO aif_quote (number, year, sequence, trainee_id, session_id, enrolment_id, status, start_date, end_date, hours_centre_hundredths, pricing_mode, hourly_cents, total_cents, france_travail_cents, kairos_reference, created_at, created_by, updated_at)
         SELECT 'D-2026-0001', 2026, 1, trainee_id, session_id, id, 'validated', '2026-12-07', '2027-03-26', 40000, 'hourly', 1300, 520000, 520000, 'K-778', 'x', 'x', 'x' FROM enrolment WHERE id = ?`
      )
      .run(w.chloe)
    const d = createFromEnrolment(ctx, { enrolmentId: w.chloe, issueDate: '2026-12-12' })
    expect(d.funderCode).toBe('aif')
    expect(d.buyerName).toBe('France Travail')
    expect(d.buyerEngagement).toBe('K-778')
    expect(d.amounts.lines.map((l) => [l.quantityHundredths, l.unitPriceCents, l.netCents])).toEqual([[1400, 1300, 18200]])
  })
})

describe('issuing', () => {
  it('numbers per year without gap, in the transaction that issues, and freezes the invoice', () => {
    const a = withSiret(regionDraft().id)
    const r = issueInvoice(ctx, { id: a.id, overrideReason: null }, fine)
    expect(r.issued && r.invoice.number).toBe('2026-00001')
    expect(r.issued && r.invoice.dueDate).toBe('2027-01-11')
    expect(() => updateDraft(ctx, { ...withSiretInput(a.id) })).toThrow(/ne se modifie pas/)
    expect(() => deleteDraft(ctx, a.id)).toThrow(/ne se modifie pas/)
    expect(() => t.db.prepare('UPDATE invoice SET total_ttc_cents = 1 WHERE id = ?').run(a.id)).toThrow(/ne se modifie pas/)
    // All of Alice's hours are invoiced already: nothing left to bill.
    expect(() => createFromSession(ctx, { sessionId: w.sessionId, funderCode: 'region', issueDate: '2026-12-13', enrolmentIds: [w.alice], perTrainee: true })).toThrow(/Rien à facturer/)
    // The CPF invoice comes next in 2026; one dated 2027 starts the 2027 sequence.
    const b = withSiret(createFromSession(ctx, { sessionId: w.sessionId, funderCode: 'cpf', issueDate: '2026-12-13', perTrainee: true }).id)
    const c = createFromSession(ctx, { sessionId: w.sessionId, funderCode: 'cpf', issueDate: '2026-12-13', perTrainee: false })
    expect(issueInvoice(ctx, { id: b.id, overrideReason: null }, fine)).toMatchObject({ issued: true, invoice: { number: '2026-00002' } })
    const d = updateDraft(ctx, { ...withSiretInput(c.id), issueDate: '2027-01-04' })
    expect(issueInvoice(ctx, { id: d.id, overrideReason: null }, fine)).toMatchObject({ issued: true, invoice: { number: '2027-00001' } })
    expect(sequence()).toEqual([
      { year: 2026, n: 2 },
      { year: 2027, n: 1 }
    ])
  })

  it('blocks on a consistency difference, takes no number, and issues when overridden with a reason (audited)', () => {
    const a = withSiret(regionDraft().id)
    const r = issueInvoice(ctx, { id: a.id, overrideReason: null }, blocking)
    expect(r).toEqual({ issued: false, report: mismatch })
    expect(getInvoice(t.db, a.id, TODAY).status).toBe('draft')
    expect(sequence()).toEqual([])
    const forced = issueInvoice(ctx, { id: a.id, overrideReason: 'Certificat envoyé par courrier le 12/12.' }, blocking)
    expect(forced.issued && forced.invoice.consistencyOverrideReason).toBe('Certificat envoyé par courrier le 12/12.')
    const audit = t.db.prepare<[], { after: string }>("SELECT after_json AS after FROM audit_log WHERE operation = 'invoice.consistencyOverride'").all()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ reason: 'Certificat envoyé par courrier le 12/12.', differences: [{ kind: 'certificate_missing' }] })
    expect(checkInvoice(t.db, a.id, blocking)).toEqual(mismatch)
  })

  it('refuses an invoice to the region without the buyer’s SIRET, and one dated before the last issued', () => {
    const a = regionDraft()
    expect(() => issueInvoice(ctx, { id: a.id, overrideReason: null }, fine)).toThrow(/SIRET du client est obligatoire/)
    const b = withSiret(a.id)
    issueInvoice(ctx, { id: b.id, overrideReason: null }, fine)
    const c = withSiret(createFromSession(ctx, { sessionId: w.sessionId, funderCode: 'cpf', issueDate: '2026-12-10', perTrainee: true }).id)
    expect(() => issueInvoice(ctx, { id: c.id, overrideReason: null }, fine)).toThrow(/ne peut être datée avant/)
    expect(sequence()).toEqual([{ year: 2026, n: 1 }])
  })
})

describe('after issue', () => {
  it('deposit on Chorus Pro, partial then total payment, credit notes in part and in whole', () => {
    const a = withSiret(regionDraft().id)
    issueInvoice(ctx, { id: a.id, overrideReason: null }, fine)
    expect(getInvoice(t.db, a.id, TODAY).followUp).toBe('issued')
    expect(recordDeposit(ctx, { id: a.id, depositedOn: '2026-12-13', chorusNumber: 'CPP-2026-778' }).followUp).toBe('deposited')
    expect(() => addPayment(ctx, { id: a.id, paidOn: '2026-12-14', amountCents: 74376, method: 'transfer', reference: null })).toThrow(/dépasse le reste dû/)
    const part = addPayment(ctx, { id: a.id, paidOn: '2026-12-14', amountCents: 40000, method: 'transfer', reference: 'VIR 1' })
    expect([part.followUp, part.paidCents, part.outstandingCents]).toEqual(['partially_paid', 40000, 34375])

    // Bruno's 24,5 h were 4 h too many: a credit note for 4 h of his line.
    const credit = createCreditNote(ctx, { id: a.id, issueDate: '2026-12-14', reason: 'Heures du 10/12 non dues', lines: [{ position: 2, quantityHundredths: 400 }] })
    expect([credit.kind, credit.number, credit.totalTtcCents, credit.creditedInvoiceNumber]).toEqual(['credit_note', '2026-00002', 5000, '2026-00001'])
    const after = getInvoice(t.db, a.id, TODAY)
    expect([after.creditedCents, after.outstandingCents]).toEqual([5000, 29375])
    expect(() => createCreditNote(ctx, { id: a.id, issueDate: '2026-12-14', reason: 'Trop', lines: [{ position: 1, quantityHundredths: 3600 }] })).toThrow(/quantité facturée/)
    const paid = addPayment(ctx, { id: a.id, paidOn: '2026-12-14', amountCents: 29375, method: 'transfer', reference: 'VIR 2' })
    expect([paid.followUp, paid.outstandingCents, paid.payments.length]).toEqual(['paid', 0, 2])
    expect(() => createCreditNote(ctx, { id: a.id, issueDate: '2026-12-14', reason: 'Tout' })).toThrow(/dépasseraient la facture/)
    expect(sequence()).toEqual([{ year: 2026, n: 2 }])
  })

  it('a whole credit note cancels an unpaid invoice', () => {
    const a = withSiret(regionDraft().id)
    issueInvoice(ctx, { id: a.id, overrideReason: null }, fine)
    const credit = createCreditNote(ctx, { id: a.id, issueDate: '2026-12-14', reason: 'Erreur de financeur' })
    expect(credit.totalTtcCents).toBe(74375)
    expect(getInvoice(t.db, a.id, TODAY).followUp).toBe('cancelled')
    expect(() => addPayment(ctx, { id: credit.id, paidOn: '2026-12-14', amountCents: 1, method: null, reference: null })).toThrow(/avoir/)
  })
})

function withSiretInput(id: number) {
  const d = getInvoice(t.db, id, TODAY)
  return {
    id,
    issueDate: d.issueDate,
    buyerName: 'X',
    buyerSiret: null,
    buyerSiren: null,
    buyerAddressLine1: null,
    buyerAddressLine2: null,
    buyerPostalCode: null,
    buyerCity: null,
    buyerServiceCode: null,
    buyerEngagement: null,
    contractReference: null,
    vatMode: d.vatMode,
    note: null,
    lines: [{ label: 'x', traineeName: null, enrolmentId: null, pricing: 'flat' as const, quantityHundredths: 100, unitPriceCents: 1 }]
  }
}

describe('dashboard counters', () => {
  it('« factures à déposer » until the Chorus deposit, « impayées à 30/60 jours » from the due date', () => {
    const a = withSiret(regionDraft().id)
    expect(invoicesToDeposit(t.db).count).toBe(0)
    issueInvoice(ctx, { id: a.id, overrideReason: null }, fine)
    expect(invoicesToDeposit(t.db)).toMatchObject({ count: 1, severity: 'todo', target: { screen: 'invoices', filter: { ids: [a.id] } } })
    recordDeposit(ctx, { id: a.id, depositedOn: '2026-12-13', chorusNumber: 'CPP-1' })
    expect(invoicesToDeposit(t.db).count).toBe(0)
    // Due 11 January 2027: 30 days later on 10 February, 60 days on 12 March.
    expect(invoicesUnpaid(t.db, '2027-02-09', 30).count).toBe(0)
    expect(invoicesUnpaid(t.db, '2027-02-10', 30)).toMatchObject({ count: 1, severity: 'todo' })
    expect(invoicesUnpaid(t.db, '2027-03-11', 60).count).toBe(0)
    expect(invoicesUnpaid(t.db, '2027-03-12', 60)).toMatchObject({ count: 1, severity: 'late' })
    addPayment(ctx, { id: a.id, paidOn: '2026-12-14', amountCents: 74375, method: 'transfer', reference: null })
    expect(invoicesUnpaid(t.db, '2027-03-12', 60).count).toBe(0)
    expect(listInvoices(t.db, { ids: [a.id] }, TODAY).map((r) => r.followUp)).toEqual(['paid'])
  })
})
