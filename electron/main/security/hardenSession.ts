import { app, session, shell, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../csp'
import { isAppUrl } from './appUrl'
import { isAllowedExternal } from './externalLinks'

/** Deny every permission, enforce the CSP on every response, block navigation and new windows. */
export function hardenSession(devServerUrl: string | undefined): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the allowed public services (e.g. the CARIF-OREF page of a training) open in
      // the user's browser; nothing ever opens inside the app.
      if (isAllowedExternal(url)) void shell.openExternal(new URL(url).toString())
      return { action: 'deny' }
    })
  })
}
