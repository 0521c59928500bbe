import { describe, expect, it } from 'vitest'
import { ciiAmount, computeInvoiceAmounts, lineNetCents, parseHundredths, VAT_EXEMPTION_TEXT, type InvoiceLineInput } from '@shared/domain/invoiceAmounts'
import {
  creditableCents,
  daysOverdue,
  dueDate,
  followUp,
  formatInvoiceNumber,
  frenchVatNumber,
  legalNotes,
  parseInvoiceNumber,
  RECOVERY_INDEMNITY_TEXT
} from '@shared/domain/invoiceRules'

const hourly = (hundredths: number, price: number): InvoiceLineInput => ({ label: 'Heures', traineeName: null, enrolmentId: null, pricing: 'hourly', quantityHundredths: hundredths, unitPriceCents: price })

describe('invoice amounts (EN 16931 rounding, in cents)', () => {
  it('rounds each line net to the cent, half up', () => {
    expect(lineNetCents(1250, 1250)).toBe(15625) // 12,5 h × 12,50 € = 156,25 €
    expect(lineNetCents(333, 1333)).toBe(4439) // 3,33 × 13,33 = 44,3889 → 44,39
    expect(lineNetCents(50, 1)).toBe(1) // 0,5 × 0,01 = 0,005 → 0,01 (half up)
    expect(lineNetCents(49, 1)).toBe(0)
    expect(lineNetCents(100, 150000)).toBe(150000)
  })

  it('computes VAT once on the sum of the line nets, not per line', () => {
    // Three lines of 0,03 €: VAT per line would be 3 × round(0,006) = 0,03; on the sum, round(0,018) = 0,02.
    const a = computeInvoiceAmounts([hourly(100, 3), hourly(100, 3), hourly(100, 3)], 'standard')
    expect(a.breakdown).toEqual([{ category: 'S', ratePercent: 20, taxableCents: 9, vatCents: 2, exemptionReason: null }])
    expect(a.totals).toEqual({ lineTotalCents: 9, taxBasisCents: 9, vatCents: 2, grandTotalCents: 11, prepaidCents: 0, dueCents: 11 })
  })

  it('an exempt invoice has category E, no VAT and the CGI mention', () => {
    const a = computeInvoiceAmounts([hourly(14000, 1250), { ...hourly(100, 35000), pricing: 'flat' }], 'exempt')
    expect(a.lines.map((l) => [l.unit, l.vatRatePercent, l.netCents])).toEqual([
      ['HUR', 0, 175000],
      ['C62', 0, 35000]
    ])
    expect(a.breakdown).toEqual([{ category: 'E', ratePercent: 0, taxableCents: 210000, vatCents: 0, exemptionReason: VAT_EXEMPTION_TEXT }])
    expect(a.totals.grandTotalCents).toBe(210000)
    expect(VAT_EXEMPTION_TEXT).toBe('Exonération de TVA, article 261-4-4° a du CGI')
  })

  it('a VAT invoice at 20 %: totals BT-106 to BT-115 consistent', () => {
    const a = computeInvoiceAmounts([hourly(12345, 1333), hourly(7, 999)], 'standard')
    // 123,45 × 13,33 = 1645,5885 → 1645,59 ; 0,07 × 9,99 = 0,6993 → 0,70
    expect(a.lines.map((l) => l.netCents)).toEqual([164559, 70])
    expect(a.totals).toEqual({ lineTotalCents: 164629, taxBasisCents: 164629, vatCents: 32926, grandTotalCents: 197555, prepaidCents: 0, dueCents: 197555 })
  })

  it('a 37-line invoice: the total is the sum of the rounded lines, identical in cents and in the CII text', () => {
    const lines = Array.from({ length: 37 }, (_, i) => hourly(1 + ((i * 7919) % 15000), 1111 + i * 37))
    const nets = lines.map((l) => Math.floor((2 * l.quantityHundredths * l.unitPriceCents + 100) / 200))
    const expectedNet = nets.reduce((s, n) => s + n, 0)
    for (const mode of ['exempt', 'standard'] as const) {
      const a = computeInvoiceAmounts(lines, mode)
      expect(a.lines).toHaveLength(37)
      expect(a.lines.map((l) => l.netCents)).toEqual(nets)
      expect(a.totals.lineTotalCents).toBe(expectedNet)
      const vat = mode === 'exempt' ? 0 : Math.floor((2 * expectedNet * 20 + 100) / 200)
      expect(a.totals.vatCents).toBe(vat)
      expect(a.totals.grandTotalCents).toBe(expectedNet + vat)
      // The CII writes the same cents with a dot: parsing it back gives the same integer.
      expect(Math.round(Number(ciiAmount(a.totals.grandTotalCents)) * 100)).toBe(a.totals.grandTotalCents)
    }
  })

  it('writes CII amounts and reads typed hours', () => {
    expect(ciiAmount(0)).toBe('0.00')
    expect(ciiAmount(5)).toBe('0.05')
    expect(ciiAmount(123456789)).toBe('1234567.89')
    expect(parseHundredths('12,5')).toBe(1250)
    expect(parseHundredths('140')).toBe(14000)
    expect(parseHundredths('0')).toBeNull()
    expect(parseHundredths('1,234')).toBeNull()
    expect(parseHundredths('abc')).toBeNull()
  })
})

describe('invoice rules', () => {
  it('numbers invoices per year on five digits', () => {
    expect(formatInvoiceNumber(2027, 42)).toBe('2027-00042')
    expect(parseInvoiceNumber('2027-00042')).toEqual({ year: 2027, sequence: 42 })
    expect(parseInvoiceNumber('F-42')).toBeNull()
    expect(() => formatInvoiceNumber(2027, 0)).toThrow()
  })

  it('due date, late penalties and the 40 € indemnity', () => {
    expect(dueDate('2027-01-31', 30)).toBe('2027-03-02')
    expect(dueDate('2027-01-31', 90)).toBe('2027-04-01') // capped at 60 days (L441-10)
    const notes = legalNotes(30)
    expect(notes.map((n) => n.subject)).toEqual(['AAB', 'PMD', 'PMT'])
    expect(notes[1]?.text).toMatch(/trois fois le taux d’intérêt légal/)
    expect(RECOVERY_INDEMNITY_TEXT).toContain('40,00 €')
    expect(daysOverdue('2027-03-02', '2027-04-01')).toBe(30)
    expect(daysOverdue('2027-03-02', '2027-03-01')).toBe(0)
  })

  it('follow-up status: émise, déposée, payée partiellement or totalement, annulée par avoir', () => {
    const base = { kind: 'invoice' as const, status: 'issued' as const, totalCents: 1000, paidCents: 0, creditedCents: 0, chorusDepositedOn: null }
    expect(followUp({ ...base, status: 'draft' })).toBe('draft')
    expect(followUp(base)).toBe('issued')
    expect(followUp({ ...base, chorusDepositedOn: '2027-02-01' })).toBe('deposited')
    expect(followUp({ ...base, paidCents: 400 })).toBe('partially_paid')
    expect(followUp({ ...base, paidCents: 600, creditedCents: 400 })).toBe('paid')
    expect(followUp({ ...base, creditedCents: 1000 })).toBe('cancelled')
    expect(followUp({ ...base, kind: 'credit_note' })).toBe('credit_note')
    expect(creditableCents(1000, 400)).toBe(600)
  })

  it('French VAT number from the SIREN', () => {
    expect(frenchVatNumber('404833048')).toBe('FR83404833048')
  })
})
