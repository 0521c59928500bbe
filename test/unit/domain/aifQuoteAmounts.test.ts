import { describe, expect, it } from 'vitest'
import { allocateCents, computeQuoteAmounts, hourlyFromTotal, teachingCostCents, toHundredths } from '@shared/domain/aifQuoteAmounts'

describe('AIF quote amounts (integer cents, hours in hundredths)', () => {
  it('turns hours into hundredths without float drift', () => {
    expect(toHundredths(0.1 + 0.2)).toBe(30)
    expect(toHundredths(1.005)).toBe(101)
    expect(toHundredths(399.5)).toBe(39950)
    expect(() => toHundredths(-1)).toThrow()
  })

  it('prices hours at the hourly rate, rounded half up to the cent', () => {
    expect(teachingCostCents(1250, 40000)).toBe(500000) // 12,50 € × 400 h
    expect(teachingCostCents(1333, 750)).toBe(9998) // 13,33 × 7,5 = 99,975 → 99,98
    expect(teachingCostCents(999, 33)).toBe(330) // 9,99 × 0,33 = 3,2967 → 3,30
  })

  it('derives the hourly price of a flat total', () => {
    expect(hourlyFromTotal(419999, 35000)).toBe(1200) // 4 199,99 € / 350 h = 11,9999… → 12,00
    expect(hourlyFromTotal(100000, 0)).toBeNull()
  })

  it('shares 4 199,99 € over three funders exactly', () => {
    const parts = allocateCents(419999, [1, 1, 1])
    expect(parts).toEqual([140000, 140000, 139999])
    expect(parts.reduce((a, b) => a + b, 0)).toBe(419999)
    const uneven = allocateCents(419999, [50, 30, 20])
    expect(uneven.reduce((a, b) => a + b, 0)).toBe(419999)
    expect(uneven).toEqual([209999, 126000, 84000]) // largest remainders: ,8 and ,7
    expect(allocateCents(1, [1, 1, 1])).toEqual([1, 0, 0])
    expect(allocateCents(500, [0, 0])).toEqual([0, 0])
  })

  it('computes a quote of 4 199,99 € over three funders: France Travail gets the rest, nothing remains', () => {
    const a = computeQuoteAmounts({
      hoursHundredths: 35000,
      pricing: { mode: 'flat', totalCents: 419999 },
      funders: [
        { funder: 'region', amountCents: 100000 },
        { funder: 'cpf', amountCents: 120033 }
      ],
      franceTravailCents: null
    })
    expect(a.funders.map((f) => f.funder)).toEqual(['cpf', 'region']) // CPF first
    expect(a.othersCents).toBe(220033)
    expect(a.franceTravailCents).toBe(199966)
    expect(a.othersCents + a.franceTravailCents + a.remainingCents).toBe(a.totalCents)
    expect(a.remainingCents).toBe(0)
    expect(a.hourlyCents).toBe(1200)
  })

  it('keeps a stated France Travail amount and shows what remains or what is over-funded', () => {
    const base = { hoursHundredths: 10000, pricing: { mode: 'hourly', hourlyCents: 1000 } as const, funders: [{ funder: 'person' as const, amountCents: 5000 }] }
    expect(computeQuoteAmounts({ ...base, franceTravailCents: 90000 }).remainingCents).toBe(5000)
    expect(computeQuoteAmounts({ ...base, franceTravailCents: 100000 }).remainingCents).toBe(-5000)
  })

  it('keeps non-fundable lines apart from the teaching cost', () => {
    const a = computeQuoteAmounts({
      hoursHundredths: 10000,
      pricing: { mode: 'hourly', hourlyCents: 1000 },
      funders: [],
      franceTravailCents: null,
      extraLines: [{ kind: 'exam', label: null, amountCents: 12000 }, { kind: 'registration', label: 'Dossier', amountCents: 3000 }]
    })
    expect(a.totalCents).toBe(100000)
    expect(a.franceTravailCents).toBe(100000)
    expect(a.extraCents).toBe(15000)
  })

  it('refuses amounts that are not whole cents', () => {
    expect(() => computeQuoteAmounts({ hoursHundredths: 100, pricing: { mode: 'flat', totalCents: 10.5 }, funders: [], franceTravailCents: null })).toThrow()
  })
})
