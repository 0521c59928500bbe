/*
 * The short code printed on every generated document (and in its QR code) that finds it in the
 * register: 10 characters of RFC 4648 base32 (A–Z, 2–7: no 0/1/8/9 to confuse with O/I/B), i.e.
 * 50 random bits, printed in two groups « K7QX2-MA4PD » so it reads and types easily.
 */

export const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
export const CODE_LENGTH = 10

/** The code of random bytes (at least 7: 56 bits, 50 used). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 7) throw new Error('verification code: 7 random bytes needed')
  let bits = 0
  let value = 0
  let out = ''
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += CODE_ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
    if (out.length === CODE_LENGTH) break
  }
  return out
}

/** « K7QX2MA4PD » → « K7QX2-MA4PD » */
export function formatCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`
}

/**
 * What a clerk typed (or a scanner read) → the stored code, or null when it cannot be one:
 * case, spaces and dashes ignored; 0, 1 and 8 read as O, I and B (they are not in the alphabet).
 */
export function normaliseCode(typed: string): string | null {
  const s = typed
    .toUpperCase()
    .replace(/[\s\-‐‑–—.]/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B')
  return s.length === CODE_LENGTH && [...s].every((c) => CODE_ALPHABET.includes(c)) ? s : null
}

/** The marker written in the PDF's metadata (Keywords), read back by the verifier. */
export const CODE_MARKER = 'passerelle-code:'
export function findCodeInPdf(latin1: string): string | null {
  const m = new RegExp(`${CODE_MARKER}([A-Z2-7]{${CODE_LENGTH}})`).exec(latin1)
  return m?.[1] ?? null
}
