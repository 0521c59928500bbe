import type { Handlers } from '../types'
import { appHandlers } from './app'
import { attendanceHandlers } from './attendance'
import { auditHandlers } from './audit'
import { backupHandlers } from './backup'
import { clerkHandlers } from './clerks'
import { demoHandlers } from './demo'
import { trainingHandlers } from './trainings'
import { sessionHandlers } from './sessions'
import { dashboardHandlers } from './dashboard'
import { documentHandlers } from './documents'
import { enrolmentHandlers } from './enrolments'
import { exitReportHandlers } from './exitReports'
import { lheoHandlers } from './lheo'
import { organisationHandlers } from './organisation'
import { privacyHandlers } from './privacy'
import { recruitmentHandlers } from './recruitment'
import { registrationHandlers } from './registrations'
import { interruptionHandlers } from './interruptions'
import { traineeHandlers } from './trainees'
import { traineeImportHandlers } from './traineeImport'
import { quoteHandlers } from './quotes'
import { consistencyHandlers } from './consistency'
import { bpfHandlers } from './bpf'
import { invoiceHandlers } from './invoices'

// Typed as the full Handlers map: an operation of the contract without a handler does not compile.
export const handlers: Handlers = {
  ...appHandlers,
  ...clerkHandlers,
  ...demoHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...organisationHandlers,
  ...traineeHandlers,
  ...traineeImportHandlers,
  ...trainingHandlers,
  ...sessionHandlers,
  ...recruitmentHandlers,
  ...registrationHandlers,
  ...lheoHandlers,
  ...enrolmentHandlers,
  ...interruptionHandlers,
  ...dashboardHandlers,
  ...attendanceHandlers,
  ...exitReportHandlers,
  ...documentHandlers,
  ...quoteHandlers,
  ...consistencyHandlers,
  ...bpfHandlers,
  ...invoiceHandlers,
  ...privacyHandlers
}

export type { Backend, CallContext, Handlers, HostInfo } from '../types'
