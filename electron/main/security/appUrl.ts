import { APP_HOST, APP_SCHEME } from './appProtocol'

/**
 * Whether a URL is our own renderer: app://passerelle/… in the packaged app, or the dev server's
 * origin while developing. Parsed, never string-matched ("app://passerelle.evil" or
 * "http://localhost.evil.com" must not pass).
 */
export function isAppUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (devServerUrl) return url.origin === new URL(devServerUrl).origin
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
}
