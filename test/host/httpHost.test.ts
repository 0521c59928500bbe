import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { request, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HTTP_CLIENT_HEADER, HTTP_KEY_HEADER } from '@shared/api/channel'
import { ok } from '@shared/api/result'
import { MAX_CALLS, startHttpHost } from '../../electron/browserHost/httpHost'
import { startHost, type RunningHost } from '../helpers/browserHost'

/*
 * The browser host refuses what does not come from the clerk's own page: no key, another origin,
 * an oversized body, too many calls at once; malformed requests get 400, never 500.
 */

const KEY = 'cle-de-test-0123456789abcdef'
let server: Server
let base = ''
let dir = ''
const waiting: (() => void)[] = []
const calls: { op: string; input: unknown }[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'passerelle-host-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Passerelle</title>')
  const dispatch = async (op: string, input: unknown) => {
    calls.push({ op, input })
    if (op === 'test:wait') await new Promise<void>((r) => waiting.push(r))
    return ok({ op })
  }
  server = await startHttpHost({ dispatch, rendererDir: dir, port: 0, key: KEY })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.close()
  rmSync(dir, { recursive: true, force: true })
})

const invoke = (body: string, headers: Record<string, string> = {}, op = '') =>
  fetch(`${base}/api/invoke${op ? `?op=${op}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HTTP_CLIENT_HEADER]: '1', [HTTP_KEY_HEADER]: KEY, ...headers },
    body
  })

/** A POST whose status is read as soon as it comes, even if the host stops reading the body. */
function postStatus(path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HTTP_CLIENT_HEADER]: '1', [HTTP_KEY_HEADER]: KEY, 'content-length': Buffer.byteLength(body) }
    })
    req.on('response', (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', (e) => (('code' in e && (e.code === 'EPIPE' || e.code === 'ECONNRESET')) ? undefined : reject(e)))
    req.end(body)
  })
}

describe('the launch key', () => {
  it('refuses every request without it, or with another one', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401)
    expect(await (await fetch(`${base}/`)).text()).toMatch(/adresse complète affichée au démarrage/)
    expect((await fetch(`${base}/?cle=mauvaise`)).status).toBe(401)
    expect((await invoke('{"op":"trainees:list"}', { [HTTP_KEY_HEADER]: 'mauvaise' })).status).toBe(401)
    expect(calls).toEqual([])
  })

  it('the printed address sets an HttpOnly, SameSite=Strict cookie that then opens the app', async () => {
    const r = await fetch(`${base}/?cle=${KEY}`, { redirect: 'manual' })
    expect(r.status).toBe(303)
    expect(r.headers.get('location')).toBe('/')
    const cookie = r.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const page = await fetch(`${base}/`, { headers: { cookie: cookie.split(';')[0] ?? '' } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Passerelle</title>')
  })

  it('answers calls that carry it', async () => {
    const r = await invoke('{"op":"trainees:list","input":{}}')
    expect(await r.json()).toEqual({ ok: true, value: { op: 'trainees:list' } })
  })
})

describe('origin, size and count', () => {
  it('refuses a call from another origin', async () => {
    expect((await invoke('{"op":"trainees:list"}', { origin: 'http://evil.example' })).status).toBe(403)
    expect((await invoke('{"op":"trainees:list"}', { origin: 'http://127.0.0.1:1' })).status).toBe(403)
    expect((await invoke('{"op":"trainees:list"}', { origin: base })).status).toBe(200)
  })

  it('refuses a body over the operation’s limit without reading it whole', async () => {
    const before = calls.length
    const big = JSON.stringify({ op: 'trainees:list', input: { search: 'x'.repeat(17 * 1024 * 1024) } })
    expect(await postStatus('/api/invoke', big)).toBe(413)
    // A file-carrying operation may send more, when it says so in the address.
    const upload = JSON.stringify({ op: 'traineeImport:preview', input: { fileName: 'a.csv', base64: 'A'.repeat(17 * 1024 * 1024) } })
    expect(await postStatus('/api/invoke?op=traineeImport:preview', upload)).toBe(200)
    expect(await postStatus('/api/invoke', upload)).toBe(413)
    // A name inherited from Object is not an operation with a limit of its own.
    for (const named of ['__proto__', 'constructor', 'toString']) expect(await postStatus(`/api/invoke?op=${named}`, big), named).toBe(413)
    expect(calls.length).toBe(before + 1)
  })

  it(`runs at most ${MAX_CALLS} calls at once`, async () => {
    const held = Array.from({ length: MAX_CALLS }, () => invoke('{"op":"test:wait"}'))
    while (waiting.length < MAX_CALLS) await new Promise((r) => setTimeout(r, 20))
    expect((await invoke('{"op":"trainees:list"}')).status).toBe(503)
    for (const r of waiting.splice(0)) r()
    expect((await Promise.all(held)).map((r) => r.status)).toEqual(new Array(MAX_CALLS).fill(200))
    expect((await invoke('{"op":"trainees:list"}')).status).toBe(200)
  })
})

describe('malformed requests', () => {
  /** A 400 with a French JSON refusal, short whatever was sent. */
  const refused = async (r: Response, what: string): Promise<string> => {
    expect(r.status, what).toBe(400)
    expect(r.headers.get('content-type'), what).toMatch(/^application\/json/)
    const text = await r.text()
    expect(text.length, what).toBeLessThan(300)
    const body = JSON.parse(text) as { ok: boolean; error: { code: string; message: string } }
    expect(body, what).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(body.error.message, what).toMatch(/^(Adresse|Requête) illisible/)
    return body.error.message
  }

  it('answers 400 with a French JSON refusal, never 500, and echoes nothing unbounded', async () => {
    for (const path of ['/%', '/%E0%A4%A']) await refused(await fetch(`${base}${path}`, { headers: { [HTTP_KEY_HEADER]: KEY } }), path)
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/a%00b']) {
      const r = await fetch(`${base}${path}`, { headers: { [HTTP_KEY_HEADER]: KEY } })
      expect(r.status, path).toBeLessThan(500)
    }
    const before = calls.length
    await refused(await invoke('null'), 'null body')
    let deep = '"x"'
    for (let i = 0; i < 100_000; i++) deep = `[${deep}]`
    await refused(await invoke(`{"op":${deep}}`), 'deeply nested op')
    expect(await refused(await invoke(JSON.stringify({ op: 'x'.repeat(1_000_000) })), '1 MB op')).not.toContain('xxx')
    await refused(await invoke('{not json'), 'not JSON')
    await refused(await invoke('{"op":"trainees:list"}', {}, 'trainees:get'), 'two operations')
    expect(calls.length).toBe(before)
  })
})

describe('the real host', () => {
  let host: RunningHost
  afterAll(async () => {
    await host.stop()
    rmSync(host.dir, { recursive: true, force: true })
  })

  it('creates the database for this account only (0600)', async () => {
    host = await startHost()
    expect(host.url).toMatch(/\/\?cle=[\w-]{20,}$/)
    const mode = statSync(host.dbPath).mode & 0o777
    expect(mode & 0o077).toBe(0)
  })
})
