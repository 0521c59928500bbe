import { REQUEST_KEY_PATTERN } from '@shared/api/channel'
import { contract, type Op } from '@shared/api/contract'
import { AppError, fail, ok, type Result } from '@shared/api/result'
import { INVALID_CHARACTER, firstUncleanText } from '@shared/domain/cleanText'
import type { Clerk } from '@shared/api/areas/clerks'
import { invalidInput } from './inputIssues'
import { withoutUndefined } from './plainInput'
import { committedTransactions, isBusyError } from '../db/writeLock'
import { currentClerk } from '../services/clerks/clerkService'
import { findAnswer, isKeyConflict, recordAnswer, runningCalls, type StoredAnswer } from './requestLedger'
import type { Backend, CallContext, Handlers } from './types'

/**
 * `caller` names the window that calls (an Electron webContents, a browser page): the clerk
 * belongs to it, so two windows on one database each write under their own name. Without a
 * caller (command line, tests), the database's last chosen clerk is used. `requestKey` is a
 * write's idempotency key (a UUID, from the envelope: HTTP header or IPC argument): its answer
 * is recorded with its changes, and the same key again gets that answer without running again.
 * Queries ignore it.
 */
export type Dispatch = (op: string, input: unknown, caller?: string, requestKey?: unknown) => Promise<Result<unknown>>

/** Windows remembered at once (a browser page gets a new id at each load). */
const MAX_WINDOWS = 1000

/** How long a call waits, in all, for another connection's write lock (an import, another window). */
export const BUSY_WAIT_MS = 60_000
const BUSY_MESSAGE =
  'La base de données est occupée par une autre opération (un import de catalogue, une autre fenêtre) : rien n’a été enregistré. Réessayez dans un instant.'

const BAD_KEY = 'Appel refusé : la clé de requête est invalide (un identifiant UUID est attendu).'
const KEY_REUSED = 'Appel refusé : cette clé de requête a déjà servi à une autre opération.'
const TOO_LARGE_TO_KEEP =
  'L’opération a été enregistrée, mais sa réponse était trop volumineuse pour être conservée : rechargez la page pour voir le résultat.'

/**
 * Writes whose handler must not run inside the dispatcher's transaction (an online backup, a
 * restore that replaces the file): their key is recorded right after they finish.
 */
const OUTSIDE_TRANSACTION: ReadonlySet<string> = new Set(['backup:now', 'backup:restore'])

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs a handler; while it fails because another connection holds the write lock and it has not
 * committed anything yet, waits (without blocking the thread) and runs it again. `rebase` tells it
 * that the commits so far wrote nothing of the call's own (see runKeyed).
 */
async function withBusyRetry<T>(db: Backend['db'], run: (rebase: () => void) => Promise<T> | T): Promise<T> {
  let before = committedTransactions(db)
  const rebase = () => {
    before = committedTransactions(db)
  }
  let waited = 0
  let delay = 25
  for (;;) {
    try {
      return await run(rebase)
    } catch (e) {
      if (!isBusyError(e) || committedTransactions(db) !== before || waited >= BUSY_WAIT_MS) throw e
      await sleep(delay)
      waited += delay
      delay = Math.min(delay * 2, 500)
    }
  }
}

const isOp = (name: string): name is Op => Object.prototype.hasOwnProperty.call(contract, name)

/**
 * The single entry of the backend, shared by Electron's IPC and the browser host: checks the
 * operation name, validates the input against the contract, runs the handler and answers with a
 * Result. It never throws: a bug in a service must not take the main process down.
 */
