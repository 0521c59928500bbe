/*
 * UTF-8 text read as ISO-8859-1 / windows-1252 turns « é » into « Ã© », « è » into « Ã¨ », « ’ »
 * into « â€™ ». Two places catch it: a catalogue that declares a single-byte encoding while its
 * bytes are UTF-8 (refused: the names would be stored garbled), and a list whose text already
 * carries the garbled characters, saved that way by another program (the rows are named).
 */

const CONTINUATION = (b: number): boolean => b >= 0x80 && b <= 0xbf

/**
 * Bytes that are UTF-8 and not single-byte text: at least one multi-byte sequence of the
 * characters French uses (C2/C3 xx for Latin-1 letters, E2 80–84 xx for ’ “ ” – … €), and no
 * byte above 0x7F outside a valid sequence (a real ISO-8859-1 « é » is E9 followed by a letter).
 * A sequence cut by the end of `bytes` is not held against it. Returns the offset of the first
 * sequence, or -1.
 */
export function utf8InSingleByte(bytes: Uint8Array): number {
  let first = -1
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (b < 0x80) continue
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (len === 0) return -1
    if (i + len > bytes.length) break
    for (let k = 1; k < len; k++) if (!CONTINUATION(bytes[i + k] as number)) return -1
    if (first < 0) first = i
    i += len - 1
  }
  return first
}

/** « Ã© », « Ã¨ », « Ã§ », « Â° », « â€™ »…: UTF-8 letters read as windows-1252. */
const GARBLED = /[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€/

/** True when the text holds garbled accents such as « DÃ©couvrir ». */
export function looksGarbled(text: string): boolean {
  return GARBLED.test(text)
}
