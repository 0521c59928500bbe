import type { RequestStatus } from '@shared/api/areas/app'
import type { Result } from '@shared/api/result'

/*
 * The truth after a lost answer (issue 15, item 3). A write carries an idempotency key; when its
 * answer never comes (the host killed between its commit and its answer, a dropped connection),
 * the client waits for the backend to answer again, then reads the key back: done → the stored
 * answer, as if it had come (« Enregistré »); unknown → « Non enregistré, à refaire » (a key is
 * recorded with the write's changes, so an unknown key was never applied). It never sends the
 * write again on its own: minutes later, the clerk decides. Pure: transport and sleep are given.
 */

/** What a call sends: `key` only for writes. Answers UNANSWERED (code 'unanswered') when no answer came. */
export type Send = (op: string, input: unknown, key?: string) => Promise<Result<unknown>>

/** 'lost' while waiting for the backend, 'down' when it did not come back in time. */
export type Connection = 'ok' | 'lost' | 'down'

export type ReadBackOptions = {
  sleep: (ms: number) => Promise<void>
  /** The waits before each read-back attempt (about a minute in all by default). */
  delays?: readonly number[]
  onConnection?: (state: Connection) => void
}

/** 0.25 s, 0.5 s, 1 s, then every 2 s: about 60 s before giving up. */
export const READ_BACK_DELAYS: readonly number[] = [250, 500, 1000, ...Array.from({ length: 29 }, () => 2000)]

export const NOT_APPLIED: Result<never> = {
  ok: false,
  error: { code: 'not_applied', message: 'Non enregistré : l’opération n’a pas été appliquée, à refaire.' }
}
export const APPLIED_UNREAD: Result<never> = {
  ok: false,
  error: { code: 'applied_unread', message: 'Enregistré, mais la réponse n’a pas pu être relue : rechargez la page pour voir le résultat.' }
}

export const isUnanswered = (r: Result<unknown>): boolean => !r.ok && r.error.code === 'unanswered'

/** A write's lost answer, read back by its key; `lost` (the UNANSWERED answer) when the backend never came back. */
export async function readBack(send: Send, key: string, lost: Result<unknown>, options: ReadBackOptions): Promise<Result<unknown>> {
  const { sleep, delays = READ_BACK_DELAYS, onConnection } = options
  onConnection?.('lost')
  for (const delay of delays) {
    await sleep(delay)
    const answer = await send('app:requestStatus', { key })
    if (isUnanswered(answer)) continue
    onConnection?.('ok')
    // The backend answered but refused the read-back (an older version, a 401 after a restart
    // with a new key): nothing more can be known here.
    if (!answer.ok) return lost
    const status = answer.value as RequestStatus
    if (status.state === 'running') continue
    if (status.state === 'unknown') return NOT_APPLIED
    return status.result ?? (status.ok ? APPLIED_UNREAD : lost)
  }
  onConnection?.('down')
  return lost
}

/** One call: a write gets a fresh key unless the caller retries with its own; a lost answer is read back. */
export async function callWithReadBack(
  send: Send,
  op: string,
  input: unknown,
  write: boolean,
  key: string,
  options: ReadBackOptions
): Promise<Result<unknown>> {
  const answer = await send(op, input, write ? key : undefined)
  if (isUnanswered(answer)) {
    if (!write) return answer
    return readBack(send, key, answer, options)
  }
  options.onConnection?.('ok')
  return answer
}
