import { describe, expect, it } from 'vitest'
import { effectiveFunding, funderText } from '@shared/domain/aifQuoteFunding'

describe('session and enrolment funding', () => {
  it('prints a funder with its teaching cost and reference', () => {
    expect(funderText({ code: 'region', teachingCostCents: 1250, costUnit: 'hour', reference: 'Marché 2026-04' })).toBe('Conseil régional — 12,50\u00a0€ par heure — réf. Marché 2026-04')
    expect(funderText({ code: 'france_travail', teachingCostCents: 480000, costUnit: 'place', reference: null })).toBe('France Travail (achat collectif) — 4\u202f800,00\u00a0€ par place')
    expect(funderText({ code: 'cpf', teachingCostCents: null, costUnit: null, reference: null })).toBe('CPF')
  })

  it('lets an enrolment inherit the session funding or state its own', () => {
    const session = [
      { code: 'france_travail' as const, teachingCostCents: null, costUnit: null, reference: null },
      { code: 'region' as const, teachingCostCents: 1250, costUnit: 'hour' as const, reference: null }
    ]
    expect(effectiveFunding(null, session)).toEqual({ funding: 'region', inherited: true })
    expect(effectiveFunding('aif', session)).toEqual({ funding: 'aif', inherited: false })
    expect(effectiveFunding(null, [])).toEqual({ funding: null, inherited: false })
  })
})
