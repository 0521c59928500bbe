import { describe, expect, it } from 'vitest'
import { codeFromBytes, CODE_MARKER, findCodeInPdf, formatCode, normaliseCode } from '@shared/domain/verificationCode'

describe('verification codes', () => {
  it('encodes 50 bits of random bytes as 10 base32 characters', () => {
    expect(codeFromBytes(new Uint8Array([0, 0, 0, 0, 0, 0, 0]))).toBe('AAAAAAAAAA')
    expect(codeFromBytes(new Uint8Array([255, 255, 255, 255, 255, 255, 255]))).toBe('7777777777')
    // RFC 4648 test vector: base32("foobar") = MZXW6YTBOI======
    expect(codeFromBytes(new TextEncoder().encode('foobar!'))).toBe('MZXW6YTBOI')
    expect(() => codeFromBytes(new Uint8Array(6))).toThrow()
  })
  it('prints in two groups and reads back what a clerk types', () => {
    expect(formatCode('K7QX2MA4PD')).toBe('K7QX2-MA4PD')
    expect(normaliseCode(' k7qx2-ma4pd ')).toBe('K7QX2MA4PD')
    expect(normaliseCode('K7QX2 MA4P0')).toBe('K7QX2MA4PO')
    expect(normaliseCode('I1B8')).toBeNull()
    expect(normaliseCode('K7QX2MA4PD9')).toBeNull()
    expect(normaliseCode('K7QX2MA49D')).toBeNull()
  })
  it('finds the code in a PDF’s metadata', () => {
    expect(findCodeInPdf(`<< /Keywords (${CODE_MARKER}K7QX2MA4PD) >>`)).toBe('K7QX2MA4PD')
    expect(findCodeInPdf('%PDF-1.3 nothing')).toBeNull()
  })
})
