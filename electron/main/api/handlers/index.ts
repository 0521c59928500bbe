import type { Handlers } from '../types'
import { appHandlers } from './app'
import { organisationHandlers } from './organisation'
import { traineeHandlers } from './trainees'

// Typed as the full Handlers map: an operation of the contract without a handler does not compile.
export const handlers: Handlers = {
  ...appHandlers,
  ...organisationHandlers,
  ...traineeHandlers
}

export type { Backend, CallContext, Handlers, HostInfo } from '../types'
