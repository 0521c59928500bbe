import { describe, expect, it } from 'vitest'
import { firstUncleanText, isCleanText } from '@shared/domain/cleanText'
import { isoDate, optionalIsoDate, optionalText, text } from '@shared/api/fields'

describe('clean text', () => {
  it('accepts what a person types, accents, emoji, tabs and line breaks', () => {
    for (const s of ['Élodie Lefèvre', 'Ça va 👍', 'ligne 1\nligne 2\r\n\tfin', '']) expect(isCleanText(s), s).toBe(true)
  })

  it('refuses NUL, other control characters and lone surrogates', () => {
    for (const s of ['\u0000', 'Du\u0000pont', 'a\u0007b', '\u001b[31m', 'x\u007f', 'x\u0085', 'a\uD800b', 'a\uDC00', '\uD83D']) expect(isCleanText(s), JSON.stringify(s)).toBe(false)
  })

  it('finds the first unclean string of an input, skipping file contents, without recursion limits', () => {
    expect(firstUncleanText({ lastName: 'Dupont', changes: { city: 'Lo\u0000rient' } })).toBe('changes.city')
    expect(firstUncleanText({ rows: [{ note: 'ok' }, { note: 'a\uDFFFb' }] })).toBe('rows.1.note')
    expect(firstUncleanText({ base64: '\u0000\u0001', name: 'ok' })).toBeNull()
    let deep: unknown = 'x\u0000'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(() => firstUncleanText(deep)).not.toThrow()
  })

  it('gives a French message with the field’s label in the shared text helpers', () => {
    const r = text(80, 'Le nom').safeParse('\u0000')
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toBe('Le nom contient un caractère invisible ou invalide (souvent un copier-coller) : retapez-le.')
    expect(optionalText(80, 'La ville').safeParse('Lo\uD800rient').error?.issues[0]?.message).toMatch(/^La ville contient un caractère invisible/)
    expect(optionalText(80, 'La ville').safeParse(null).data).toBeNull()
  })
})

describe('calendar dates at the contract boundary', () => {
  it('refuses days that do not exist, accepts 29 February of a leap year', () => {
    const day = isoDate('La date')
    for (const s of ['2027-02-29', '2026-11-31', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-5']) {
      const r = day.safeParse(s)
      expect(r.success, s).toBe(false)
      expect(r.error?.issues[0]?.message).toMatch(/^La date : date invalide ou inexistante/)
    }
    expect(day.safeParse('2028-02-29').success).toBe(true)
    expect(optionalIsoDate('La date de fin').safeParse('2026-11-31').success).toBe(false)
    expect(optionalIsoDate('La date de fin').safeParse('').data).toBeNull()
  })
})
