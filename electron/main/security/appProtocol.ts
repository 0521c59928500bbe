import { isAbsolute, join, normalize, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { net, protocol } from 'electron'

/*
 * The packaged renderer is served from a privileged custom scheme, app://passerelle/, rather than
 * file://: a file:// page can read any file:// URL and has no origin of its own, while this origin
 * only ever answers files of the renderer folder (the pure check below), and the CSP's 'self'
 * means exactly this origin.
 */

export const APP_SCHEME = 'app'
export const APP_HOST = 'passerelle'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** The file of the renderer folder a request asks for, or null (another host, outside the folder). */
export function appFilePath(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path))
  const inside = relative(rendererDir, file)
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? file : null
}

/** Before `app.whenReady()`: the scheme behaves like https (secure, standard, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** After ready: answer app:// requests from the renderer folder only. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = appFilePath(rendererDir, request.url)
    if (file === null) return new Response('Introuvable', { status: 404 })
    return net.fetch(pathToFileURL(file).toString())
  })
}
