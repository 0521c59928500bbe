// The LHEO reader's first stage: bytes → decoded text, refusing empty, binary and mis-encoded files.
import { ChunkDecoder, SNIFF_BYTES, detectEncoding, lineOfInvalidByte, needsMoreBytes, type DetectedEncoding } from './decode'
import { LheoError, abortError } from './errors'
import { utf8InSingleByte } from '../encoding/mojibake'

export type DecodeState = { encoding: DetectedEncoding | null; bytesRead: number }

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0]
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

function startsWithBytes(b: Uint8Array, sig: readonly number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x)
}

function binaryKind(head: Uint8Array): string | null {
  if (startsWithBytes(head, [0x50, 0x4b, 0x03, 0x04])) return "c'est une archive ZIP (un classeur Excel ou un document Office ?)"
  if (startsWithBytes(head, [0x25, 0x50, 0x44, 0x46])) return "c'est un document PDF"
  if (startsWithBytes(head, [0xd0, 0xcf, 0x11, 0xe0])) return "c'est un ancien document Office (Excel 97-2003 ?)"
  if (startsWithBytes(head, [0x1f, 0x8b])) return "c'est un fichier compressé gzip : décompressez-le d'abord"
  return null
}

function isSingleByte(encoding: DetectedEncoding): boolean {
  return encoding.decoderLabel === 'windows-1252' || encoding.decoderLabel.startsWith('iso-8859')
}

/** UTF-8 bytes under a single-byte declaration would be stored as « DÃ©couvrir »: refused. */
function refuseUtf8(bytes: Uint8Array, encoding: DetectedEncoding, fromLine: number): void {
  const at = utf8InSingleByte(bytes)
  if (at < 0) return
  let line = fromLine
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++
  throw new LheoError(
    'ENCODING',
    `Le fichier déclare l'encodage ${encoding.name} mais son contenu est en UTF-8 (ligne ${line}) : les accents seraient enregistrés de travers (« DÃ©couvrir » au lieu de « Découvrir »). Demandez un fichier dont l'en-tête indique encoding="UTF-8", ou corrigez cet en-tête.`,
    { line }
  )
}

/** Next value of an async iterator, or an abort error as soon as the signal fires. */
function nextOrAbort<T>(it: AsyncIterator<T>, signal: AbortSignal | undefined): Promise<IteratorResult<T>> {
  if (signal?.aborted) return Promise.reject(abortError())
  const next = it.next()
  if (!signal) return next
  return new Promise<IteratorResult<T>>((resolve, reject) => {
    const onAbort = (): void => {
      next.catch(() => undefined)
      reject(abortError())
    }
    signal.addEventListener('abort', onAbort, { once: true })
    next.then(
      (r) => {
        signal.removeEventListener('abort', onAbort)
        resolve(r)
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(e instanceof Error ? e : new Error(String(e)))
      }
    )
  })
}

/**
 * Decoded text, one piece per chunk read. Refuses empty files, binary files and bytes that do
 * not match the encoding. `lineNow` gives the parser's line, to locate a bad byte.
 */
export async function* decodeChunks(
  source: AsyncIterable<Uint8Array>,
  state: DecodeState,
  signal: AbortSignal | undefined,
  lineNow: () => number
): AsyncGenerator<string, void, undefined> {
  const it = source[Symbol.asyncIterator]()
  let finished = false
  try {
    // 1. Enough bytes to see a BOM and the XML declaration.
    const head: Uint8Array[] = []
    let headBytes = 0
    for (;;) {
      const probe = concat(head, headBytes)
      if (headBytes > 0 && !needsMoreBytes(probe)) break
      if (headBytes >= SNIFF_BYTES) break
      const r = await nextOrAbort(it, signal)
      if (r.done) {
        finished = true
        break
      }
      head.push(r.value)
      headBytes += r.value.byteLength
    }
    if (headBytes === 0) throw new LheoError('EMPTY', 'Le fichier est vide.')
    const first = concat(head, headBytes)
    const binary = binaryKind(first)
    if (binary) throw new LheoError('NOT_XML', `Le fichier n'est pas un XML valide : ${binary}.`, { line: 1 })
    // XML text starts with "<" (after an optional BOM / white space) in every ASCII-compatible encoding.
    const looksLikeXml = /^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?[\s\x00]*<(?:\x00)?[?!a-zA-Z_]/.test(String.fromCharCode(...first.subarray(0, 64)))
    const encoding = detectEncoding(first)
    state.encoding = encoding
    const decoder = new ChunkDecoder(encoding)
    let sawContent = false
    // A single-byte encoding is checked once, on the first chunk with a byte above 0x7F.
    let singleByteChecked = !isSingleByte(encoding)

    const decodeOne = (bytes: Uint8Array): string => {
      if (!singleByteChecked && bytes.some((b) => b >= 0x80)) {
        singleByteChecked = true
        refuseUtf8(bytes, encoding, lineNow())
      }
      const text = decoder.decode(bytes)
      if (text === null) {
        const line = lineOfInvalidByte(bytes, encoding, lineNow())
        if (!sawContent && !looksLikeXml) throw new LheoError('NOT_XML', `Le fichier n'est pas un XML valide : contenu binaire ou encodage inconnu (ligne ${line}).`, { line })
        throw new LheoError(
          'ENCODING',
          `Le fichier déclare l'encodage ${encoding.name} mais contient des octets invalides pour cet encodage (ligne ${line}). Demandez un export en UTF-8, ou corrigez l'en-tête <?xml … encoding="…"?> s'il est en ISO-8859-1.`,
          { line }
        )
      }
      return text
    }
    const check = (text: string): void => {
      if (sawContent) return
      const m = /[^ \t\r\n\ufeff]/.exec(text)
      if (m === null) return
      sawContent = true
      if (m[0] !== '<') {
        let line = lineNow()
        for (let i = 0; i < m.index; i++) if (text.charCodeAt(i) === 10) line++
        const start = text.slice(m.index, m.index + 30).split(/\r?\n/)[0] ?? ''
        throw new LheoError('NOT_XML', `Le fichier n'est pas un XML valide : il commence par « ${start} » au lieu d'une balise « < » (ligne ${line}).`, { line })
      }
    }

    for (const chunk of head) {
      state.bytesRead += chunk.byteLength
      const text = decodeOne(chunk)
      check(text)
      if (text !== '') yield text
    }
    while (!finished) {
      if (signal?.aborted) throw abortError()
      const r = await nextOrAbort(it, signal)
      if (r.done) {
        finished = true
        break
      }
      state.bytesRead += r.value.byteLength
      const text = decodeOne(r.value)
      check(text)
      if (text !== '') yield text
    }
    const rest = decoder.end()
    if (rest === null) {
      throw new LheoError('ENCODING', `Le fichier se termine au milieu d'un caractère ${encoding.name} (fichier tronqué ?).`, { line: lineNow() })
    }
    check(rest)
    if (rest !== '') yield rest
    if (!sawContent) throw new LheoError('EMPTY', 'Le fichier est vide.')
  } finally {
    // Release the source (closes a file stream). Not awaited: a source stuck in a read would
    // only settle its return() after that read, and a cancellation must not wait for it.
    if (!finished) {
      try {
        it.return?.().catch(() => undefined)
      } catch {
        // a source whose return() throws has nothing to release
      }
    }
  }
}
