import type { Handlers } from '../types'
import { appHandlers } from './app'
import { attendanceHandlers } from './attendance'
import { auditHandlers } from './audit'
import { catalogueHandlers } from './catalogue'
import { dashboardHandlers } from './dashboard'
import { documentHandlers } from './documents'
import { enrolmentHandlers } from './enrolments'
import { exitReportHandlers } from './exitReports'
import { lheoHandlers } from './lheo'
import { organisationHandlers } from './organisation'
import { recruitmentHandlers } from './recruitment'
import { scheduleHandlers } from './schedule'
import { traineeHandlers } from './trainees'
import { traineeImportHandlers } from './traineeImport'
import { quoteHandlers } from './quotes'

// Typed as the full Handlers map: an operation of the contract without a handler does not compile.
export const handlers: Handlers = {
  ...appHandlers,
  ...auditHandlers,
  ...organisationHandlers,
  ...traineeHandlers,
  ...traineeImportHandlers,
  ...catalogueHandlers,
  ...recruitmentHandlers,
  ...lheoHandlers,
  ...enrolmentHandlers,
  ...dashboardHandlers,
  ...attendanceHandlers,
  ...exitReportHandlers,
  ...documentHandlers,
  ...scheduleHandlers,
  ...quoteHandlers
}

export type { Backend, CallContext, Handlers, HostInfo } from '../types'
