import { HTTP_CLIENT_HEADER, HTTP_INVOKE_PATH, HTTP_WINDOW_HEADER } from '../../../shared/api/channel'
import type { Input, Op, Output } from '../../../shared/api/contract'
import type { Result } from '../../../shared/api/result'

export type ApiClient = {
  call<O extends Op>(op: O, input: Input<O>): Promise<Result<Output<O>>>
}

declare global {
  interface Window {
    passerelle?: { invoke(op: string, input: unknown): Promise<unknown> }
  }
}

/** This page's id for the browser host: the clerk chosen here belongs to this page only. */
const WINDOW_ID = crypto.randomUUID()

/** Electron's preload bridge when present, else the browser host's HTTP endpoint: same contract. */
export function createApiClient(): ApiClient {
  const bridge = window.passerelle
  if (bridge) {
    return { call: (op, input) => bridge.invoke(op, input) as Promise<Result<never>> }
  }
  return {
    async call(op, input) {
      try {
        const res = await fetch(`${HTTP_INVOKE_PATH}?op=${encodeURIComponent(op)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HTTP_CLIENT_HEADER]: '1', [HTTP_WINDOW_HEADER]: WINDOW_ID },
          body: JSON.stringify({ op, input })
        })
        if (!res.ok) return { ok: false, error: { code: 'internal', message: `Le serveur local a refusé l'appel (${res.status}).` } }
        return (await res.json()) as Result<never>
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Le serveur local Passerelle ne répond pas. Est-il toujours lancé ?' } }
      }
    }
  }
}
