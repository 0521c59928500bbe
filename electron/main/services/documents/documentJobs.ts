import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { basename } from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { z } from 'zod'
import type { DocumentJob, documentOps } from '@shared/api/areas/documents'
import { AppError } from '@shared/api/result'
import { DOCUMENT_KINDS, documentFileName, sanitizeFileName } from '@shared/domain/documents'
import type { Db } from '../../db/open'
import { nowIso, type ServiceContext } from '../context'
import { buildTargets, type DocumentTarget } from './documentData'
import { freePath, getDocument, monthFolder, recordDocuments, type NewDocument } from './documentRegister'
import { isProvisional, stampFor } from './documentStamps'
import { documentsWorkers } from './documentsWorkerPool'
import type { WorkerCommand, WorkerInput, WorkerMessage } from './workerProtocol'
import { logInternal } from '../../log/appLog'

export type GenerateInput = z.output<(typeof documentOps)['documents:generate']['input']>

/** Registrations are written in batches (one transaction each) while the worker renders. */
const FLUSH_EVERY = 50
const KEEP_MS = 60 * 60 * 1000
/** A worker stuck in one very long document after a cancel is stopped outright (and not reused). */
const CANCEL_GRACE_MS = 5000

type JobRecord = {
  job: DocumentJob
  worker: Worker | null
  cancelRequested: boolean
  pending: NewDocument[]
  planned: Map<number, { target: DocumentTarget; fileName: string; code: string; supersedesId: number | null }>
  mergedPlan: { path: string; fileName: string; target: Omit<NewDocument, 'path' | 'fileName' | 'sha256' | 'sizeBytes'> } | null
  finishedAt: number | null
  ctx: ServiceContext
  settled: Promise<void>
}

/**
 * Batch generation as jobs the renderer polls (progress done/total, cancel). The data is read
 * here (synchronous SQL), the PDFs are rendered on a worker thread so the main process keeps
 * answering the window, and each written file is recorded in the register.
 */
export class DocumentJobs {
  private readonly jobs = new Map<string, JobRecord>()

  start(ctx: ServiceContext, input: GenerateInput): DocumentJob {
    this.sweep()
    const issuedAt = nowIso(ctx.clock)
    const issuedOn = issuedAt.slice(0, 10)
    const { targets, skipped } = buildTargets(ctx.db, {
      kind: input.kind,
      issuedOn,
      issuedAt,
      ...(input.enrolmentIds ? { enrolmentIds: input.enrolmentIds } : {}),
      ...(input.sessionId !== undefined ? { sessionId: input.sessionId } : {}),
      ...(input.period ? { period: input.period } : {}),
      ...(input.force ? { force: true } : {})
    })
    const sessionDocument = targets.length === 1 && targets[0]?.enrolmentId === null
    const wantFiles = input.output !== 'merged' || sessionDocument
    const wantMerged = input.output !== 'files' && !sessionDocument

    const prefixOf = (t: DocumentTarget): string => (t.kind === 'emargement' && t.period ? t.period : t.period ?? issuedOn.slice(0, 7))
    const reserved = new Set<string>()
    const planned: JobRecord['planned'] = new Map()
    const files: WorkerInput['files'] = []
    // Codes, replaced documents and « PROVISOIRE » are printed, so they are decided now.
    const codes = new Set<string>()
    const provisional = targets.map((target) => isProvisional(ctx.db, target, issuedOn))
    if (wantFiles) {
      targets.forEach((target, index) => {
        const prefix = prefixOf(target)
        const fileName = documentFileName(prefix, target.kind, target.subject)
        const path = freePath(monthFolder(ctx.db, prefix.slice(0, 7)), fileName, reserved)
        const { stamp, supersedesId } = stampFor(ctx.db, target, codes)
        planned.set(index, { target, fileName: basename(path), code: stamp.code, supersedesId })
        files.push({ index, path, data: target.data, stamp, provisional: provisional[index] ?? false })
      })
    }
    let mergedPlan: JobRecord['mergedPlan'] = null
    if (wantMerged) {
      const first = targets[0]
      if (!first) throw new AppError('refused', 'Aucun document à générer.')
      const sessionIds = new Set(targets.map((t) => t.sessionId))
      const prefix = prefixOf(first)
      const subject = input.sessionId !== undefined ? first.data.kind !== 'emargement' && 'training' in first.data ? (first.data.training.sessionLabel ?? first.data.training.title) : 'session' : 'sélection'
      const fileName = `${sanitizeFileName(`${prefix} ${DOCUMENT_KINDS[input.kind]} - ${subject} (${targets.length} documents)`)}.pdf`
      const path = freePath(monthFolder(ctx.db, prefix.slice(0, 7)), fileName, reserved)
      mergedPlan = {
        path,
        fileName: basename(path),
        target: { kind: input.kind, traineeId: null, sessionId: sessionIds.size === 1 ? first.sessionId : null, enrolmentId: null, period: null, verificationCode: null, supersedesId: null }
      }
      mergedPlan.target.verificationCode = stampFor(ctx.db, mergedPlan.target, codes).stamp.code
    }

    const record: JobRecord = {
      job: {
        id: randomUUID(),
        kind: input.kind,
        state: 'running',
        done: 0,
        total: files.length + (mergedPlan ? targets.length : 0),
        documents: [],
        merged: null,
        skipped,
        error: null
      },
      worker: null,
      cancelRequested: false,
      pending: [],
      planned,
      mergedPlan,
      finishedAt: null,
      ctx,
      settled: Promise.resolve()
    }
    this.jobs.set(record.job.id, record)
    const mergedCode = mergedPlan?.target.verificationCode
    const workerInput: WorkerInput = {
      files,
      merged: mergedPlan && mergedCode ? { path: mergedPlan.path, items: targets.map((t) => t.data), stamp: { code: mergedCode, replaces: null }, provisional } : null
    }
    record.settled = this.run(record, workerInput)
    return this.snapshot(record)
  }

