import type { lheoOps } from '@shared/api/areas/lheo'
import { lheoJobsFor } from '../../services/lheo/lheoJobs'
import { takeUpload } from '../../uploads/uploadStore'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const lheoHandlers: AreaHandlers<typeof lheoOps> = {
  // `base64` is the file itself, or the token of the file the browser host streamed to disk.
  'lheo:preview': ({ fileName, base64 }, call) => lheoJobsFor(call.db).startPreview(services(call), fileName, takeUpload(base64) ?? Buffer.from(base64, 'base64')),
  'lheo:apply': ({ jobId }, call) => lheoJobsFor(call.db).apply(services(call), jobId),
  'lheo:job': ({ jobId }, { db }) => lheoJobsFor(db).get(jobId),
  'lheo:cancel': ({ jobId }, { db }) => lheoJobsFor(db).cancel(jobId)
}
