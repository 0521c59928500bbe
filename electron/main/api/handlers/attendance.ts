import type { attendanceOps } from '@shared/api/areas/attendance'
import { exportAttendance } from '../../services/attendance/attendanceExport'
import { attestMonth, monthGrid, prefillAttendance, saveAttendance, unlockMonth } from '../../services/attendance/attendanceService'
import { todayIso } from '@shared/domain/dates'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const attendanceHandlers: AreaHandlers<typeof attendanceOps> = {
  'attendance:month': ({ month, sessionId }, { db, clock }) => monthGrid(db, month, sessionId ?? null, todayIso(clock.now())),
  'attendance:save': ({ month, changes }, call) => saveAttendance(services(call), month, changes),
  'attendance:prefill': ({ month, sessionId, enrolmentIds, skip }, call) =>
    prefillAttendance(services(call), month, enrolmentIds !== undefined ? { enrolmentIds } : sessionId !== undefined ? { sessionId } : {}, skip ?? []),
  'attendance:attest': ({ month, sessionId }, call) => attestMonth(services(call), month, sessionId),
  'attendance:unlock': ({ month, sessionId, reason }, call) => unlockMonth(services(call), month, sessionId, reason),
  'attendance:export': ({ month, sessionId, format, layout, comment }, { db, clock }) =>
    exportAttendance(db, { month, format, layout, comment, ...(sessionId !== undefined ? { sessionId } : {}) }, todayIso(clock.now()))
}
