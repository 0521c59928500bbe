import { z } from 'zod'
import { typeMessage } from './typeMessages'

// zod's French locale gives every generic message ("Trop grand…") in the clerk's language;
// wrong types get a message without JavaScript's type names (typeMessages.ts).
z.config(z.locales.fr())
z.config({ customError: typeMessage })

/** One operation: a validated input schema and a type-only output. */
export type OpSpec<I extends z.ZodType = z.ZodType, O = unknown> = {
  input: I
  output: O
  /** Operations that change data need a clerk chosen first (the audit log records who). */
  needsClerk: boolean
  /** Changes data: the call may carry an idempotency key (a retry with the same key never applies twice). */
  write: boolean
}

/** The output is a compile-time type only: outputs come from our own services, inputs from outside. */
export function op<I extends z.ZodType, O>(input: I, needsClerk: boolean, write = needsClerk): OpSpec<I, O> {
  return { input, needsClerk, write, output: undefined as unknown as O }
}

export const query = <O>() => <I extends z.ZodType>(input: I) => op<I, O>(input, false, false)
export const command = <O>() => <I extends z.ZodType>(input: I) => op<I, O>(input, true, true)
/** A write that must work before anyone is identified (choosing who you are). */
export const anonymousCommand = <O>() => <I extends z.ZodType>(input: I) => op<I, O>(input, false, true)
