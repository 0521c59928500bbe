import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contract } from '@shared/api/contract'
import { documentFileName } from '@shared/domain/documents'
import { openDatabase } from '../../electron/main/db/open'
import { renderDocument, renderMerged } from '../../electron/main/pdf/render'
import { buildTargets } from '../../electron/main/services/documents/documentData'
import { documentJobsFor } from '../../electron/main/services/documents/documentJobs'
import { documentsWorkers } from '../../electron/main/services/documents/documentsWorkerPool'
import { serviceContext } from '../helpers/tempDb'
import { documentsWorld } from '../services/documentsWorld'
import { report } from './report'

// `npm run bench -- documents`: 500 certificats d'inscription as 500 files and as one merged file,
// through the service (data from SQLite, worker thread, files, SHA-256, register), against bare
// pdfkit drawing the same layout with the same text and fonts on this thread (no services).

const COUNT = 500

/** Peak resident memory while `fn` runs (the worker thread lives in this process). */
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
  const start = performance.now()
  await fn()
  const ms = performance.now() - start
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  return { ms, peakMb: Math.round(peak / 1048576) }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-docs-'))
  const { db } = await openDatabase(join(dir, 'passerelle.db'))
  try {
    const ctx = serviceContext(db)
    const w = documentsWorld(ctx)
    const ids = db.transaction(() => Array.from({ length: COUNT }, (_, i) => w.enrol(w.sessionId, w.person(`STAGIAIRE ${String(i + 1).padStart(4, '0')}`, 'Élodie'), 'inscrit')))()
    // A certificate names the funding (checked before generation): a region-funded session.
    db.prepare(`UPDATE enrolment SET funding = 'region' WHERE session_id = ?`).run(w.sessionId)
    const input = (output: 'files' | 'merged') => contract['documents:generate'].input.parse({ kind: 'certificat_inscription', sessionId: w.sessionId, output })
    const { targets } = buildTargets(db, { kind: 'certificat_inscription', sessionId: w.sessionId, issuedOn: '2026-11-22', issuedAt: '2026-11-22T09:30:00.000Z' })
    const jobs = documentJobsFor(db)

    // Warm-up on both sides, as in the app after its first batch: module loading and font
    // parsing on this thread for the baseline, one document through the service (which starts
    // the documents worker it then keeps) for the measured side.
    await renderDocument(targets[0]?.data ?? (undefined as never))
    const warm = await jobs.settled(jobs.start(ctx, contract['documents:generate'].input.parse({ kind: 'certificat_inscription', enrolmentIds: ids.slice(0, 1), output: 'files' })).id)
    if (warm.state !== 'done') throw new Error(`warm-up ${warm.state}: ${warm.error ?? ''}`)

    const bareDir = join(dir, 'bare')
    mkdirSync(bareDir)
    const bareFiles = await timed(async () => {
      for (const [i, t] of targets.entries()) writeFileSync(join(bareDir, `${i} ${documentFileName('2026-11', t.kind, t.subject)}`), await renderDocument(t.data))
    })
    const files = await timed(async () => {
      const job = await jobs.settled(jobs.start(ctx, input('files')).id)
      if (job.state !== 'done' || job.documents.length !== COUNT) throw new Error(`job ${job.state}: ${job.error ?? ''}`)
    })
    report({ bench: 'documents.files', value: files.ms, unit: 'ms', baseline: bareFiles.ms, target: 1.5, extra: { documents: COUNT, peakMb: files.peakMb, baselinePeakMb: bareFiles.peakMb } })

    const bareMerged = await timed(async () => {
      const bytes = await renderMerged(targets.map((t) => t.data))
      if (bytes) writeFileSync(join(bareDir, 'merged.pdf'), bytes)
    })
    const merged = await timed(async () => {
      const job = await jobs.settled(jobs.start(ctx, input('merged')).id)
      if (job.state !== 'done' || !job.merged) throw new Error(`job ${job.state}: ${job.error ?? ''}`)
    })
    report({ bench: 'documents.merged', value: merged.ms, unit: 'ms', baseline: bareMerged.ms, target: 1.5, extra: { documents: COUNT, peakMb: merged.peakMb, baselinePeakMb: bareMerged.peakMb } })
  } finally {
    await documentsWorkers.close()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
