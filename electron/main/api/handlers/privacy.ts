import type { privacyOps } from '@shared/api/areas/privacy'
import { anonymisePeople, anonymisePreview } from '../../services/privacy/anonymise'
import { exportPersonData } from '../../services/privacy/privacyExport'
import { privacySettings, savePrivacySettings } from '../../services/privacy/privacySettings'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const privacyHandlers: AreaHandlers<typeof privacyOps> = {
  'privacy:export': ({ traineeId }, call) => exportPersonData(services(call), traineeId),
  'privacy:anonymisePreview': ({ before }, { db, clock }) => anonymisePreview(db, clock, before),
  'privacy:anonymise': (input, call) => anonymisePeople(services(call), input),
  'privacy:settings': (_input, { db, clock }) => privacySettings(db, clock),
  'privacy:saveSettings': (input, call) => savePrivacySettings(services(call), input)
}
