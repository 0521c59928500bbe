import { pathToFileURL } from 'node:url'
import { BrowserWindow, shell } from 'electron'
import type { DocumentHost } from './documentHost'

/** Electron's implementation: the system viewer (shell.openPath) and Chromium's print dialog. */
export const electronDocumentHost: DocumentHost = {
  kind: 'electron',
  async openFile(path) {
    // openPath answers an error message, or '' on success.
    return (await shell.openPath(path)) === ''
  },
  async printFile(path) {
    const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } })
    try {
      await win.loadURL(pathToFileURL(path).toString())
      return await new Promise<boolean>((resolve) => win.webContents.print({ silent: false }, (success) => resolve(success)))
    } finally {
      win.destroy()
    }
  }
}