  private run(record: JobRecord, input: WorkerInput): Promise<void> {
    const worker = documentsWorkers.acquire()
    record.worker = worker
    let mergedDrawn = 0
    return new Promise<void>((resolve) => {
      /** `reusable`: the worker ended the batch itself and is idle again, ready for the next one. */
      const finish = (state: DocumentJob['state'], error: string | null, reusable: boolean): void => {
        if (record.finishedAt !== null) return
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
        try {
          this.flush(record)
        } catch (e) {
          state = 'failed'
          error = `Enregistrement au registre impossible : ${e instanceof Error ? e.message : String(e)}`
        }
        if (state !== 'done' && record.mergedPlan) rmSync(`${record.mergedPlan.path}.part`, { force: true })
        record.job.state = state
        record.job.error = error
        record.finishedAt = Date.now()
        record.worker = null
        if (reusable) {
          documentsWorkers.release(worker)
          resolve()
        } else void documentsWorkers.discard(worker).finally(resolve)
      }
      const onMessage = (m: WorkerMessage): void => {
        try {
          switch (m.type) {
            case 'file': {
              const plan = record.planned.get(m.index)
              if (!plan) return
              const t = plan.target
              record.pending.push({
                kind: t.kind,
                traineeId: t.traineeId,
                sessionId: t.sessionId,
                enrolmentId: t.enrolmentId,
                period: t.period,
                fileName: plan.fileName,
                path: m.path,
                sha256: m.sha256,
                sizeBytes: m.size,
                verificationCode: plan.code,
                supersedesId: plan.supersedesId,
                forcedMissing: t.forcedMissing ?? null,
                // Kept in the register so the check before invoicing compares them (issue 14).
                hours: t.data.kind === 'certificat_realisation' ? t.data.hoursCompleted : null
              })
              record.job.done++
              if (record.pending.length >= FLUSH_EVERY) this.flush(record)
              return
            }
            case 'merged-progress':
              record.job.done += m.drawn - mergedDrawn
              mergedDrawn = m.drawn
              return
            case 'merged': {
              const plan = record.mergedPlan
              if (!plan) return
              this.flush(record)
              const [id] = recordDocuments(record.ctx, [{ ...plan.target, fileName: plan.fileName, path: m.path, sha256: m.sha256, sizeBytes: m.size }])
              if (id !== undefined) record.job.merged = getDocument(record.ctx.db, id)
              record.job.done = record.job.total
              return
            }
            case 'done':
              return finish('done', null, true)
            case 'cancelled':
              return finish('cancelled', 'Génération annulée : les documents déjà écrits sont conservés et enregistrés.', true)
            case 'error':
              return finish('failed', `Génération impossible : ${m.message}`, true)
          }
        } catch (e) {
          logInternal('documents:generate', e)
          // The worker may still be drawing this batch: it is not handed to another one.
          finish('failed', e instanceof Error ? e.message : String(e), false)
        }
      }
      const onError = (e: Error): void => {
        logInternal('documents:generate', e)
        finish('failed', `Génération impossible : ${e.message}`, false)
      }
      const onExit = (): void => finish(record.cancelRequested ? 'cancelled' : 'failed', 'Génération interrompue.', false)
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.on('exit', onExit)
      const command: WorkerCommand = { type: 'run', input }
      worker.postMessage(command)
    })
  }

  private flush(record: JobRecord): void {
    const docs = record.pending.splice(0)
    const ids = recordDocuments(record.ctx, docs)
    for (const id of ids) record.job.documents.push(getDocument(record.ctx.db, id))
  }

  get(id: string): DocumentJob {
    return this.snapshot(this.record(id))
  }

  /** Asks the worker to stop between two documents; a merged file is then never written. */
  cancel(id: string): DocumentJob {
    const record = this.record(id)
    if (record.job.state === 'running' && record.worker) {
      const worker = record.worker
      record.cancelRequested = true
      const command: WorkerCommand = { type: 'cancel' }
      worker.postMessage(command)
      setTimeout(() => {
        if (record.finishedAt === null) void documentsWorkers.discard(worker)
      }, CANCEL_GRACE_MS).unref()
    }
    return this.snapshot(record)
  }

  /** For tests and the benchmark: resolves when the job has finished. */
  async settled(id: string): Promise<DocumentJob> {
    const record = this.record(id)
    await record.settled
    return this.snapshot(record)
  }

  private snapshot(record: JobRecord): DocumentJob {
    return { ...record.job, documents: [...record.job.documents], skipped: [...record.job.skipped] }
  }

  private record(id: string): JobRecord {
    const r = this.jobs.get(id)
    if (!r) throw new AppError('not_found', 'Cette génération est introuvable (elle a peut-être expiré) : relancez-la.')
    return r
  }

  private sweep(): void {
    const limit = Date.now() - KEEP_MS
    for (const [id, r] of this.jobs) if (r.finishedAt !== null && r.finishedAt < limit) this.jobs.delete(id)
  }
}

const registries = new WeakMap<Db, DocumentJobs>()
/** One registry per open database (the app has one; tests open many). */
export function documentJobsFor(db: Db): DocumentJobs {
  let jobs = registries.get(db)
  if (!jobs) {
    jobs = new DocumentJobs()
    registries.set(db, jobs)
  }
  return jobs
}
