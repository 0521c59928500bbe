/**
 * What only a desktop host can do with a generated file. Services and handlers use this
 * interface, never 'electron': the Electron main process installs its implementation at start-up,
 * the browser host keeps the default one (the renderer downloads the bytes it receives).
 */
export type DocumentHost = {
  kind: 'electron' | 'browser'
  /** Opens the file in the system's PDF viewer; false when this host cannot. */
  openFile(path: string): Promise<boolean>
  /** Sends the file to the printer; false when this host cannot. */
  printFile(path: string): Promise<boolean>
}

export const browserDocumentHost: DocumentHost = {
  kind: 'browser',
  openFile: () => Promise.resolve(false),
  printFile: () => Promise.resolve(false)
}

let current: DocumentHost = browserDocumentHost

export function setDocumentHost(host: DocumentHost): void {
  current = host
}

export function documentHost(): DocumentHost {
  return current
}
