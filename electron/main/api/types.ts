import type { Op, Output, Parsed } from '@shared/api/contract'
import type { Db } from '../db/open'
import type { Actor, Clock } from '../services/context'

export type HostInfo = {
  kind: 'electron' | 'browser'
  version: string
  dbPath: string
  /** The folder of the application's log, when one is written (see log/appLog.ts). */
  logDir?: string | null
}

export type Backend = { db: Db; clock: Clock; host: HostInfo }

/** What each handler receives: the backend, and the actor for operations that write. */
export type CallContext = Backend & { actor: Actor | null }

// Handlers may be async (PDF batches, imports run off the main thread); SQL itself stays synchronous.
export type Handler<O extends Op> = (input: Parsed<O>, call: CallContext) => Output<O> | Promise<Output<O>>

/** One handler per operation of the contract: a missing one does not compile. */
export type Handlers = { [O in Op]: Handler<O> }

/** The handlers of one area, typed by that area's slice of the contract. */
export type AreaHandlers<Ops> = { [O in keyof Ops & Op]: Handler<O> }
