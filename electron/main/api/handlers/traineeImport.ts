import type { traineeImportOps } from '@shared/api/areas/traineeImport'
import { applyTraineeImport, previewTraineeImport } from '../../services/traineeImport/traineeImportService'
import { fileBytes } from '../../uploads/uploadStore'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const traineeImportHandlers: AreaHandlers<typeof traineeImportOps> = {
  'traineeImport:preview': ({ fileName, base64, mapping, merge }, { db, clock }) =>
    previewTraineeImport(db, clock, { fileName, bytes: fileBytes(base64), mapping, merge }),
  'traineeImport:apply': ({ fileName, base64, mapping, merge }, call) =>
    applyTraineeImport(services(call), { fileName, bytes: fileBytes(base64), mapping, merge })
}
