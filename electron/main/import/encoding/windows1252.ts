/** Characters of bytes 0x80–0x9F in windows-1252 (WHATWG index); undefined bytes keep their C1 code. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178
]

/**
 * Decoded by hand: Node's TextDecoder('windows-1252') has decoded as ISO-8859-1 since 20.18.3
 * (nodejs/node#60888), turning œ ’ – € into invisible control characters. One byte is one
 * character, so chunks decode independently (no state carried across a stream).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)))
}
