import type { exitReportOps } from '@shared/api/areas/exitReports'
import { getExitReport, listExitReports, saveExitReport } from '../../services/exitReports/exitReportService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const exitReportHandlers: AreaHandlers<typeof exitReportOps> = {
  'exitReports:list': ({ sessionId }, { db, clock }) => listExitReports(db, sessionId, clock.now().toISOString().slice(0, 10)),
  'exitReports:get': ({ enrolmentId }, { db, clock }) => getExitReport(db, enrolmentId, clock.now().toISOString().slice(0, 10)),
  'exitReports:save': (input, call) => saveExitReport(services(call), input)
}
