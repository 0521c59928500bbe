import { randomUUID } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'

/*
 * Files the browser host streamed to disk as they arrived (uploadStream.ts): the request's JSON
 * carries « upload:<id> » where the file's base64 was, and the handler takes the file from here
 * instead of decoding a string held in memory. Each upload is taken once; one never taken (a
 * refused call) is removed after a while, and with the run's temp folder at stop in any case.
 */

export const UPLOAD_PREFIX = 'upload:'
const KEEP_MS = 10 * 60 * 1000

export type StoredUpload = { path: string; size: number; sha256: string }

const uploads = new Map<string, StoredUpload & { at: number }>()

function remove(upload: StoredUpload): void {
  rmSync(dirname(upload.path), { recursive: true, force: true })
}

function sweep(now: number): void {
  for (const [token, u] of uploads) {
    if (u.at < now - KEEP_MS) {
      uploads.delete(token)
      remove(u)
    }
  }
}

/** Registers a file (alone in its own temp folder) and returns the token that names it. */
export function storeUpload(upload: StoredUpload, now = Date.now()): string {
  sweep(now)
  const token = `${UPLOAD_PREFIX}${randomUUID()}`
  uploads.set(token, { ...upload, at: now })
  return token
}

export const isUploadToken = (value: string): boolean => value.startsWith(UPLOAD_PREFIX) && uploads.has(value)

/** The upload a token names, handed over to the caller (who removes it), or null. */
export function takeUpload(value: string): StoredUpload | null {
  const u = uploads.get(value)
  if (!u) return null
  uploads.delete(value)
  return { path: u.path, size: u.size, sha256: u.sha256 }
}

/** Discards an upload taken and no longer needed. */
export function discardUpload(upload: StoredUpload): void {
  remove(upload)
}

/**
 * A file field's bytes: the streamed upload its token names (read, then removed), or the
 * base64 text itself (Electron's IPC, command-line clients, small bodies).
 */
export function fileBytes(base64OrToken: string): Buffer {
  const upload = takeUpload(base64OrToken)
  if (!upload) return Buffer.from(base64OrToken, 'base64')
  try {
    return readFileSync(upload.path)
  } finally {
    remove(upload)
  }
}
