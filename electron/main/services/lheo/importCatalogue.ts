import { rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { startWorker } from '../../workers/startWorker'
import { makeTempDir } from '../../tempFiles/runTemp'
import type { LheoImportSummary } from '@shared/api/areas/lheo'
import { AppError } from '@shared/api/result'
import { abortError, isLheoError, readLheo, readLheoFile, type LheoFormation, type ReadSummary } from '../../import/lheo'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { CatalogueWriter, type WriteCounters } from './catalogueWriter'
import { unpackBatch } from './formationBatch'
import type { ReaderMessage } from './readerWorker'
import { HASH_WORKER_SOURCE } from './hashWorker'
import { partSource, planReadParts, type ReadPart } from './splitPlan'
import { StagedFile } from './stagedFile'

export type StagedCatalogue = { file: StagedFile; read: ReadSummary; dir: string; remove: () => void }
export type ImportOptions = { dryRun: boolean; fileName: string; sha256: string }

/**
 * Step 1 of the app's import, async and cancellable: reads and validates the file as a stream,
 * parking each formation on disk. Nothing touches the database, so a refused or cancelled file
 * writes nothing, and the main process keeps answering the window meanwhile.
 */
export async function stageLheoFile(
  path: string,
  options: { signal?: AbortSignal; onProgress?: (bytesRead: number) => void } = {}
): Promise<StagedCatalogue> {
  const dir = makeTempDir('lheo-')
  const file = new StagedFile(join(dir, 'formations.jsonl'))
  const remove = (): void => {
    file.remove()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const read = await readLheoFile(path, { onFormation: (f) => file.append(f), onProgress: options.onProgress, signal: options.signal })
    file.close()
    return { file, read, dir, remove }
  } catch (e) {
    remove()
    throw e
  }
}

export type ApplyControl = {
  /** Asked between formations: true rolls everything back (an abort error is thrown). */
  shouldStop?: () => boolean
  /** Formations written so far, every few hundred. */
  onProgress?: (written: number) => void
}

/**
 * Step 2, synchronous: writes the staged formations in ONE transaction (better-sqlite3 must never
 * await inside one), or computes exactly what it would write and rolls back, for the preview.
 * The app runs it on a thread of its own (applyInWorker.ts).
 */
export function applyStaged(ctx: ServiceContext, staged: Pick<StagedCatalogue, 'file' | 'read'>, options: ImportOptions, control: ApplyControl = {}): LheoImportSummary {
  const write = new CatalogueWrite(ctx, options)
  write.begin()
  try {
    let written = 0
    for (const f of staged.file.records<LheoFormation>()) {
      if (control.shouldStop?.()) throw abortError()
      write.formation(f)
      if (++written % 200 === 0) control.onProgress?.(written)
    }
    return write.end(staged.read)
  } catch (e) {
    write.abort()
    throw e
  }
}

/**
 * One catalogue write as a transaction opened by hand: the staged path runs it synchronously;
 * the command line's pipelined path feeds it from a reader thread, on a connection nothing else
 * uses, so no other write can slip into it.
 */
class CatalogueWrite {
  private writer: CatalogueWriter | null = null
  private readonly counters: WriteCounters = {
    formations: { created: 0, updated: 0, unchanged: 0 },
    actions: { created: 0, updated: 0, unchanged: 0 },
    sessions: { created: 0, updated: 0, unchanged: 0 },
    warnings: []
  }
  private readonly now: string

  constructor(
    private readonly ctx: ServiceContext,
    private options: ImportOptions
  ) {
    this.now = nowIso(ctx.clock)
  }

  /** The pipelined import hashes the file while it is being read. */
  setSha256(sha256: string): void {
    this.options = { ...this.options, sha256 }
  }

  begin(): void {
    CatalogueWriter.prepareConnection(this.ctx.db)
    this.ctx.db.exec('BEGIN IMMEDIATE')
    this.writer = new CatalogueWriter(this.ctx.db, this.now, this.counters)
  }

  formation(f: LheoFormation): void {
    if (!this.writer) throw new Error('catalogue write not started')
    this.writer.write(f)
  }

  end(read: ReadSummary): LheoImportSummary {
    if (!this.writer) throw new Error('catalogue write not started')
    this.writer.stampVersion(read.version)
    const summary: LheoImportSummary = {
      formations: this.counters.formations,
      actions: this.counters.actions,
      sessions: this.counters.sessions,
      missingSessions: this.writer.flagMissing(),
      warnings: warningsOf(read, this.counters.warnings)
    }
    if (this.options.dryRun) {
      this.ctx.db.exec('ROLLBACK')
      return summary
    }
    this.ctx.db
      .prepare(
        `INSERT INTO catalogue_import (file_name, sha256, lheo_version, imported_at, imported_by, summary_json, warnings_json)
         VALUES (?, ?, ?, ?, ?, ?, ?)`
      )
      .run(this.options.fileName, this.options.sha256, read.version, this.now, this.ctx.actor.name, JSON.stringify({ ...summary, warnings: undefined }), JSON.stringify(summary.warnings))
    recordAudit(this.ctx, {
      operation: 'lheo.import',
      entity: 'catalogue',
      entityId: null,
      after: { fileName: this.options.fileName, version: read.version, ...summary, warnings: summary.warnings.length }
    })
    this.ctx.db.exec('COMMIT')
    return summary
  }

  abort(): void {
    if (this.ctx.db.inTransaction) this.ctx.db.exec('ROLLBACK')
  }
}

function warningsOf(read: ReadSummary, written: string[]): string[] {
  const all = [...read.warnings.map((w) => w.message), ...written]
  const more = read.warningCount - read.warnings.length
  if (more > 0) all.push(`… et ${more} autres avertissements de lecture.`)
  return all
}


/**
 * The share of a large file this thread reads itself; the rest goes to a reader thread. This
 * thread also writes everything, and the reader pays for handing its formations over, so the
 * parts are uneven to finish together.
 */
const OWN_SHARE = 0.44

/**
 * Read + write in one go, for the command line and the benchmark. A large file is read as two
 * parts in parallel: the first on this thread, which writes its formations straight away, the
 * second on a reader thread whose formations this thread writes as they come, all inside one
 * transaction on a connection nobody else uses.
 */
export async function importLheoFile(
  ctx: ServiceContext,
  path: string,
  options: { dryRun?: boolean; /** Tests split small files too. */ splitMinBytes?: number } = {}
): Promise<{ summary: LheoImportSummary; read: ReadSummary }> {
  if (ctx.db.inTransaction) throw new AppError('refused', 'Une autre écriture est en cours sur cette base : réessayez.')
  let parts: ReadPart[]
  try {
    parts = planReadParts(path, options.splitMinBytes, OWN_SHARE)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new AppError('refused', `Lecture du fichier impossible (${code === 'ENOENT' ? 'fichier introuvable' : code === 'EISDIR' ? "c'est un dossier" : String(code ?? e)}) : ${path}`)
  }
  const [own, ...others] = parts
  if (!own) throw new Error('no part to read')
  const hashing = hashInWorker(path)
  const write = new CatalogueWrite(ctx, { dryRun: options.dryRun ?? false, fileName: basename(path), sha256: '' })
  // Started first: the thread takes a while to load, while this one already reads.
  const workers = others.map((part) => startReaderWorker(path, part))
  const ownRead = new AbortController()
  write.begin()
  try {
    const reads = await Promise.all([
      readLheo(partSource(path, own), { signal: ownRead.signal, onFormation: (f) => write.formation(f) }).catch((e: unknown) => {
        for (const w of workers) w.postMessage('abort')
        throw isLheoError(e) ? new AppError('refused', e.message) : e
      }),
      ...workers.map((worker) => drainWorker(worker, write, () => ownRead.abort()))
    ])
    write.setSha256(await hashing)
    const read = mergeReads(reads)
    return { summary: write.end(read), read }
  } catch (e) {
    write.abort()
    throw e
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
}

function drainWorker(worker: Worker, write: CatalogueWrite, stopOthers: () => void): Promise<ReadSummary> {
  return new Promise<ReadSummary>((resolve, reject) => {
    const fail = (e: unknown): void => {
      worker.postMessage('abort')
      stopOthers()
      reject(e)
    }
    worker.on('message', (m: ReaderMessage) => {
      try {
        if (m.type === 'batch') {
          for (const f of unpackBatch(m.batch)) write.formation(f)
          worker.postMessage('ack')
        } else if (m.type === 'done') resolve(m.read)
        else fail(new AppError('refused', m.message))
      } catch (e) {
        fail(e)
      }
    })
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`lecteur LHEO arrêté (code ${code})`))
    })
  })
}

function mergeReads(reads: ReadSummary[]): ReadSummary {
  const [first, ...rest] = reads
  if (!first) throw new Error('no read')
  return rest.reduce<ReadSummary>(
    (a, b) => ({
      ...a,
      formations: a.formations + b.formations,
      actions: a.actions + b.actions,
      sessions: a.sessions + b.sessions,
      warnings: [...a.warnings, ...b.warnings],
      warningCount: a.warningCount + b.warningCount,
      bytesRead: a.bytesRead + b.bytesRead
    }),
    first
  )
}

/** SHA-256 of the file for the import history, on a thread of its own (see hashWorker.ts). */
function hashInWorker(path: string): Promise<string> {
  const worker = new Worker(HASH_WORKER_SOURCE, { eval: true, workerData: { path } })
  return new Promise<string>((resolve) => {
    worker.once('message', (digest: string) => resolve(digest))
    worker.once('error', () => resolve(''))
  }).finally(() => void worker.terminate())
}

function startReaderWorker(path: string, part: ReadPart): Worker {
  return startWorker(__dirname, 'readerWorker', { workerData: { path, part } })
}
