import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { HTTP_BODY_LIMITS, HTTP_CLIENT_HEADER, HTTP_DEFAULT_BODY_LIMIT, HTTP_INVOKE_PATH, HTTP_REQUEST_KEY_HEADER, HTTP_WINDOW_HEADER } from '@shared/api/channel'
import { fail } from '@shared/api/result'
import type { Dispatch } from '../main/api/dispatch'
import { CONTENT_SECURITY_POLICY } from '../main/csp'
import { carriesKey, keyCookie, keyInAddress } from './hostKey'
import { readBodyToUpload } from './uploadStream'

/*
 * The browser host's HTTP side. Every request must come to a loopback name (no DNS rebinding),
 * carry the launch key (hostKey.ts), and, for calls, come from our own origin with the app's
 * header and a JSON body within the operation's limit; at most MAX_CALLS calls run at once.
 * Nothing a request sends can make it answer 500: malformed paths and bodies get 400.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json'
}
const TEXT = 'text/plain; charset=utf-8'
/** Calls in progress at once (a clerk's window makes a handful; more is a runaway or an attack). */
export const MAX_CALLS = 16
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]']
/** Operations whose file is streamed to disk as it arrives (named in the address, as the client does). */
const UPLOAD_OPS = new Set(['lheo:preview', 'traineeImport:preview', 'traineeImport:apply'])

export type HttpHostOptions = { dispatch: Dispatch; rendererDir: string; port: number; key: string; hostname?: string }

export function startHttpHost(options: HttpHostOptions): Promise<Server> {
  const hostname = options.hostname ?? '127.0.0.1'
  let calls = 0
  const server = createServer((req, res) => {
    const isCall = (req.url ?? '').startsWith(HTTP_INVOKE_PATH)
    if (isCall && calls >= MAX_CALLS) return send(res, 503, TEXT, 'Trop d’appels simultanés : réessayez dans un instant.')
    if (isCall) calls++
    handle(req, res, options)
      .catch(() => send(res, 400, TEXT, 'Requête refusée.'))
      .finally(() => {
        if (isCall) calls--
      })
  })
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port, hostname, () => resolvePromise(server))
  })
}

function ownOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true // same-origin GETs and non-browser clients send none
  try {
    const o = new URL(origin)
    return o.protocol === 'http:' && LOOPBACK.includes(o.hostname) && `${o.hostname}${o.port ? `:${o.port}` : ''}` === req.headers.host
  } catch {
    return false
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, options: HttpHostOptions): Promise<void> {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '')
  if (!LOOPBACK.includes(host)) return send(res, 403, TEXT, 'Hôte refusé')
  if (!ownOrigin(req)) return send(res, 403, TEXT, 'Origine refusée')
  let url: URL
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1')
  } catch {
    return json(res, fail('invalid_input', 'Adresse illisible.'), 400)
  }

  if (req.method === 'GET' && keyInAddress(url, options.key)) {
    // The printed address: keep the key in a cookie, then show the app without it in the bar.
    res.writeHead(303, { location: url.pathname, 'set-cookie': keyCookie(options.key), 'cache-control': 'no-store' })
    return void res.end()
  }
  if (!carriesKey(req, options.key)) {
    return send(res, 401, TEXT, 'Accès refusé : ouvrez l’adresse complète affichée au démarrage de Passerelle (elle contient une clé).')
  }

  if (url.pathname === HTTP_INVOKE_PATH) return call(req, res, url, options.dispatch)

  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TEXT, 'Méthode refusée')
  const file = staticFile(options.rendererDir, url.pathname)
  if (file === null) return json(res, fail('invalid_input', 'Adresse illisible.'), 400)
  // Opened before the answer starts: a file gone meanwhile (or the app's page missing) is a 404,
  // not an unhandled stream error that would take the host down.
  const stream = createReadStream(file)
  stream.once('error', () => send(res, 404, TEXT, 'Page introuvable.'))
  stream.once('open', () => {
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store'
    })
    stream.pipe(res)
  })
}

async function call(req: IncomingMessage, res: ServerResponse, url: URL, dispatch: Dispatch): Promise<void> {
  if (req.method !== 'POST' || req.headers[HTTP_CLIENT_HEADER] !== '1' || !String(req.headers['content-type']).startsWith('application/json')) {
    return send(res, 403, TEXT, 'Appel refusé')
  }
  // The operation is named in the address too, so its body limit applies before reading the body.
  const named = url.searchParams.get('op') ?? ''
  // Own keys only: `?op=__proto__` or `?op=constructor` must not read an object as the limit (no limit at all).
  const limit = Object.hasOwn(HTTP_BODY_LIMITS, named) ? (HTTP_BODY_LIMITS[named] ?? HTTP_DEFAULT_BODY_LIMIT) : HTTP_DEFAULT_BODY_LIMIT
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) return tooLarge(res, req)
  let text: string | null
  if (UPLOAD_OPS.has(named)) {
    // A file (catalogue, trainee list): streamed to a temp file, never held whole (uploadStream.ts).
    const streamed = await readBodyToUpload(req, limit)
    if (streamed.kind === 'invalid') return json(res, fail('invalid_input', streamed.message), 400)
    text = streamed.kind === 'text' ? streamed.text : null
  } else text = await readBody(req, limit)
  if (text === null) return tooLarge(res, req)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return json(res, fail('invalid_input', 'Requête illisible : le corps n’est pas du JSON.'), 400)
  }
  const op = typeof body === 'object' && body !== null && 'op' in body ? body.op : undefined
  // Malformed requests get 400 (a French JSON refusal); the operation's own refusals stay 200 Results.
  if (typeof op !== 'string' || op.length > 100) return json(res, fail('invalid_input', 'Requête illisible : opération absente ou invalide.'), 400)
  if (named !== '' && named !== op) return json(res, fail('invalid_input', 'Requête illisible : l’opération de l’adresse et celle du corps diffèrent.'), 400)
  const input = typeof body === 'object' && body !== null && 'input' in body ? body.input : undefined
  const window = req.headers[HTTP_WINDOW_HEADER]
  const caller = typeof window === 'string' && /^[\w-]{8,64}$/.test(window) ? `page-${window}` : undefined
  // A write's idempotency key: checked by the dispatcher (a malformed one gets a French refusal).
  return json(res, await dispatch(op, input, caller, req.headers[HTTP_REQUEST_KEY_HEADER]))
}

function tooLarge(res: ServerResponse, req: IncomingMessage): void {
  // Answer at once and close: the rest of the body is never read, so memory stays flat.
  req.pause()
  if (!res.headersSent) res.setHeader('connection', 'close')
  send(res, 413, TEXT, 'Requête trop volumineuse : rien n’a été enregistré.')
  res.once('finish', () => req.socket.destroySoon())
}

/** Paths are resolved inside the renderer folder only; unknown paths get the app (hash routing). */
function staticFile(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const candidate = normalize(join(root, decoded))
  if (candidate.startsWith(root + sep) && existsSync(candidate) && statSync(candidate).isFile()) return candidate
  return join(root, 'index.html')
}

/** The body as text, or null past `limit` bytes (reading stops there). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (c: Buffer) => {
      if (over) return
      size += c.length
      if (size > limit) {
        over = true
        chunks.length = 0
        resolvePromise(null)
      } else chunks.push(c)
    })
    req.on('end', () => {
      if (!over) resolvePromise(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

function json(res: ServerResponse, value: unknown, status = 200): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value))
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent) return void res.end()
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' })
  res.end(body)
}
