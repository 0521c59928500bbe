/**
 * Whether a URL is our own renderer: the packaged file:// page, or the dev server's origin.
 * Parsed, never string-matched ("file://evil" or "http://localhost.evil.com" must not pass).
 */
export function isAppUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (devServerUrl) {
    const dev = new URL(devServerUrl)
    return url.origin === dev.origin
  }
  return url.protocol === 'file:' && url.host === '' && url.pathname.endsWith('/renderer/index.html')
}
