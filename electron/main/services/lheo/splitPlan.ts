import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

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
 * half closed after the last whole <formation>, the second re-opened with the original prologue
 * (XML declaration, <lheo> and <offres> tags copied byte for byte). Each half is a complete LHEO
 * document, so both are validated against the schema as a whole file would be. Returns a single
 * part (the whole file) when the file is small or its shape is not the plain one this expects.
 */
export function planReadParts(path: string, minSplitBytes: number = MIN_SPLIT_BYTES): ReadPart[] {
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

    const from = Math.floor(size / 2)
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
    for (let i = 0; i < n; i++) if (buffer[i] === 10) count++
    pos += n
  }
  return count
}
