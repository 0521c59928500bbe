import { describe, expect, it } from 'vitest'
import { consistencyReport, enrolmentDifferences, monthsToAttest, type ConsistencyFacts } from '@shared/domain/invoiceConsistency'

// The pure rules of the check before invoicing (the service test covers them on a real session).
const clean: ConsistencyFacts = {
  enrolmentId: 7,
  sessionId: 3,
  traineeName: 'MORVAN Anne',
  status: 'sorti',
  entryDate: '2026-11-02',
  exitDate: '2026-11-27',
  entryEvent: { date: '2026-11-02', declaredOn: '2026-11-02', requiresDeclaration: true },
  exitEvent: { date: '2026-11-27', declaredOn: '2026-11-27', requiresDeclaration: true },
  ledgerHours: 133,
  firstPresent: '2026-11-02',
  lastPresent: '2026-11-27',
  presentOutside: [],
  futureDays: [],
  unattestedMonths: [],
  certificate: { hours: 133, generatedAt: '2026-11-30T10:00:00Z' },
  invoicedHours: 133
}
const kinds = (f: Partial<ConsistencyFacts>): string[] => enrolmentDifferences({ ...clean, ...f }, '2026-12-02').map((d) => d.kind)

describe('consistency rules', () => {
  it('finds nothing when the ledger, the certificate, the invoice and the dates agree (to the hundredth)', () => {
    expect(kinds({})).toEqual([])
    expect(kinds({ ledgerHours: 0.1 + 0.2, certificate: { hours: 0.3, generatedAt: 'x' }, invoicedHours: 0.3 })).toEqual([])
    expect(consistencyReport([clean], '2026-12-02')).toEqual({ ok: true, asOf: '2026-12-02', checkedEnrolments: 1, differences: [] })
  })

  it('names each mismatch', () => {
    expect(kinds({ certificate: { hours: 126, generatedAt: '2026-11-30T10:00:00Z' } })).toEqual(['certificate_hours'])
    expect(kinds({ certificate: { hours: null, generatedAt: '2026-11-30T10:00:00Z' } })).toEqual(['certificate_hours'])
    expect(kinds({ certificate: null })).toEqual(['certificate_missing'])
    expect(kinds({ certificate: null, status: 'entre', exitDate: null, exitEvent: null, lastPresent: '2026-12-01' })).toEqual([])
    expect(kinds({ invoicedHours: 140 })).toEqual(['invoice_hours'])
    expect(kinds({ invoicedHours: null })).toEqual([])
    expect(kinds({ firstPresent: '2026-11-04' })).toEqual(['entry_date'])
    expect(kinds({ firstPresent: null, lastPresent: null })).toEqual(['entry_date'])
    expect(kinds({ lastPresent: '2026-11-25' })).toEqual(['exit_date'])
    expect(kinds({ entryEvent: { date: '2026-11-02', declaredOn: null, requiresDeclaration: true } })).toEqual(['undeclared_date'])
    expect(kinds({ entryEvent: { date: '2026-11-02', declaredOn: null, requiresDeclaration: false } })).toEqual([])
    expect(kinds({ entryEvent: { date: '2026-11-03', declaredOn: '2026-11-03', requiresDeclaration: true } })).toEqual(['undeclared_date'])
    expect(kinds({ presentOutside: ['2026-11-30'] })).toEqual(['presence_outside'])
    expect(kinds({ unattestedMonths: ['2026-11'] })).toEqual(['month_not_attested'])
    expect(kinds({ futureDays: ['2026-12-10'] })).toEqual(['future_hours'])
  })

  it('asks for the months from entry to exit, the current one only from its 25th or when the trainee left in it', () => {
    expect(monthsToAttest('2026-09-07', '2026-11-27', '2026-12-02')).toEqual(['2026-09', '2026-10', '2026-11'])
    expect(monthsToAttest('2026-09-07', null, '2026-11-20')).toEqual(['2026-09', '2026-10'])
    expect(monthsToAttest('2026-09-07', null, '2026-11-25')).toEqual(['2026-09', '2026-10', '2026-11'])
    expect(monthsToAttest('2026-11-02', '2026-11-13', '2026-11-20')).toEqual(['2026-11'])
    expect(monthsToAttest('2026-12-01', null, '2026-11-20')).toEqual([])
    expect(monthsToAttest(null, null, '2026-11-20')).toEqual([])
  })
})
