import { contract, type Op } from '@shared/api/contract'
import { AppError, fail, ok, type Result } from '@shared/api/result'
import { INVALID_CHARACTER, firstUncleanText } from '@shared/domain/cleanText'
import type { Clerk } from '@shared/api/areas/clerks'
import { invalidInput } from './inputIssues'
import { withoutUndefined } from './plainInput'
import { committedTransactions, isBusyError } from '../db/writeLock'
import { currentClerk } from '../services/clerks/clerkService'
import type { Backend, Handlers } from './types'

/**
 * `caller` names the window that calls (an Electron webContents, a browser page): the clerk
 * belongs to it, so two windows on one database each write under their own name. Without a
 * caller (command line, tests), the database's last chosen clerk is used.
 */
export type Dispatch = (op: string, input: unknown, caller?: string) => Promise<Result<unknown>>

/** Windows remembered at once (a browser page gets a new id at each load). */
const MAX_WINDOWS = 1000

/** How long a call waits, in all, for another connection's write lock (an import, another window). */
export const BUSY_WAIT_MS = 60_000
const BUSY_MESSAGE =
  'La base de données est occupée par une autre opération (un import de catalogue, une autre fenêtre) : rien n’a été enregistré. Réessayez dans un instant.'

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs a handler; while it fails because another connection holds the write lock and it has not
 * committed anything yet, waits (without blocking the thread) and runs it again.
 */
async function withBusyRetry<T>(db: Backend['db'], run: () => Promise<T> | T): Promise<T> {
  const before = committedTransactions(db)
  let waited = 0
  let delay = 25
  for (;;) {
    try {
      return await run()
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
  return async (name, rawInput, caller) => {
    if (typeof name !== 'string' || !isOp(name)) return fail('unknown_operation', `Opération inconnue : ${typeof name === 'string' ? name.slice(0, 60) : typeof name}.`)
    const spec = contract[name]
    const parsed = spec.input.safeParse(withoutUndefined(rawInput ?? {}))
    if (!parsed.success) return invalidInput(parsed.error)
    // Every text of every operation, including those without a labelled field helper.
    const unclean = firstUncleanText(parsed.data)
    if (unclean !== null) {
      const message = `Un texte saisi ${INVALID_CHARACTER}`
      return fail('invalid_input', message, [{ path: unclean, message }])
    }
    try {
      const clerk = clerkOf(caller)
      const actor = clerk ? { clerkId: clerk.id, name: clerk.name } : null
      if (spec.needsClerk && !actor) {
        return fail('no_clerk', "Indiquez d'abord votre nom : chaque modification est tracée au nom de la personne qui la fait.")
      }
      const handler = handlers[name] as (input: unknown, call: Parameters<Handlers[Op]>[1]) => unknown
      const value = await withBusyRetry(backend.db, () => handler(parsed.data, { ...backend, actor }))
      if (name === 'clerks:select' && caller !== undefined) remember(caller, value as Clerk)
      return ok(value)
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.issues)
      if (isBusyError(e)) return fail('busy', BUSY_MESSAGE)
      log(e, name)
      return fail('internal', "Une erreur inattendue s'est produite ; rien n'a été enregistré. Le détail est dans le journal de l'application.")
    }
  }
}
