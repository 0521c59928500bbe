import { describe, expect, it } from 'vitest'
import { looksLikeFormula, spreadsheetSafe } from '@shared/domain/spreadsheetText'

describe('text written for a spreadsheet', () => {
  it('neutralises what Excel would run as a formula', () => {
    for (const f of ['=1+1', '@sum(1+1)', "-2+3+CMD|' /C CALC'!A0", '+1+1', '=HYPERLINK("http://x")', '\t=1', '\r=1']) {
      expect(looksLikeFormula(f), f).toBe(true)
      expect(spreadsheetSafe(f)).toBe(`'${f}`)
    }
  })

  it('leaves names, phone numbers and negative amounts or hours alone', () => {
    for (const t of ['Lefèvre', 'Jean-Pierre', '+33 6 12 34 56 78', '-12,50 €', '-3,5 h', '-7', '', 'ÇELIK']) {
      expect(looksLikeFormula(t), t).toBe(false)
      expect(spreadsheetSafe(t)).toBe(t)
    }
  })
})
