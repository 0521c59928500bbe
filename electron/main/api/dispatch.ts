import { contract, type Op } from '../../../shared/api/contract'
import { AppError, fail, ok, type FieldIssue, type Result } from '../../../shared/api/result'
import { currentClerk } from '../services/clerks/clerkService'
import type { Backend, Handlers } from './types'

export type Dispatch = (op: string, input: unknown) => Promise<Result<unknown>>

const isOp = (name: string): name is Op => Object.prototype.hasOwnProperty.call(contract, name)

/**
 * The single entry of the backend, shared by Electron's IPC and the browser host: checks the
 * operation name, validates the input against the contract, runs the handler and answers with a
 * Result. It never throws: a bug in a service must not take the main process down.
 */
export function createDispatch(backend: Backend, handlers: Handlers, log: (e: unknown) => void = console.error): Dispatch {
  return async (name, rawInput) => {
    if (typeof name !== 'string' || !isOp(name)) return fail('unknown_operation', `Opération inconnue : ${String(name)}.`)
    const spec = contract[name]
    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
      const first = issues[0]
      const message = issues.length === 1 && first ? first.message : `${issues.length} champs sont invalides : ${issues.map((i) => i.message).join(' ')}`
      return fail('invalid_input', message, issues)
    }
    try {
      const clerk = currentClerk(backend.db)
      const actor = clerk ? { clerkId: clerk.id, name: clerk.name } : null
      if (spec.needsClerk && !actor) {
        return fail('no_clerk', "Indiquez d'abord votre nom : chaque modification est tracée au nom de la personne qui la fait.")
      }
      const handler = handlers[name] as (input: unknown, call: Parameters<Handlers[Op]>[1]) => unknown
      return ok(await handler(parsed.data, { ...backend, actor }))
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.issues)
      log(e)
      return fail('internal', "Une erreur inattendue s'est produite ; rien n'a été enregistré. Le détail est dans le journal de l'application.")
    }
  }
}
