import { describe, expect, it } from 'vitest'
import { stripSpaces } from '@shared/domain/validation'

describe('stripSpaces', () => {
  it('removes ordinary, non-breaking and narrow non-breaking spaces', () => {
    expect(stripSpaces(' 732 829\u00A0320\u202F00074 ')).toBe('73282932000074')
  })

  it('removes tabs, newlines, figure spaces, zero-width spaces and BOM', () => {
    expect(stripSpaces('\uFEFF12\t34\n56\u200778\u200B9')).toBe('123456789')
  })

  it('leaves other characters alone', () => {
    expect(stripSpaces('a-b.c')).toBe('a-b.c')
    expect(stripSpaces('')).toBe('')
  })
})
