import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { HTTP_KEY_HEADER, HTTP_KEY_PARAM } from '@shared/api/channel'

/*
 * The browser host's secret: a random key per launch, in the address it prints. Another account
 * of the machine can reach 127.0.0.1 but cannot read this process's output, so without the key it
 * reads nothing. The page opened with `?cle=…` gets the key as an HttpOnly, SameSite=Strict cookie
 * (JavaScript cannot read it, other sites cannot send it); command-line clients send the header.
 */

export const KEY_COOKIE = 'passerelle_cle'

export function newHostKey(): string {
  return randomBytes(24).toString('base64url')
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=')
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim()
  }
  return null
}

/** Whether a request carries the key (cookie or header). */
export function carriesKey(req: IncomingMessage, key: string): boolean {
  const header = req.headers[HTTP_KEY_HEADER]
  if (typeof header === 'string' && same(header, key)) return true
  const cookie = cookieValue(req.headers.cookie, KEY_COOKIE)
  return cookie !== null && same(cookie, key)
}

/** The key given in the address (`?cle=…`), when it is the right one. */
export function keyInAddress(url: URL, key: string): boolean {
  const given = url.searchParams.get(HTTP_KEY_PARAM)
  return given !== null && same(given, key)
}

export function keyCookie(key: string): string {
  return `${KEY_COOKIE}=${key}; HttpOnly; SameSite=Strict; Path=/`
}
