import type { Dispatch } from '../main/api/dispatch'

/*
 * Test-only options of the browser host, honoured only when the launching process sets
 * PASSERELLE_TEST=1 (like --test-now): the lost-connection tests kill the host at a chosen moment
 * of a write and restart it on the same port with the same key, so the open page keeps talking to it.
 *   --test-die-after-commit <op>   SIGKILL itself once <op> has committed, before answering
 *   --test-die-before-commit <op>  SIGKILL itself when <op> arrives, before running it
 *   --test-key <key>               the launch key, instead of a random one
 */
export type TestHooks = { key: string | null; wrap: (dispatch: Dispatch) => Dispatch }

type Arg = (name: string) => string | undefined

export function testHooks(arg: Arg, env: NodeJS.ProcessEnv, die: () => void = () => process.kill(process.pid, 'SIGKILL')): TestHooks {
  const after = arg('--test-die-after-commit')
  const before = arg('--test-die-before-commit')
  const key = arg('--test-key')
  if (after === undefined && before === undefined && key === undefined) return { key: null, wrap: (d) => d }
  if (env.PASSERELLE_TEST !== '1') throw new Error('--test-die-after-commit, --test-die-before-commit et --test-key sont réservés aux tests (PASSERELLE_TEST=1).')
  if (key !== undefined && !/^[\w-]{16,64}$/.test(key)) throw new Error('--test-key : clé invalide (16 à 64 caractères parmi lettres, chiffres, - et _).')
  return {
    key: key ?? null,
    wrap: (dispatch) => async (op, input, caller, requestKey) => {
      if (op === before) die()
      const result = await dispatch(op, input, caller, requestKey)
      if (op === after) die()
      return result
    }
  }
}
