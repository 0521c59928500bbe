import { HTTP_CLIENT_HEADER, HTTP_INVOKE_PATH, HTTP_REQUEST_KEY_HEADER, HTTP_WINDOW_HEADER } from '@shared/api/channel'
import { contract, type Input, type Op, type Output } from '@shared/api/contract'
import type { Result } from '@shared/api/result'
import { pendingStore, recoverPending, type PendingStore, type Recovered } from './pendingWrites'
import { callWithReadBack, isUnanswered, type Connection, type ReadBackOptions, type Send } from './readBack'

export type CallOptions = {
  /** A retry of the same logical write passes the key of its first attempt: the backend applies it once. */
  key?: string
  /** What the clerk calls this write (« Collage de 12 cellules »), told back after a restart. */
  label?: string
}

export type ApiClient = {
  call<O extends Op>(op: O, input: Input<O>, options?: CallOptions): Promise<Result<Output<O>>>
  /** The connection as the last calls saw it (a banner while an answer is being read back). */
  onConnection?(listener: (state: Connection) => void): () => void
  /** What became of the writes left without an answer before this page was loaded (pendingWrites.ts). */
  recoverPending?(): Promise<Recovered[]>
}

declare global {
  interface Window {
    passerelle?: { invoke(op: string, input: unknown, requestKey?: string): Promise<unknown> }
  }
}

/** This page's id for the browser host: the clerk chosen here belongs to this page only. */
const WINDOW_ID = crypto.randomUUID()

/**
 * No answer is not a refusal: the backend may have committed the call before it stopped (a save
 * killed between its commit and its answer). Left as is only when the backend did not come back
 * to be asked (readBack.ts): the clerk is told to check, never « rien enregistré ».
 */
export const UNANSWERED: Result<never> = {
  ok: false,
  error: {
    code: 'unanswered',
    message: 'Passerelle n’a pas répondu : l’opération a peut-être été enregistrée. Rechargez la page pour vérifier avant de recommencer.'
  }
}

/** Electron's preload bridge when present, else the browser host's HTTP endpoint: same contract. */
function transport(): Send {
  const bridge = window.passerelle
  if (bridge) return (op, input, key) => (bridge.invoke(op, input, key) as Promise<Result<unknown>>).catch(() => UNANSWERED)
  return async (op, input, key) => {
    try {
      const res = await fetch(`${HTTP_INVOKE_PATH}?op=${encodeURIComponent(op)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [HTTP_CLIENT_HEADER]: '1',
          [HTTP_WINDOW_HEADER]: WINDOW_ID,
          ...(key !== undefined ? { [HTTP_REQUEST_KEY_HEADER]: key } : {})
        },
        body: JSON.stringify({ op, input })
      })
      if (!res.ok) return { ok: false, error: { code: 'internal', message: `Le serveur local a refusé l'appel (${res.status}).` } }
      return (await res.json()) as Result<unknown>
    } catch {
      // Refused before sending or cut while answering: either way the call may have run.
      return UNANSWERED
    }
  }
}

const isWrite = (op: string): boolean => Object.hasOwn(contract, op) && contract[op as Op].write

function sessionStore(): PendingStore {
  try {
    return pendingStore(window.sessionStorage ?? null)
  } catch {
    return pendingStore(null)
  }
}

export function createApiClient(options: Partial<ReadBackOptions> & { pending?: PendingStore } = {}): ApiClient {
  const send = transport()
  const pending = options.pending ?? sessionStore()
  const listeners = new Set<(state: Connection) => void>()
  let connection: Connection = 'ok'
  const onConnection = (state: Connection): void => {
    if (state === connection) return
    connection = state
    for (const l of listeners) l(state)
  }
  const readBack: ReadBackOptions = { sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))), onConnection, ...(options.delays ? { delays: options.delays } : {}) }
  return {
    async call(op, input, callOptions) {
      const write = isWrite(op)
      const key = callOptions?.key ?? crypto.randomUUID()
      if (write) pending.add({ key, op, label: callOptions?.label ?? '' })
      const result = await callWithReadBack(send, op, input, write, key, readBack)
      // Still unanswered: kept, to be read back at the next load (after the host's restart).
      if (write && !isUnanswered(result)) pending.remove(key)
      return result as Result<never>
    },
    recoverPending: () => recoverPending(send, pending),
    onConnection(listener) {
      listeners.add(listener)
      listener(connection)
      return () => listeners.delete(listener)
    }
  }
}