export function createDispatch(
  backend: Backend,
  handlers: Handlers,
  /** Where an unexpected error's detail goes (the application's log, with the operation's name). */
  log: (e: unknown, op: string) => void = console.error
): Dispatch {
  const windowClerks = new Map<string, Clerk>()
  const remember = (caller: string, clerk: Clerk) => {
    windowClerks.delete(caller)
    windowClerks.set(caller, clerk)
    if (windowClerks.size > MAX_WINDOWS) windowClerks.delete(windowClerks.keys().next().value ?? '')
  }
  /** A new window starts with the last clerk chosen on this database, then keeps its own. */
  const clerkOf = (caller: string | undefined): Clerk | null => {
    if (caller === undefined) return currentClerk(backend.db)
    const known = windowClerks.get(caller)
    if (known) return known
    const adopted = currentClerk(backend.db)
    if (adopted) remember(caller, adopted)
    return adopted
  }
  const db = backend.db
  /** The stored answer replayed: the same Result the first call got. */
  const replay = (stored: StoredAnswer): Result<unknown> => stored.result ?? (stored.ok ? fail('applied_unread', TOO_LARGE_TO_KEEP) : fail('refused', TOO_LARGE_TO_KEEP))
  /** A refusal of a keyed call is recorded too: a retry gets the same refusal. */
  const settle = (name: string, key: string | null, result: Result<unknown>): Result<unknown> => {
    if (key === null) return result
    try {
      db.transaction(() => recordAnswer(db, key, name, result, backend.clock.now()))()
    } catch (e) {
      if (isKeyConflict(e)) return replay(findAnswer(db, key) ?? { op: name, ok: result.ok, result })
      throw e
    }
    return result
  }

  /**
   * A keyed write: when the handler is synchronous, it runs inside one transaction with the
   * record of its answer, so the key is kept if and only if its changes are (nested transactions
   * of the services become savepoints). An AppError is caught inside, so that whatever the
   * handler had written before refusing is kept as it was without the key. An asynchronous
   * handler's answer is recorded once it settles, in its own transaction: a kill between its
   * commit and that record leaves the key unknown while the call was applied (a tiny window, for
   * the few async writes: backups, imports finishing off the main thread).
   */
  const runKeyed = (name: Op, key: string, run: () => unknown): Promise<Result<unknown>> =>
    withBusyRetry(db, async (rebase) => {
      if (OUTSIDE_TRANSACTION.has(name)) return settleAsync(name, key, run())
      const changesBefore = totalChanges()
      const outcome = db.transaction((): { done: Result<unknown> } | { pending: Promise<unknown> } => {
        let value: unknown
        try {
          value = run()
        } catch (e) {
          if (!(e instanceof AppError)) throw e
          const refused = fail(e.code, e.message, e.issues)
          recordAnswer(db, key, name, refused, backend.clock.now())
          return { done: refused }
        }
        // Wrapped: better-sqlite3 refuses a transaction function that returns a promise.
        if (isPromise(value)) return { pending: value }
        const done = ok(value)
        recordAnswer(db, key, name, done, backend.clock.now())
        return { done }
      })()
      if ('done' in outcome) return outcome.done
      // Only the async handler's synchronous start ran in that transaction: when it wrote nothing,
      // a « busy » of its asynchronous part may be retried as before.
      if (totalChanges() === changesBefore) rebase()
      return settleAsync(name, key, outcome.pending)
    })
  const totalChanges = (): number => Number(db.prepare('SELECT total_changes()').pluck().get())
  const settleAsync = async (name: Op, key: string, pending: unknown): Promise<Result<unknown>> => {
    let result: Result<unknown>
    try {
      result = ok(await pending)
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      result = fail(e.code, e.message, e.issues)
    }
    return settle(name, key, result)
  }

  const run = async (name: Op, rawInput: unknown, caller: string | undefined, key: string | null): Promise<Result<unknown>> => {
    const spec = contract[name]
    const parsed = spec.input.safeParse(withoutUndefined(rawInput ?? {}))
    if (!parsed.success) return settle(name, key, invalidInput(parsed.error))
    // Every text of every operation, including those without a labelled field helper.
    const unclean = firstUncleanText(parsed.data)
    if (unclean !== null) {
      const message = `Un texte saisi ${INVALID_CHARACTER}`
      return settle(name, key, fail('invalid_input', message, [{ path: unclean, message }]))
    }
    try {
      const clerk = clerkOf(caller)
      const actor = clerk ? { clerkId: clerk.id, name: clerk.name } : null
      if (spec.needsClerk && !actor) {
        return settle(name, key, fail('no_clerk', "Indiquez d'abord votre nom : chaque modification est tracée au nom de la personne qui la fait."))
      }
      const handler = handlers[name] as (input: unknown, call: CallContext) => unknown
      const call = () => handler(parsed.data, { ...backend, actor })
      let result: Result<unknown>
      if (key === null) result = ok(await withBusyRetry(db, call))
      else result = await runKeyed(name, key, call)
      if (name === 'clerks:select' && caller !== undefined && result.ok) remember(caller, result.value as Clerk)
      return result
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.issues)
      if (isBusyError(e)) return fail('busy', BUSY_MESSAGE)
      if (key !== null && isKeyConflict(e)) {
        // The same key committed by another process meanwhile: its answer, not a second run.
        const stored = findAnswer(db, key)
        if (stored) return replay(stored)
      }
      log(e, name)
      return fail('internal', "Une erreur inattendue s'est produite ; rien n'a été enregistré. Le détail est dans le journal de l'application.")
    }
  }

  return async (name, rawInput, caller, requestKey) => {
    if (typeof name !== 'string' || !isOp(name)) return fail('unknown_operation', `Opération inconnue : ${typeof name === 'string' ? name.slice(0, 60) : typeof name}.`)
    if (requestKey !== undefined && (typeof requestKey !== 'string' || !REQUEST_KEY_PATTERN.test(requestKey))) return fail('invalid_input', BAD_KEY)
    const key = contract[name].write && typeof requestKey === 'string' ? requestKey.toLowerCase() : null
    if (key === null) return run(name, rawInput, caller, null)
    const calls = runningCalls(db)
    // The same key while its first call still runs (a retry sent too early): the same answer.
    const inFlight = calls.get(key)
    if (inFlight) return inFlight.op === name ? inFlight.answer : fail('invalid_input', KEY_REUSED)
    const stored = findAnswer(db, key)
    if (stored) return stored.op === name ? replay(stored) : fail('invalid_input', KEY_REUSED)
    const answer = run(name, rawInput, caller, key).finally(() => calls.delete(key))
    calls.set(key, { op: name, answer })
    return answer
  }
}

const isPromise = (v: unknown): v is Promise<unknown> => typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function'
