import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { makeTempDir } from '../main/tempFiles/runTemp'
import { discardUpload, storeUpload } from '../main/uploads/uploadStore'

/*
 * The body of a call that carries a file (a catalogue, a trainee list), read without holding it:
 * the JSON is scanned as it arrives, the value of its "base64" string is decoded on the fly into
 * a temp file of the run's folder, and the rest of the JSON (a few small fields) is kept with
 * « upload:<id> » in place of the file (uploadStore.ts). The body's size is counted as it comes
 * and the reading stops past the operation's limit. Memory stays a few chunks, whatever the file.
 */

/** The JSON around the file: a name, a mapping of 200 columns at most. */
const MAX_REST = 1024 * 1024
const FIELD = /"base64"\s*:\s*$/
const BASE64 = /^[A-Za-z0-9+/=]*$/

export type StreamedBody = { kind: 'text'; text: string } | { kind: 'too_large' } | { kind: 'invalid'; message: string }

export function readBodyToUpload(req: IncomingMessage, limit: number): Promise<StreamedBody> {
  const dir = makeTempDir('upload-')
  const path = join(dir, 'fichier')
  const file = createWriteStream(path)
  const hash = createHash('sha256')
  const before: Buffer[] = [] // the JSON before the file's string
  const after: Buffer[] = [] // and after it
  let restSize = 0
  let total = 0
  let size = 0
  let state: 'json' | 'string' | 'escape' | 'file' | 'fileEscape' = 'json'
  let diverted: 'no' | 'yes' | 'done' = 'no'
  let tail = '' // the last characters of JSON (strings' contents included), to see `"base64":` coming
  let pending = '' // base64 characters not yet decoded (fewer than 4)
  let settled = false

  return new Promise((resolve) => {
    const finish = (result: StreamedBody): void => {
      if (settled) return
      settled = true
      req.removeAllListeners('data')
      if (result.kind !== 'text') {
        req.pause()
        file.destroy()
        // The folder goes at once; a stream still opening its file then fails on a path that is
        // gone, which the stream's error listener below absorbs.
        discardUpload({ path, size: 0, sha256: '' })
      }
      resolve(result)
    }
    const keep = (chunk: Buffer): boolean => {
      restSize += chunk.length
      if (restSize > MAX_REST) return false
      ;(diverted === 'no' ? before : after).push(chunk)
      return true
    }
    const decode = (chars: string, final: boolean): void => {
      pending += chars
      const usable = final ? pending.length : pending.length - (pending.length % 4)
      if (usable === 0) return
      const bytes = Buffer.from(pending.slice(0, usable), 'base64')
      pending = pending.slice(usable)
      size += bytes.length
      hash.update(bytes)
      if (!file.write(bytes)) {
        req.pause()
        file.once('drain', () => req.resume())
      }
    }

    req.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total > limit) return finish({ kind: 'too_large' })
      let from = 0 // start of the current run of JSON bytes to keep
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i]
        if (state === 'file' || state === 'fileEscape') {
          if (state === 'fileEscape') {
            if (c !== 0x2f) return finish({ kind: 'invalid', message: 'Requête illisible : le fichier envoyé n’est pas en base64.' })
            decode('/', false)
            state = 'file'
            from = i + 1
            continue
          }
          if (c === 0x22 || c === 0x5c) {
            const chars = chunk.toString('latin1', from, i)
            if (!BASE64.test(chars)) return finish({ kind: 'invalid', message: 'Requête illisible : le fichier envoyé n’est pas en base64.' })
            decode(chars, c === 0x22)
            from = i + 1
            if (c === 0x5c) state = 'fileEscape'
            else {
              state = 'json'
              diverted = 'done'
              from = i // the closing quote is kept after the token
            }
          }
          continue
        }
        if (state === 'json' && c === 0x22 && diverted === 'no' && FIELD.test(tail)) {
          // The value of a "base64" key starts: from here on, its characters go to the file.
          if (!keep(chunk.subarray(from, i + 1))) return finish({ kind: 'too_large' })
          diverted = 'yes'
          state = 'file'
          from = i + 1
          continue
        }
        if (state === 'escape') state = 'string'
        else if (state === 'string') {
          if (c === 0x5c) state = 'escape'
          else if (c === 0x22) state = 'json'
        } else if (c === 0x22) state = 'string'
        tail = (tail + String.fromCharCode(c ?? 0x20)).slice(-32)
      }
      if (state === 'file' || state === 'fileEscape') {
        const chars = chunk.toString('latin1', from)
        if (!BASE64.test(chars)) return finish({ kind: 'invalid', message: 'Requête illisible : le fichier envoyé n’est pas en base64.' })
        decode(chars, false)
      } else if (!keep(chunk.subarray(from))) return finish({ kind: 'too_large' })
    })
    req.on('error', () => finish({ kind: 'invalid', message: 'Requête interrompue.' }))
    // Without a listener a failed write (disk full, folder gone) would be thrown out of the host.
    file.on('error', () => finish({ kind: 'invalid', message: 'Le fichier envoyé n’a pas pu être enregistré dans le dossier temporaire.' }))
    req.on('end', () => {
      if (settled) return
      if (diverted === 'yes') return finish({ kind: 'invalid', message: 'Requête illisible : le fichier envoyé est incomplet.' })
      file.end(() => {
        if (settled) return
        const json = (parts: Buffer[]): string => Buffer.concat(parts).toString('utf8')
        if (diverted === 'no') {
          // No file in this body: the JSON as sent.
          discardUpload({ path, size: 0, sha256: '' })
          settled = true
          return resolve({ kind: 'text', text: json(before) })
        }
        const token = storeUpload({ path, size, sha256: hash.digest('hex') })
        settled = true
        resolve({ kind: 'text', text: `${json(before)}${token}${json(after)}` })
      })
    })
  })
}
