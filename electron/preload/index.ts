import { contextBridge, ipcRenderer } from 'electron'
import { INVOKE_CHANNEL } from '@shared/api/channel'

// The renderer gets one function and nothing else of Electron; the main process validates
// every call against the contract (and a write's idempotency key), so the preload does not need zod.
contextBridge.exposeInMainWorld('passerelle', {
  invoke: (op: string, input: unknown, requestKey?: string): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, op, input, requestKey)
})
