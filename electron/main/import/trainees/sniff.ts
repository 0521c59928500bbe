import { AppError } from '@shared/api/result'
import { decodeWindows1252 } from '../encoding/windows1252'

/*
 * What kind of file the clerk picked, from its bytes only: the name's extension lies often
 * enough (a ".xls" that is really HTML or CSV, a ".csv" saved as a workbook by Excel).
 */

export const UNKNOWN_FORMAT = 'Format non reconnu : fichier CSV ou Excel (.xlsx) attendu.'

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'windows-1252'

export type DecodedText = { text: string; encoding: TextEncodingName }

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false
  return prefix.every((b, i) => bytes[i] === b)
}

function unknownFormat(detail?: string): AppError {
  return new AppError('invalid_input', detail ? `${UNKNOWN_FORMAT} ${detail}` : UNKNOWN_FORMAT)
}

/** 'xlsx' for a zip container (checked further by the workbook reader), 'csv' for anything else that may be text. */
export function sniffFormat(bytes: Uint8Array): 'xlsx' | 'csv' {
  if (bytes.length === 0) throw new AppError('invalid_input', 'Le fichier est vide.')
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx'
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw unknownFormat('Ce fichier est un PDF.')
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw unknownFormat('Ce fichier est un classeur Excel 97-2003 (.xls) : ouvrez-le dans Excel et enregistrez-le au format .xlsx.')
  }
  return 'csv'
}

export { decodeWindows1252 }

/**
 * A byte order mark decides; otherwise UTF-8 when the bytes are valid UTF-8 (ASCII included),
 * else windows-1252, what Excel writes for "CSV (séparateur : point-virgule)" on a French Windows.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let decoded: DecodedText
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    decoded = { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' }
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' }
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' }
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
    } catch {
      decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
    }
  }
  if (!looksLikeText(decoded.text)) throw unknownFormat()
  return decoded
}

/**
 * Binary files decode "successfully" as windows-1252 (every byte maps to something), so the
 * decision rests on control characters: text files have none besides tab, line feed, carriage
 * return and form feed; random or compressed bytes have several in every hundred.
 */
function looksLikeText(text: string): boolean {
  let controls = 0
  const checked = Math.min(text.length, 64 * 1024)
  for (let i = 0; i < checked; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) return false
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) controls++
  }
  return controls <= checked / 200
}
