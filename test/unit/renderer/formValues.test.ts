import { describe, expect, it } from 'vitest'
import { checkFields, emptyTexts, formTexts, inputTexts, optionalCheck } from '../../../renderer/src/forms/formValues'

describe('form values', () => {
  it('shows absent texts as empty and sends blank ones as null, trimmed', () => {
    expect(emptyTexts(['a', 'b'] as const)).toEqual({ a: '', b: '' })
    // A record with more than the form's fields (a row from the server): only the form's are taken.
    const row = { a: 'x', b: null, c: 1 }
    expect(formTexts(row, ['a', 'b'] as const)).toEqual({ a: 'x', b: '' })
    expect(inputTexts({ a: ' x ', b: '  ' }, ['a', 'b'] as const)).toEqual({ a: 'x', b: null })
  })

  it('checks an optional field only when typed, and every field at once', () => {
    const digits = (s: string) => (/^\d+$/.test(s) ? { ok: true as const, value: s } : { ok: false as const, message: 'Des chiffres.' })
    expect(optionalCheck(' ', digits)).toBeNull()
    expect(optionalCheck('12a', digits)).toBe('Des chiffres.')
    expect(checkFields({ n: '1', m: 'z' }, (_f, v) => optionalCheck(v, digits))).toEqual({ m: 'Des chiffres.' })
  })
})
