import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'

/**
 * Formations read from a catalogue are parked here, one JSON line each, between the streaming
 * read (async, cancellable) and the write (one synchronous transaction: better-sqlite3 must
 * never await inside one). Memory stays flat whatever the file size.
 */
export class StagedFile {
  private fd: number | null
  count = 0

  /** `read`: a file staged earlier (by another thread), only to be read back. */
  constructor(
    readonly path: string,
    mode: 'write' | 'read' = 'write'
  ) {
    this.fd = mode === 'write' ? openSync(path, 'w') : null
  }

  append(value: unknown): void {
    if (this.fd === null) throw new Error('staged file closed')
    writeSync(this.fd, `${JSON.stringify(value)}\n`)
    this.count++
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  /** Reads the records back in order, synchronously, a chunk at a time. */
  *records<T>(): Generator<T> {
    this.close()
    const fd = openSync(this.path, 'r')
    const buffer = Buffer.allocUnsafe(1024 * 1024)
    const decoder = new StringDecoder('utf8')
    let rest = ''
    try {
      for (;;) {
        const n = readSync(fd, buffer, 0, buffer.length, null)
        if (n === 0) break
        const text = rest + decoder.write(buffer.subarray(0, n))
        const lines = text.split('\n')
        rest = lines.pop() ?? ''
        // JSON.stringify escapes newlines inside strings: a raw newline always ends a record.
        for (const line of lines) if (line) yield JSON.parse(line) as T
      }
      rest += decoder.end()
      if (rest) yield JSON.parse(rest) as T
    } finally {
      closeSync(fd)
    }
  }

  remove(): void {
    this.close()
    rmSync(this.path, { force: true })
  }
}
