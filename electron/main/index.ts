import { join } from 'node:path'
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { startBackend, type RunningBackend } from './backend'
import { backupsEnabled } from './services/backup/backupScheduler'
import { resolveDbPath } from './db/paths'
import { resolveLogDir } from './log/logDir'
import { setDocumentHost } from './desktop/documentHost'
import { electronDocumentHost } from './desktop/electronDocumentHost'
import { registerIpc } from './ipc/registerIpc'
import { APP_ENTRY_URL, registerAppScheme, serveAppProtocol } from './security/appProtocol'
import { hardenSession } from './security/hardenSession'
import { productionMenu } from './security/productionMenu'

// App lifecycle and windows only: everything else lives in services behind the contract.
// Job seekers' personal data: files this process creates are for this account only (no-op on Windows).
process.umask(0o077)
let backend: RunningBackend | null = null
let mainWindow: BrowserWindow | null = null
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Passerelle',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
      // No developer tools in the installed app: a clerk's window is not a debugging console.
      devTools: !app.isPackaged
    }
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  if (devServerUrl) void mainWindow.loadURL(devServerUrl)
  else void mainWindow.loadURL(APP_ENTRY_URL)
}

// Before ready: the renderer's own privileged scheme (app://passerelle/), instead of file://.
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })

  app.whenReady().then(async () => {
    hardenSession(devServerUrl)
    serveAppProtocol(join(__dirname, '../renderer'))
    // In the installed app: editing and window commands only (no « Toggle Developer Tools »).
    if (app.isPackaged) Menu.setApplicationMenu(productionMenu())
    setDocumentHost(electronDocumentHost)
    const dbPath = resolveDbPath(process.argv, process.env, app.getPath('userData'))
    try {
      backend = await startBackend({ dbPath, kind: 'electron', version: app.getVersion(), logDir: resolveLogDir(dbPath), backups: backupsEnabled(process.env) })
    } catch (e) {
      dialog.showErrorBox('Passerelle ne peut pas ouvrir sa base de données', `${e instanceof Error ? e.message : String(e)}\n\nFichier : ${dbPath}`)
      app.quit()
      return
    }
    registerIpc(backend.dispatch, devServerUrl)
    createWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => backend?.close())
}
