import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
import { AppError } from '@shared/api/result'

/*
 * A workbook is a zip archive: a few hundred kilobytes can unpack to gigabytes (a « zip bomb »).
 * Before anything is unpacked, the central directory is read and its sizes checked (total,
 * per part, expansion ratio); then every part is inflated by this module only, counting the
 * bytes it really produces and stopping at the size the directory declared, so a directory
 * that lies cannot make it produce more. Memory stays bounded whatever the archive says.
 */

/** All parts together, unpacked: a 20,000-row list is about 20 MB of XML. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024
/** One part (a sheet, the shared strings), unpacked. */
export const MAX_PART_BYTES = 50 * 1024 * 1024
/** Unpacked / packed, for parts over RATIO_FLOOR: spreadsheet XML compresses 5 to 30 times, bombs a thousand. */
export const MAX_RATIO = 200
const RATIO_FLOOR = 1024 * 1024
const MAX_ENTRIES = 2000

export type ZipEntry = { name: string; method: number; packed: number; unpacked: number; headerOffset: number }

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export const TOO_BIG =
  'Ce classeur se décompresse en une taille anormale (archive piégée ou fichier démesuré) : il n’est pas lu. Enregistrez la liste dans un nouveau classeur ou en CSV.'
const UNREADABLE = 'Format non reconnu : fichier CSV ou Excel (.xlsx) attendu. Le fichier est une archive ZIP qui n\'est pas un classeur Excel lisible.'

const unreadable = (): AppError => new AppError('invalid_input', UNREADABLE)
const tooBig = (): AppError => new AppError('invalid_input', TOO_BIG)

/** The archive's parts as its central directory lists them, refused when their sizes are not those of a workbook. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 0xffff); i--) {
    if (view.readUInt32LE(i) === EOCD) {
      end = i
      break
    }
  }
  if (end < 0) throw unreadable()
  const count = view.readUInt16LE(end + 10)
  const size = view.readUInt32LE(end + 12)
  const start = view.readUInt32LE(end + 16)
  // ZIP64 markers: a workbook of a prescriber list never needs them.
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) throw tooBig()
  if (count > MAX_ENTRIES) throw tooBig()
  if (start + size > end) throw unreadable()

  const entries: ZipEntry[] = []
  let total = 0
  let p = start
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || view.readUInt32LE(p) !== CENTRAL) throw unreadable()
    const method = view.readUInt16LE(p + 10)
    const packed = view.readUInt32LE(p + 20)
    const unpacked = view.readUInt32LE(p + 24)
    const nameLength = view.readUInt16LE(p + 28)
    const extraLength = view.readUInt16LE(p + 30)
    const commentLength = view.readUInt16LE(p + 32)
    const headerOffset = view.readUInt32LE(p + 42)
    const name = view.toString('utf8', p + 46, p + 46 + nameLength)
    p += 46 + nameLength + extraLength + commentLength
    if (packed === 0xffffffff || unpacked === 0xffffffff) throw tooBig()
    if (unpacked > MAX_PART_BYTES) throw tooBig()
    if (unpacked > RATIO_FLOOR && unpacked > packed * MAX_RATIO) throw tooBig()
    total += unpacked
    if (total > MAX_UNPACKED_BYTES) throw tooBig()
    if (method !== 0 && method !== 8) throw unreadable()
    if (headerOffset + 30 > start) throw unreadable()
    entries.push({ name, method, packed, unpacked, headerOffset })
  }
  return entries
}

/** Where an entry's packed data starts, from its local header. */
function dataStart(view: Buffer, entry: ZipEntry): number {
  const at = entry.headerOffset
  if (view.readUInt32LE(at) !== LOCAL) throw unreadable()
  const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28)
  if (start + entry.packed > view.length) throw unreadable()
  return start
}

const CHUNK = 64 * 1024

/**
 * The entry's unpacked bytes, chunk by chunk, never more than the directory declared (and never
 * more than `limit`): the inflater is stopped the moment it goes past.
 */
export async function* inflateEntry(bytes: Uint8Array, entry: ZipEntry, limit = MAX_PART_BYTES): AsyncGenerator<Buffer> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const start = dataStart(view, entry)
  const packed = view.subarray(start, start + entry.packed)
  const allowed = Math.min(entry.unpacked, limit)
  if (entry.method === 0) {
    if (entry.packed !== entry.unpacked || entry.unpacked > limit) throw tooBig()
    for (let i = 0; i < packed.length; i += CHUNK) yield packed.subarray(i, i + CHUNK)
    return
  }
  // Piped, then pulled: the inflater works only as fast as the reader takes its output, so what
  // waits in memory is a chunk or two, whatever the ratio of the packed data.
  const source = Readable.from(packedChunks(packed), { objectMode: false })
  const inflater = createInflateRaw({ chunkSize: CHUNK })
  source.on('error', () => inflater.destroy())
  source.pipe(inflater)
  let produced = 0
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length
      if (produced > allowed) throw tooBig()
      yield chunk
    }
  } catch (e) {
    throw e instanceof AppError ? e : unreadable()
  } finally {
    source.destroy()
    inflater.destroy()
  }
}

function* packedChunks(packed: Buffer): Generator<Buffer> {
  for (let i = 0; i < packed.length; i += CHUNK) yield packed.subarray(i, i + CHUNK)
}

/** A whole part as text (the small ones: workbook, relationships, styles, shared strings). */
export async function* inflateText(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of inflateEntry(bytes, entry)) {
    const text = decoder.decode(chunk, { stream: true })
    if (text) yield text
  }
  const rest = decoder.decode()
  if (rest) yield rest
}
