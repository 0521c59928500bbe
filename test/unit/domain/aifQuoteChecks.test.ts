import { describe, expect, it } from 'vitest'
import { computeQuoteAmounts, type FunderAmount } from '@shared/domain/aifQuoteAmounts'
import { checkQuote, type QuoteCheckInput } from '@shared/domain/aifQuoteChecks'

const amounts = (funders: FunderAmount[] = [], ft: number | null = null, hourlyCents = 1200) =>
  computeQuoteAmounts({ hoursHundredths: 35000, pricing: { mode: 'hourly', hourlyCents }, funders, franceTravailCents: ft })

const base = (over: Partial<QuoteCheckInput> = {}): QuoteCheckInput => ({
  amounts: amounts(),
  cpfBalanceCents: null,
  remainingCostReason: null,
  startDate: '2027-01-11',
  endDate: '2027-04-30',
  session: { startDate: '2027-01-04', endDate: '2027-05-28' },
  qualiopi: { number: 'Q-2024-118', validUntil: '2027-12-31' },
  hourlyCeilingCents: 1500,
  filedOn: null,
  today: '2026-12-02',
  otherActiveQuotes: [],
  ...over
})
const codes = (i: QuoteCheckInput) => checkQuote(i).findings.map((f) => `${f.level}:${f.code}`)

describe('AIF quote checks', () => {
  it('passes a clean quote', () => {
    expect(checkQuote(base())).toEqual({ refusals: [], warnings: [], findings: [] })
  })

  it('refuses an AIF while the CPF balance (plus own contribution) covers the cost', () => {
    const r = checkQuote(base({ cpfBalanceCents: 420000 }))
    expect(r.refusals.map((f) => f.code)).toEqual(['cpf_covers'])
    expect(r.refusals[0]?.message).toBe('Le solde CPF (4\u202f200,00\u00a0€) couvre le coût pédagogique (4\u202f200,00\u00a0€) : pas d’AIF, la formation se finance par le CPF.')
    expect(codes(base({ cpfBalanceCents: 400000, amounts: amounts([{ funder: 'person', amountCents: 20000 }]) }))).toContain('refusal:cpf_covers')
  })

  it('requires the CPF balance to be mobilised first', () => {
    expect(codes(base({ cpfBalanceCents: 100000 }))).toEqual(['refusal:cpf_first'])
    expect(codes(base({ cpfBalanceCents: 100000, amounts: amounts([{ funder: 'cpf', amountCents: 100000 }]) }))).toEqual([])
  })

  it('requires a Qualiopi certification valid on the start date', () => {
    expect(codes(base({ qualiopi: { number: null, validUntil: null } }))).toEqual(['refusal:qualiopi_missing'])
    const r = checkQuote(base({ qualiopi: { number: 'Q1', validUntil: '2027-01-10' } }))
    expect(r.refusals[0]?.message).toBe('La certification Qualiopi (n° Q1) expire le 10/01/2027, avant l’entrée en formation du 11/01/2027 : pas d’AIF sans certification valide.')
    expect(codes(base({ qualiopi: { number: 'Q1', validUntil: '2027-01-11' } }))).toEqual([])
  })

  it('keeps the dates within the session', () => {
    expect(codes(base({ startDate: '2027-01-01' }))).toEqual(['refusal:dates_outside_session'])
    expect(codes(base({ endDate: '2027-06-01' }))).toEqual(['refusal:dates_outside_session'])
    expect(codes(base({ endDate: '2027-01-10' }))).toEqual(['refusal:dates_order'])
  })

  it('requires the amounts to add up and no remaining cost unless stated', () => {
    expect(codes(base({ amounts: amounts([], 400000) }))).toEqual(['refusal:remaining_cost'])
    const stated = checkQuote(base({ amounts: amounts([], 400000), remainingCostReason: 'choix du stagiaire' }))
    expect(stated.refusals).toEqual([])
    expect(stated.warnings[0]?.message).toBe('Reste à charge du stagiaire : 200,00\u00a0€ (choix du stagiaire).')
    expect(codes(base({ amounts: amounts([{ funder: 'region', amountCents: 100000 }], 400000) }))).toEqual(['refusal:over_funded'])
    expect(codes(base({ amounts: amounts([{ funder: 'region', amountCents: 420000 }]) }))).toEqual(['refusal:nothing_asked'])
    expect(codes(base({ enteredFunders: [{ funder: 'opco', amountCents: 1 }, { funder: 'opco', amountCents: 2 }] }))).toContain('refusal:duplicate_funder')
  })

  it('warns about an hourly price above the ceiling, never above when no ceiling', () => {
    const r = checkQuote(base({ amounts: amounts([], null, 1800) }))
    expect(r.refusals).toEqual([])
    expect(r.warnings.map((w) => w.code)).toEqual(['hourly_ceiling'])
    expect(r.warnings[0]?.message).toContain('18,00\u00a0€ au-dessus du plafond de 15,00\u00a0€')
    expect(codes(base({ amounts: amounts([], null, 1800), hourlyCeilingCents: null }))).toEqual([])
  })

  it('warns when filed, or still to file, less than 15 days before the start', () => {
    expect(codes(base({ today: '2026-12-27' }))).toEqual([]) // 11/01 − 15 = 27/12: still in time
    expect(codes(base({ today: '2026-12-28' }))).toEqual(['warning:late_filing'])
    expect(codes(base({ filedOn: '2026-12-20', today: '2027-01-05' }))).toEqual([])
    expect(checkQuote(base({ filedOn: '2027-01-04', today: '2027-01-05' })).warnings[0]?.message).toContain('moins de 15 jours')
  })

  it('allows one active quote per enrolment', () => {
    const r = checkQuote(base({ otherActiveQuotes: [{ number: 'DEV-2026-0001', statusLabel: 'Transmis' }] }))
    expect(r.refusals[0]?.message).toBe('Un devis est déjà en cours pour cette inscription (n° DEV-2026-0001, transmis) : annulez-le ou faites-en une nouvelle version.')
  })

  it('shows non-fundable lines apart, as a warning', () => {
    const a = computeQuoteAmounts({ hoursHundredths: 35000, pricing: { mode: 'hourly', hourlyCents: 1200 }, funders: [], franceTravailCents: null, extraLines: [{ kind: 'exam', label: null, amountCents: 9000 }] })
    const r = checkQuote(base({ amounts: a }))
    expect(r.refusals).toEqual([])
    expect(r.warnings[0]?.message).toBe('Non finançable par l’AIF, présenté à part et hors montant demandé : Frais d’examen ou de certification 90,00\u00a0€.')
  })
})
