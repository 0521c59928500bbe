import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { HTTP_CLIENT_HEADER, HTTP_INVOKE_PATH } from '../../shared/api/channel'
import { fail } from '../../shared/api/result'
import type { Dispatch } from '../main/api/dispatch'
import { CONTENT_SECURITY_POLICY } from '../main/csp'

// Catalogue files (LHEO) are uploaded as base64 inside the JSON body.
const MAX_BODY_BYTES = 300 * 1024 * 1024
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

export function startHttpHost(options: { dispatch: Dispatch; rendererDir: string; port: number; hostname?: string }): Promise<Server> {
  const hostname = options.hostname ?? '127.0.0.1'
  const server = createServer((req, res) => {
    handle(req, res, options).catch(() => send(res, 500, 'text/plain; charset=utf-8', 'Erreur interne'))
  })
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port, hostname, () => resolvePromise(server))
  })
}

async function handle(req: IncomingMessage, res: ServerResponse, options: { dispatch: Dispatch; rendererDir: string }): Promise<void> {
  // Only this machine's loopback names: a page on another site cannot reach us by DNS rebinding.
  const host = (req.headers.host ?? '').replace(/:\d+$/, '')
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) return send(res, 403, 'text/plain; charset=utf-8', 'Hôte refusé')
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')

  if (url.pathname === HTTP_INVOKE_PATH) {
    if (req.method !== 'POST' || req.headers[HTTP_CLIENT_HEADER] !== '1' || !String(req.headers['content-type']).startsWith('application/json')) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Appel refusé')
    }
    let body: { op?: unknown; input?: unknown }
    try {
      body = JSON.parse(await readBody(req)) as { op?: unknown; input?: unknown }
    } catch {
      return json(res, fail('invalid_input', 'Requête illisible.'))
    }
    return json(res, await options.dispatch(String(body.op), body.input))
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Méthode refusée')
  const file = staticFile(options.rendererDir, url.pathname)
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store'
  })
  createReadStream(file).pipe(res)
}

/** Paths are resolved inside the renderer folder only; unknown paths get the app (hash routing). */
function staticFile(root: string, pathname: string): string {
  const candidate = normalize(join(root, decodeURIComponent(pathname)))
  if (candidate.startsWith(root + sep) && existsSync(candidate) && statSync(candidate).isFile()) return candidate
  return join(root, 'index.html')
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function json(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value))
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent) return void res.end()
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' })
  res.end(body)
}
