import type { exitReportOps } from '../../../../shared/api/areas/exitReports'
import { getExitReport, listExitReports, saveExitReport } from '../../services/exitReports/exitReportService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const exitReportHandlers: AreaHandlers<typeof exitReportOps> = {
  'exitReports:list': ({ sessionId }, { db }) => listExitReports(db, sessionId),
  'exitReports:get': ({ enrolmentId }, { db }) => getExitReport(db, enrolmentId),
  'exitReports:save': (input, call) => saveExitReport(services(call), input)
}
