import type { attendanceOps } from '../../../../shared/api/areas/attendance'
import { exportAttendance } from '../../services/attendance/attendanceExport'
import { attestMonth, monthGrid, prefillAttendance, saveAttendance, unlockMonth } from '../../services/attendance/attendanceService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const attendanceHandlers: AreaHandlers<typeof attendanceOps> = {
  'attendance:month': ({ month, sessionId }, { db }) => monthGrid(db, month, sessionId ?? null),
  'attendance:save': ({ month, changes }, call) => saveAttendance(services(call), month, changes),
  'attendance:prefill': ({ month, sessionId, enrolmentIds }, call) =>
    prefillAttendance(services(call), month, enrolmentIds !== undefined ? { enrolmentIds } : sessionId !== undefined ? { sessionId } : {}),
  'attendance:attest': ({ month, sessionId }, call) => attestMonth(services(call), month, sessionId),
  'attendance:unlock': ({ month, sessionId, reason }, call) => unlockMonth(services(call), month, sessionId, reason),
  'attendance:export': ({ month, sessionId, format, layout, comment }, { db }) =>
    exportAttendance(db, { month, format, layout, comment, ...(sessionId !== undefined ? { sessionId } : {}) })
}
