import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs'

/** A piece of the byte stream a reader parses: a range of the file, or bytes of our own. */
export type Segment = { start: number; end: number } | { bytes: string }

/**
 * `countLinesBetween`: the second half's lines are shifted by the newlines between the prologue
 * and the split point, counted by that half's own reader thread (not the writer's).
 */
export type ReadPart = { segments: Segment[]; countLinesBetween: [number, number] | null }

/** Below this size one reader is quicker than the cost of starting a second one. */
const MIN_SPLIT_BYTES = 8 * 1024 * 1024
const WINDOW = 1024 * 1024

/**
 * Plans reading a large catalogue as two documents parsed in parallel (two cores): the first
 * part closed after the last whole <formation> before `firstShare` of the file, the second
 * re-opened with the original prologue (XML declaration, <lheo> and <offres> tags copied byte for
 * byte). Each part is a complete LHEO document, so both are validated against the schema as a
 * whole file would be. Returns a single part (the whole file) when the file is small or its shape
 * is not the plain one this expects.
 */
export function planReadParts(path: string, minSplitBytes: number = MIN_SPLIT_BYTES, firstShare = 0.5): ReadPart[] {
  const whole: ReadPart[] = [{ segments: [{ start: 0, end: Number.POSITIVE_INFINITY }], countLinesBetween: null }]
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    if (size < minSplitBytes) return whole
    const head = readWindow(fd, 0, Math.min(size, 64 * 1024))
    // Only the plain shape: ASCII-compatible bytes, unprefixed <lheo> and <offres>.
    if (head.startsWith('\ufeff') || /^\xff\xfe|^\xfe\xff/.test(head)) return whole
    const offres = /<offres(\s[^>]*)?>/.exec(head)
    if (!offres || !/<lheo[\s>]/.test(head.slice(0, offres.index))) return whole
    const prologueEnd = offres.index + offres[0].length

    const from = Math.max(prologueEnd, Math.floor(size * firstShare))
    const window = readWindow(fd, from, Math.min(WINDOW, size - from))
    const open = /<formation[\s>]/g
    let split = -1
    for (let m = open.exec(window); m; m = open.exec(window)) {
      // The tag must follow the end of the previous formation with only white space between,
      // so it cannot sit inside a CDATA section, a comment or another element.
      const before = window.slice(0, m.index)
      const close = before.lastIndexOf('</formation>')
      if (close >= 0 && before.slice(close + '</formation>'.length).trim() === '') {
        split = from + Buffer.byteLength(window.slice(0, m.index), 'latin1')
        break
      }
    }
    if (split < 0) return whole
    return [
      { segments: [{ start: 0, end: split }, { bytes: '</offres></lheo>' }], countLinesBetween: null },
      { segments: [{ start: 0, end: prologueEnd }, { start: split, end: Number.POSITIVE_INFINITY }], countLinesBetween: [prologueEnd, split] }
    ]
  } finally {
    closeSync(fd)
  }
}

/** The bytes of one part, in chunks of 256 KiB. */
export async function* partSource(path: string, part: ReadPart): AsyncGenerator<Uint8Array> {
  for (const s of part.segments) {
    if ('bytes' in s) {
      yield Buffer.from(s.bytes, 'latin1')
      continue
    }
    const end = Number.isFinite(s.end) ? s.end - 1 : undefined
    if (end !== undefined && end < s.start) continue
    for await (const chunk of createReadStream(path, { start: s.start, end, highWaterMark: 256 * 1024 })) yield chunk as Uint8Array
  }
}

/** latin1 maps one byte to one character, so string offsets are byte offsets. */
function readWindow(fd: number, position: number, length: number): string {
  const buffer = Buffer.allocUnsafe(length)
  const n = readSync(fd, buffer, 0, length, position)
  return buffer.subarray(0, n).toString('latin1')
}

export function countNewlines(path: string, from: number, to: number): number {
  const fd = openSync(path, 'r')
  try {
    return countNewlinesFd(fd, from, to)
  } finally {
    closeSync(fd)
  }
}

function countNewlinesFd(fd: number, from: number, to: number): number {
  const buffer = Buffer.allocUnsafe(WINDOW)
  let count = 0
  for (let pos = from; pos < to; ) {
    const n = readSync(fd, buffer, 0, Math.min(WINDOW, to - pos), pos)
    if (n === 0) break
    // indexOf is a native scan: a JavaScript loop over tens of megabytes costs ~15× more.
    for (let i = buffer.indexOf(10, 0); i !== -1 && i < n; i = buffer.indexOf(10, i + 1)) count++
    pos += n
  }
  return count
}
