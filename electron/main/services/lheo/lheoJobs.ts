import { createHash, randomUUID } from 'node:crypto'
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LheoJob } from '@shared/api/areas/lheo'
import { AppError } from '@shared/api/result'
import { isLheoError } from '../../import/lheo'
import type { Db } from '../../db/open'
import type { ServiceContext } from '../context'
import { makeTempDir } from '../../tempFiles/runTemp'
import { discardUpload, type StoredUpload } from '../../uploads/uploadStore'
import { logInternal } from '../../log/appLog'
import { applyInWorker } from './applyInWorker'
import { importErrorMessage } from './importErrorMessage'
import { stageLheoFile, type StagedCatalogue } from './importCatalogue'

type JobRecord = {
  job: LheoJob
  controller: AbortController
  staged: StagedCatalogue | null
  sha256: string
  upload: string
  finishedAt: number | null
}

/** Preview jobs kept this long after they finish, for the clerk to look at and apply. */
const KEEP_MS = 60 * 60 * 1000

/**
 * Catalogue imports run as jobs the renderer polls: reading a large file takes seconds, shows a
 * progress bar and can be cancelled; the main process answers other calls in the meantime.
 */
export class LheoJobs {
  private readonly jobs = new Map<string, JobRecord>()

  /** Starts reading the uploaded file; the comparison with the database follows in the same job. */
  startPreview(ctx: ServiceContext, fileName: string, source: Buffer | StoredUpload): LheoJob {
    this.sweep()
    const dir = makeTempDir('upload-')
    const upload = join(dir, 'catalogue.xml')
    // A file the browser host already streamed to disk is moved, never read into memory.
    const bytes = Buffer.isBuffer(source) ? source : null
    const streamed = Buffer.isBuffer(source) ? null : source
    if (bytes) writeFileSync(upload, bytes)
    if (streamed) {
      renameSync(streamed.path, upload)
      discardUpload(streamed)
    }
    const record: JobRecord = {
      job: { id: randomUUID(), kind: 'preview', state: 'running', progress: 0, fileName, version: null, summary: null, error: null },
      controller: new AbortController(),
      staged: null,
      sha256: streamed ? streamed.sha256 : createHash('sha256').update(bytes ?? Buffer.alloc(0)).digest('hex'),
      upload: dir,
      finishedAt: null
    }
    this.jobs.set(record.job.id, record)
    const total = Math.max(1, streamed ? streamed.size : (bytes?.length ?? 0))
    void stageLheoFile(upload, {
      signal: record.controller.signal,
      onProgress: (read) => (record.job.progress = Math.min(0.95, (read / total) * 0.95))
    })
      .then(async (staged) => {
        record.staged = staged
        record.job.version = staged.read.version
        record.job.summary = await applyInWorker(ctx, staged, { dryRun: true, fileName, sha256: record.sha256 }, {
          signal: record.controller.signal,
          onProgress: (share) => (record.job.progress = 0.95 + share * 0.04)
        })
        this.finish(record, 'done')
      })
      .catch((e: unknown) => this.fail(record, e, ''))
    return { ...record.job }
  }

  /**
   * Writes a finished preview in one transaction, on a thread of its own: the job runs (progress,
   * cancel) and the preview can no longer be applied; its staged file goes with the write.
   */
  apply(ctx: ServiceContext, previewId: string): LheoJob {
    const preview = this.record(previewId)
    const staged = preview.staged
    if (preview.job.kind !== 'preview' || preview.job.state !== 'done' || !staged) {
      throw new AppError('refused', 'Cet aperçu n’est pas prêt ou a déjà été importé : relancez l’import du fichier.')
    }
    const record: JobRecord = {
      job: { ...preview.job, id: randomUUID(), kind: 'apply', state: 'running', progress: 0, summary: null },
      controller: new AbortController(),
      staged,
      sha256: preview.sha256,
      upload: preview.upload,
      finishedAt: null
    }
    preview.staged = null
    preview.upload = ''
    preview.job.state = 'cancelled'
    this.jobs.set(record.job.id, record)
    void applyInWorker(ctx, staged, { dryRun: false, fileName: preview.job.fileName, sha256: preview.sha256 }, {
      signal: record.controller.signal,
      onProgress: (share) => (record.job.progress = Math.min(0.99, share))
    })
      .then((summary) => {
        record.job.summary = summary
        this.finish(record, 'done')
      })
      .catch((e: unknown) => this.fail(record, e, ' Rien n’a été enregistré.'))
      .finally(() => this.discard(record))
    return { ...record.job }
  }

  /** For tests: resolves when the job has finished. */
  async settled(id: string): Promise<LheoJob> {
    for (;;) {
      const job = this.get(id)
      if (job.state !== 'running') return job
      await new Promise((r) => setTimeout(r, 5))
    }
  }

  get(id: string): LheoJob {
    return { ...this.record(id).job }
  }

  cancel(id: string): LheoJob {
    const record = this.record(id)
    if (record.job.state === 'running') record.controller.abort()
    else if (record.job.kind === 'preview' && record.job.state === 'done') {
      this.discard(record)
      record.job.state = 'cancelled'
      record.job.error = 'Import abandonné : rien n’a été enregistré.'
    }
    return { ...record.job }
  }

  private record(id: string): JobRecord {
    const r = this.jobs.get(id)
    if (!r) throw new AppError('not_found', 'Cet import est introuvable (il a peut-être expiré) : relancez-le.')
    return r
  }

  /** A cancelled job (its signal fired) or a failed one, with the clerk's message. */
  private fail(record: JobRecord, e: unknown, suffix: string): void {
    const aborted = isLheoError(e) && e.aborted
    // A refused file is the clerk's business; anything else is a bug, for the log.
    if (!isLheoError(e) && !(e instanceof AppError)) logInternal(`lheo:${record.job.kind}`, e)
    record.job.error = aborted ? 'Import annulé : rien n’a été enregistré.' : `${importErrorMessage(e)}${suffix}`
    this.finish(record, aborted ? 'cancelled' : 'failed')
  }

  private finish(record: JobRecord, state: LheoJob['state']): void {
    record.job.state = state
    record.job.progress = state === 'done' ? 1 : record.job.progress
    record.finishedAt = Date.now()
    if (state !== 'done') this.discard(record)
  }

  private discard(record: JobRecord): void {
    record.staged?.remove()
    record.staged = null
    if (record.upload) rmSync(record.upload, { recursive: true, force: true })
    record.upload = ''
  }

  private sweep(): void {
    const limit = Date.now() - KEEP_MS
    for (const [id, r] of this.jobs) {
      if (r.finishedAt !== null && r.finishedAt < limit) {
        this.discard(r)
        this.jobs.delete(id)
      }
    }
  }
}

const registries = new WeakMap<Db, LheoJobs>()
/** One registry per open database (the app has one; tests open many). */
export function lheoJobsFor(db: Db): LheoJobs {
  let jobs = registries.get(db)
  if (!jobs) {
    jobs = new LheoJobs()
    registries.set(db, jobs)
  }
  return jobs
}
