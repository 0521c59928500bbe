import { HTTP_CLIENT_HEADER, HTTP_INVOKE_PATH, HTTP_WINDOW_HEADER } from '@shared/api/channel'
import type { Input, Op, Output } from '@shared/api/contract'
import type { Result } from '@shared/api/result'

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

/**
 * No answer is not a refusal: the backend may have committed the call before it stopped (a save
 * killed between its commit and its answer). The clerk is told to check, never « rien enregistré ».
 */
export const UNANSWERED: Result<never> = {
  ok: false,
  error: {
    code: 'unanswered',
    message: 'Passerelle n’a pas répondu : l’opération a peut-être été enregistrée. Rechargez la page pour vérifier avant de recommencer.'
  }
}

/** Electron's preload bridge when present, else the browser host's HTTP endpoint: same contract. */
export function createApiClient(): ApiClient {
  const bridge = window.passerelle
  if (bridge) {
    return { call: (op, input) => (bridge.invoke(op, input) as Promise<Result<never>>).catch(() => UNANSWERED) }
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
        // Refused before sending or cut while answering: either way the call may have run.
        return UNANSWERED
      }
    }
  }
}
