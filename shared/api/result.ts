// Errors never cross the process boundary as exceptions (they lose their class on the way):
// every operation answers with a Result, and its message is French, ready for the UI.
export type FieldIssue = { path: string; message: string }

export type AppErrorInfo = {
  code: ErrorCode
  message: string
  issues?: FieldIssue[]
}

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'refused'
  | 'no_clerk'
  | 'unknown_operation'
  | 'forbidden'
  | 'internal'
  /** Another connection held the write lock for too long; nothing was written. */
  | 'busy'
  /** The answer never came (the host stopped, the connection dropped): the call MAY have been done. */
  | 'unanswered'
  /** Read back after a lost answer: the backend never applied the call (it must be done again). */
  | 'not_applied'
  /** Read back after a lost answer: the call was applied, but its answer was too large to keep. */
  | 'applied_unread'

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message }
})

/** Thrown by services for expected refusals; turned into a Result at the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[]
  ) {
    super(message)
    this.name = 'AppError'
  }
}
