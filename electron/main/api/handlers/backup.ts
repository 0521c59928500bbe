import type { backupOps } from '@shared/api/areas/backup'
import { backupNow, listBackups } from '../../services/backup/backupService'
import { getBackupSettings, saveBackupSettings } from '../../services/backup/backupSettings'
import { restoreBackup } from '../../services/backup/restoreBackup'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const backupHandlers: AreaHandlers<typeof backupOps> = {
  'backup:list': (_input, { db }) => listBackups(db),
  'backup:settings': (_input, { db }) => getBackupSettings(db),
  'backup:saveSettings': (input, call) => saveBackupSettings(services(call), input),
  'backup:now': ({ folder }, { db, clock }) => backupNow(db, clock, folder),
  'backup:restore': ({ path }, call) => restoreBackup(services(call), path)
}
