import type { DownloadFile } from '@shared/api/areas/privacy'
import { todayIso } from '@shared/domain/dates'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { collectPersonData } from './personExport'
import { personExportWorkbook } from './personExportXlsx'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** privacy:export — the JSON (complete, for a machine or a lawyer) and the workbook (to read); the audit keeps who asked, not what. */
export async function exportPersonData(ctx: ServiceContext, traineeId: number): Promise<{ files: DownloadFile[] }> {
  const exportedAt = nowIso(ctx.clock)
  const data = collectPersonData(ctx.db, traineeId, todayIso(ctx.clock.now()), exportedAt)
  const xlsx = await personExportWorkbook(data)
  const sections = { registrations: data.registrations.length, enrolments: data.enrolments.length, quotes: data.quotes.length, documents: data.documents.length, audit: data.audit.length }
  ctx.db.transaction(() => recordAudit(ctx, { operation: 'privacy.export', entity: 'trainee', entityId: traineeId, after: sections }))()
  const base = `donnees-personnelles-${traineeId}-${exportedAt.slice(0, 10)}`
  return {
    files: [
      { fileName: `${base}.json`, mime: 'application/json', base64: Buffer.from(JSON.stringify(data, null, 2), 'utf8').toString('base64') },
      { fileName: `${base}.xlsx`, mime: XLSX_MIME, base64: xlsx.toString('base64') }
    ]
  }
}
