import type { z } from 'zod'
import { appOps } from './areas/app'
import { attendanceOps } from './areas/attendance'
import { auditOps } from './areas/audit'
import { backupOps } from './areas/backup'
import { clerkOps } from './areas/clerks'
import { demoOps } from './areas/demo'
import { dashboardOps } from './areas/dashboard'
import { documentOps } from './areas/documents'
import { enrolmentOps } from './areas/enrolments'
import { exitReportOps } from './areas/exitReports'
import { lheoOps } from './areas/lheo'
import { organisationOps } from './areas/organisation'
import { privacyOps } from './areas/privacy'
import { recruitmentOps } from './areas/recruitment'
import { registrationOps } from './areas/registrations'
import { sessionOps } from './areas/sessions'
import { trainingOps } from './areas/trainings'
import { interruptionOps } from './areas/interruptions'
import { traineeOps } from './areas/trainees'
import { traineeImportOps } from './areas/traineeImport'
import { quoteOps } from './areas/quotes'
import { consistencyOps } from './areas/consistency'
import { bpfOps } from './areas/bpf'
import { invoiceOps } from './areas/invoices'
import type { OpSpec } from './spec'

// Each area declares its operations in its own file; this is the single list of all of them.
export const contract = {
  ...appOps,
  ...clerkOps,
  ...demoOps,
  ...auditOps,
  ...backupOps,
  ...organisationOps,
  ...traineeOps,
  ...traineeImportOps,
  ...trainingOps,
  ...sessionOps,
  ...recruitmentOps,
  ...registrationOps,
  ...lheoOps,
  ...enrolmentOps,
  ...interruptionOps,
  ...dashboardOps,
  ...attendanceOps,
  ...exitReportOps,
  ...documentOps,
  ...quoteOps,
  ...consistencyOps,
  ...bpfOps,
  ...invoiceOps,
  ...privacyOps
} satisfies Record<string, OpSpec>

export type Contract = typeof contract
export type Op = keyof Contract
/** What the caller sends (before defaults and normalisation). */
export type Input<O extends Op> = z.input<Contract[O]['input']>
/** What the handler receives (validated and normalised). */
export type Parsed<O extends Op> = z.output<Contract[O]['input']>
export type Output<O extends Op> = Contract[O]['output']

export const OPS = Object.keys(contract) as Op[]
