import type { Dispatch } from '../api/dispatch'
import type { AppLog } from './appLog'

/** Longest operation name written to the log: an unknown name comes from the caller, unbounded. */
const OP_NAME_MAX = 60

/**
 * Every call's name, duration and outcome (« ok » or the error code) in the log; the input and
 * the answer never go there (they hold job seekers' personal data).
 */
export function loggedDispatch(dispatch: Dispatch, log: AppLog, now: () => number = () => performance.now()): Dispatch {
  return async (op, input, caller, requestKey) => {
    const started = now()
    const result = await dispatch(op, input, caller, requestKey)
    const name = typeof op === 'string' ? op.slice(0, OP_NAME_MAX) : typeof op
    log.operation(name, now() - started, result.ok ? 'ok' : result.error.code, caller)
    return result
  }
}
