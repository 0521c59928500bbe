import type { Handlers } from '../types'
import { appHandlers } from './app'
import { catalogueHandlers } from './catalogue'
import { lheoHandlers } from './lheo'
import { organisationHandlers } from './organisation'
import { recruitmentHandlers } from './recruitment'
import { traineeHandlers } from './trainees'

// Typed as the full Handlers map: an operation of the contract without a handler does not compile.
export const handlers: Handlers = {
  ...appHandlers,
  ...organisationHandlers,
  ...traineeHandlers,
  ...catalogueHandlers,
  ...recruitmentHandlers,
  ...lheoHandlers
}

export type { Backend, CallContext, Handlers, HostInfo } from '../types'
