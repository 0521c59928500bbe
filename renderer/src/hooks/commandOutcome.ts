import type { AppErrorInfo, Result } from '@shared/api/result'

export type CommandToast = { kind: 'success' | 'info' | 'error'; message: string }

export type CommandOptions<T> = {
  /** Toast once the write is done: a fixed message or one built from the answer. */
  success?: string | ((value: T) => string)
  /** 'info' for a write that undoes something (no « Enregistré » title). */
  successKind?: 'success' | 'info'
  /** Also toast the refusal (for writes with no form to show it in). */
  errorToast?: boolean
}

/** What a write's answer means for the screen: the refusal to keep (or none) and the toast to show (or none). */
export function commandOutcome<T>(r: Result<T>, options: CommandOptions<T> = {}): { failure: AppErrorInfo | null; toast: CommandToast | null } {
  if (r.ok) {
    const message = typeof options.success === 'function' ? options.success(r.value) : options.success
    return { failure: null, toast: message ? { kind: options.successKind ?? 'success', message } : null }
  }
  return { failure: r.error, toast: options.errorToast ? { kind: 'error', message: r.error.message } : null }
}

/** A refusal made on this side (a field checked before sending), shaped like the server's. */
export function localFailure(message: string | null): AppErrorInfo | null {
  return message === null ? null : { code: 'invalid_input', message }
}
