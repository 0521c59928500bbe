import { describe, expect, it } from 'vitest'
import { allowedActions, amountsEditable, quoteNumber, transitionQuote, type TransitionInput } from '@shared/domain/aifQuoteStatus'

const none = { sentOn: null, acceptedOn: null, answeredOn: null }
const t = (over: Partial<TransitionInput>) => transitionQuote({ status: 'draft', dates: none, action: 'file', date: '2026-12-01', today: '2026-12-02', ...over })

describe('AIF quote state machine', () => {
  it('lists the moves from each status', () => {
    expect(allowedActions('draft')).toEqual(['file', 'cancel'])
    expect(allowedActions('sent')).toEqual(['accept', 'refuse', 'cancel', 'supersede'])
    expect(allowedActions('accepted')).toEqual(['validate', 'refuse', 'cancel', 'supersede'])
    expect(allowedActions('validated')).toEqual(['cancel', 'supersede'])
    for (const s of ['refused', 'cancelled', 'superseded'] as const) expect(allowedActions(s)).toEqual([])
  })

  it('goes brouillon → transmis → accepté → validé with its dates', () => {
    const filed = t({ kairosNumber: ' K-778 ' })
    expect(filed).toEqual({ ok: true, value: { status: 'sent', patch: { sentOn: '2026-12-01', kairosNumber: 'K-778' } } })
    expect(t({ status: 'sent', action: 'accept', dates: { ...none, sentOn: '2026-12-01' } })).toEqual({ ok: true, value: { status: 'accepted', patch: { acceptedOn: '2026-12-01' } } })
    expect(t({ status: 'accepted', action: 'validate', dates: { ...none, sentOn: '2026-11-20', acceptedOn: '2026-11-25' } })).toEqual({ ok: true, value: { status: 'validated', patch: { answeredOn: '2026-12-01' } } })
  })

  it('refuses illegal moves with a French message', () => {
    expect(t({ action: 'validate' })).toEqual({ ok: false, message: 'Un devis « brouillon » ne peut pas passer à « validé ».' })
    expect(t({ status: 'cancelled', action: 'file' }).ok).toBe(false)
    expect(t({ status: 'draft', action: 'supersede' }).ok).toBe(false)
  })

  it('blocks filing a quote with refusals, dates in the future or before the previous step', () => {
    expect(t({ refusals: ['Le CPF couvre le coût.'] })).toEqual({ ok: false, message: 'Devis non transmissible : Le CPF couvre le coût.' })
    expect(t({ date: '2026-12-03' })).toEqual({ ok: false, message: 'La date (03/12/2026) ne peut pas être dans le futur.' })
    expect(t({ status: 'sent', action: 'accept', date: '2026-11-01', dates: { ...none, sentOn: '2026-11-10' } })).toEqual({ ok: false, message: 'La date (01/11/2026) précède la transmission (10/11/2026).' })
  })

  it('needs a reason to refuse, and to cancel a filed quote', () => {
    expect(t({ status: 'sent', action: 'refuse' })).toEqual({ ok: false, message: 'Indiquez le motif du refus.' })
    expect(t({ status: 'sent', action: 'refuse', reason: 'Projet non validé' })).toEqual({ ok: true, value: { status: 'refused', patch: { answeredOn: '2026-12-01', decisionReason: 'Projet non validé' } } })
    expect(t({ status: 'draft', action: 'cancel' }).ok).toBe(true)
    expect(t({ status: 'accepted', action: 'cancel' }).ok).toBe(false)
    expect(t({ status: 'accepted', action: 'cancel', reason: 'Abandon du projet' }).ok).toBe(true)
  })

  it('freezes amounts once the quote has left the draft', () => {
    expect(amountsEditable('draft')).toBe(true)
    for (const s of ['sent', 'accepted', 'validated', 'refused', 'cancelled', 'superseded'] as const) expect(amountsEditable(s)).toBe(false)
    expect(t({ status: 'accepted', action: 'supersede' })).toEqual({ ok: true, value: { status: 'superseded', patch: {} } })
  })

  it('numbers quotes and their versions', () => {
    expect(quoteNumber(2026, 7)).toBe('DEV-2026-0007')
    expect(quoteNumber(2026, 7, 2)).toBe('DEV-2026-0007-v2')
  })
})
