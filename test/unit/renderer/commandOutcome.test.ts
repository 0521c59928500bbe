import { describe, expect, it } from 'vitest'
import { commandOutcome, localFailure } from '../../../renderer/src/hooks/commandOutcome'

describe('command outcome', () => {
  it('a success clears the refusal and toasts the message, fixed or built from the answer', () => {
    expect(commandOutcome({ ok: true, value: 3 })).toEqual({ failure: null, toast: null })
    expect(commandOutcome({ ok: true, value: 3 }, { success: 'Enregistré.' })).toEqual({ failure: null, toast: { kind: 'success', message: 'Enregistré.' } })
    expect(commandOutcome({ ok: true, value: 3 }, { success: (n) => `${n} lignes` })).toEqual({ failure: null, toast: { kind: 'success', message: '3 lignes' } })
    expect(commandOutcome({ ok: true, value: 3 }, { success: 'Décoché.', successKind: 'info' })).toEqual({ failure: null, toast: { kind: 'info', message: 'Décoché.' } })
  })

  it('a refusal is kept whole, toasted only when asked', () => {
    const error = { code: 'invalid_input' as const, message: 'Nom obligatoire.', issues: [{ path: 'lastName', message: 'Nom obligatoire.' }] }
    expect(commandOutcome({ ok: false, error }, { success: 'Enregistré.' })).toEqual({ failure: error, toast: null })
    expect(commandOutcome({ ok: false, error }, { errorToast: true })).toEqual({ failure: error, toast: { kind: 'error', message: 'Nom obligatoire.' } })
  })

  it('a local refusal has the shape of the server’s', () => {
    expect(localFailure('Date invalide.')).toEqual({ code: 'invalid_input', message: 'Date invalide.' })
    expect(localFailure(null)).toBeNull()
  })
})
