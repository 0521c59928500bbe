import { TextDecoder } from 'node:util'
import { decodeWindows1252 } from '../encoding/windows1252'
import { LheoError } from './errors'

/**
 * Byte encoding of an XML file, from its byte order mark or its XML declaration
 * (XML 1.0 appendix F). Without either, XML is UTF-8.
 *
 * ISO-8859-1 is decoded as windows-1252, as browsers do (WHATWG Encoding): the two differ
 * only on bytes 0x80–0x9F, which are control characters in ISO-8859-1 and never meant as such
 * in a catalogue, while files saved on Windows and labelled ISO-8859-1 routinely use them for
 * € ’ “ ” … œ.
 */
export type DetectedEncoding = {
  /** Name reported to the user / in the summary. */
  name: string
  /** Label given to TextDecoder. */
  decoderLabel: string
}

const UTF8: DetectedEncoding = { name: 'UTF-8', decoderLabel: 'utf-8' }

/** Bytes needed before detection can conclude (a declaration is far shorter than this). */
export const SNIFF_BYTES = 1024

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false
  return true
}

function normaliseLabel(label: string): DetectedEncoding {
  const l = label.trim().toLowerCase().replace(/_/g, '-')
  if (l === 'utf-8' || l === 'utf8') return UTF8
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'iso-ir-100', 'cp819', 'ibm819', 'iso-8859-1:1987'].includes(l)) {
    return { name: 'ISO-8859-1', decoderLabel: 'windows-1252' }
  }
  if (['windows-1252', 'cp1252', 'x-cp1252'].includes(l)) return { name: 'windows-1252', decoderLabel: 'windows-1252' }
  if (['iso-8859-15', 'iso8859-15', 'latin9', 'latin-9', 'l9'].includes(l)) return { name: 'ISO-8859-15', decoderLabel: 'iso-8859-15' }
  // ASCII is a subset of windows-1252; decoding that way keeps stray accented bytes readable.
  if (['us-ascii', 'ascii', 'iso646-us'].includes(l)) return { name: 'US-ASCII', decoderLabel: 'windows-1252' }
  throw new LheoError(
    'ENCODING',
    `Encodage « ${label} » non pris en charge (déclaré dans l'en-tête du fichier). Encodages acceptés : UTF-8, ISO-8859-1, windows-1252.`,
    { line: 1 }
  )
}

/**
 * Looks at the first bytes (up to SNIFF_BYTES, fewer if the file is shorter). Throws an
 * LheoError for an encoding we do not decode.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return UTF8
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0x3c, 0x00, 0x3f, 0x00])) return { name: 'UTF-16LE', decoderLabel: 'utf-16le' }
  if (startsWith(head, [0xfe, 0xff]) || startsWith(head, [0x00, 0x3c, 0x00, 0x3f])) return { name: 'UTF-16BE', decoderLabel: 'utf-16be' }
  // The declaration is ASCII whatever the encoding (for the ASCII-compatible ones we accept).
  const end = Math.min(head.length, SNIFF_BYTES)
  let ascii = ''
  for (let i = 0; i < end; i++) {
    const b = head[i] ?? 0
    if (b === 0x3e /* > */) {
      ascii += '>'
      break
    }
    ascii += String.fromCharCode(b)
  }
  const decl = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(ascii)
  if (decl && decl[2] !== undefined) {
    const label = decl[2]
    const l = label.trim().toLowerCase()
    // A declaration saying UTF-16 without a BOM, read as ASCII: the bytes are not UTF-16.
    if (l === 'utf-16' || l === 'utf-16le' || l === 'utf-16be') return UTF8
    return normaliseLabel(label)
  }
  return UTF8
}

/** True when detection needs more bytes: no BOM decision and the declaration is not closed yet. */
export function needsMoreBytes(head: Uint8Array): boolean {
  if (head.length >= SNIFF_BYTES) return false
  if (head.length < 4) return true
  if (head[0] !== 0x3c || head[1] !== 0x3f) return false
  for (let i = 2; i < head.length; i++) if (head[i] === 0x3e) return false
  return true
}

/**
 * Incremental decoder (multi-byte sequences split across chunks are carried over).
 * UTF-8 is decoded strictly: invalid bytes mean the file is not what it declares, and
 * guessing would put wrong characters in names and addresses.
 */
export class ChunkDecoder {
  readonly encoding: DetectedEncoding
  private readonly decoder: TextDecoder
  private readonly cp1252: boolean

  constructor(encoding: DetectedEncoding) {
    this.encoding = encoding
    const fatal = encoding.decoderLabel === 'utf-8' || encoding.decoderLabel.startsWith('utf-16')
    this.decoder = new TextDecoder(encoding.decoderLabel, { fatal })
    this.cp1252 = encoding.decoderLabel === 'windows-1252'
  }

  /** Decodes a chunk; returns null when the bytes are invalid for the encoding. */
  decode(chunk: Uint8Array): string | null {
    if (this.cp1252) return decodeWindows1252(chunk)
    try {
      return this.decoder.decode(chunk, { stream: true })
    } catch {
      return null
    }
  }

  /** Flushes what is left (an incomplete multi-byte sequence at the very end is invalid). */
  end(): string | null {
    if (this.cp1252) return ''
    try {
      return this.decoder.decode()
    } catch {
      return null
    }
  }
}

/** Line (1-based, counted from `fromLine`) of the first byte the decoder rejects in `chunk`. */
export function lineOfInvalidByte(chunk: Uint8Array, encoding: DetectedEncoding, fromLine: number): number {
  const lenient = new TextDecoder(encoding.decoderLabel).decode(chunk)
  const bad = lenient.indexOf('\ufffd')
  let line = fromLine
  const stop = bad < 0 ? lenient.length : bad
  for (let i = 0; i < stop; i++) if (lenient.charCodeAt(i) === 10) line++
  return line
}
