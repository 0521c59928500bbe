import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { GeneratedDocument } from '@shared/api/areas/documents'
import { AppError } from '@shared/api/result'
import { DOCUMENT_KINDS, numberedFileName, type DocumentKind } from '@shared/domain/documents'
import type { Db } from '../../db/open'
import { SqlWhere, type SqlParams } from '../../db/sqlWhere'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'

/** app_setting key of the output folder; by default « Documents générés » beside the database. */
export const DOCUMENTS_FOLDER_SETTING = 'documents.folder'

/** « Documents générés » beside the database file. */
export function defaultDocumentsRoot(db: Db): string {
  return join(dirname(db.name), 'Documents générés')
}

/** The folder chosen by a clerk (settings), or null for the default one. */
export function storedDocumentsRoot(db: Db): string | null {
  const row = db.prepare<unknown[], { value: string }>('SELECT value FROM app_setting WHERE key = ?').get(DOCUMENTS_FOLDER_SETTING)
  return row?.value ? row.value : null
}

export function documentsRoot(db: Db): string {
  return storedDocumentsRoot(db) ?? defaultDocumentsRoot(db)
}

/** `<root>/<yyyy-mm>/`, created when missing. */
export function monthFolder(db: Db, month: string): string {
  const dir = join(documentsRoot(db), month)
  mkdirSync(dir, { recursive: true })
  return dir
}

/** A path no earlier file uses (« nom (2).pdf », « nom (3).pdf »…): an earlier document is never overwritten. */
export function freePath(dir: string, fileName: string, reserved: Set<string>): string {
  for (let n = 1; ; n++) {
    const path = join(dir, numberedFileName(fileName, n))
    if (!reserved.has(path) && !existsSync(path) && !existsSync(`${path}.part`)) {
      reserved.add(path)
      return path
    }
  }
}

/** What the register stores of a new file: the listed document's own fields (its code is printed and QR-encoded), and: */
export type NewDocument = Pick<GeneratedDocument, 'kind' | 'traineeId' | 'sessionId' | 'enrolmentId' | 'period' | 'fileName' | 'path' | 'sha256' | 'sizeBytes' | 'verificationCode'> & {
  /** The document it replaces, as printed on it (decided before drawing); undefined: looked up now. */
  supersedesId?: number | null
  /** Generated although mandatory data was missing (« générer quand même »): what was missing. */
  forcedMissing?: string | null
  /** The hours printed on it (certificat de réalisation), compared before invoicing; null otherwise. */
  hours?: number | null
}

export type RegisterKey = Pick<NewDocument, 'kind' | 'traineeId' | 'sessionId' | 'enrolmentId' | 'period'>
const PREVIOUS_SQL = `SELECT d.id, d.generated_at AS generatedAt, d.verification_code AS code FROM generated_document d
     WHERE d.kind = @kind AND d.enrolment_id IS @enrolmentId AND d.session_id IS @sessionId AND d.period IS @period
       AND d.trainee_id IS @traineeId
       AND NOT EXISTS (SELECT 1 FROM generated_document n WHERE n.supersedes_id = d.id)
     ORDER BY d.id DESC LIMIT 1`

/** The latest document a new one with this key replaces (a merged file replaces none). */
export function previousDocument(db: Db, key: RegisterKey): { id: number; generatedAt: string; code: string | null } | null {
  if (key.enrolmentId === null && key.traineeId === null && key.period === null) return null
  return db.prepare<[RegisterKey], { id: number; generatedAt: string; code: string | null }>(PREVIOUS_SQL).get(key) ?? null
}

/**
 * Records written files in ONE transaction. A document regenerated for the same trainee (or
 * session), kind and period supersedes the latest earlier one, whose file stays on disk.
 */
export function recordDocuments(ctx: ServiceContext, docs: NewDocument[]): number[] {
  if (docs.length === 0) return []
  const insert = ctx.db.prepare(
    `INSERT INTO generated_document (kind, trainee_id, session_id, enrolment_id, period, file_name, path, sha256, size_bytes, generated_at, generated_by, supersedes_id, verification_code, forced_missing, hours)
     VALUES (@kind, @traineeId, @sessionId, @enrolmentId, @period, @fileName, @path, @sha256, @sizeBytes, @at, @by, @supersedesId, @verificationCode, @forcedMissing, @hours)`
  )
  const at = nowIso(ctx.clock)
  return ctx.db.transaction(() =>
    docs.map((d) => {
      const supersedesId = d.supersedesId !== undefined ? d.supersedesId : (previousDocument(ctx.db, d)?.id ?? null)
      const { kind, traineeId, sessionId, enrolmentId, period, fileName, path, sha256, sizeBytes, verificationCode } = d
      const row = { kind, traineeId, sessionId, enrolmentId, period, fileName, path, sha256, sizeBytes, verificationCode, at, by: ctx.actor.name, supersedesId, forcedMissing: d.forcedMissing ?? null, hours: d.hours ?? null }
      const id = Number(insert.run(row).lastInsertRowid)
      recordAudit(ctx, { operation: 'document.generate', entity: 'generated_document', entityId: id, after: { kind: d.kind, fileName: d.fileName, sha256: d.sha256, verificationCode, supersedesId, ...(d.forcedMissing ? { forcedMissing: d.forcedMissing } : {}) } })
      return id
    })
  )()
}

type Row = {
  id: number
  kind: DocumentKind
  trainee_id: number | null
  trainee_last: string | null
  trainee_first: string | null
  session_id: number | null
  session_label: string | null
  enrolment_id: number | null
  period: string | null
  file_name: string
  path: string
  sha256: string
  size_bytes: number
  generated_at: string
  generated_by: string
  supersedes_id: number | null
  superseded_by: number | null
  verification_code: string | null
  forced_missing: string | null
}

const SELECT = `
  SELECT d.*, t.last_name AS trainee_last, t.first_name AS trainee_first, coalesce(s.label, tr.title) AS session_label,
         (SELECT n.id FROM generated_document n WHERE n.supersedes_id = d.id ORDER BY n.id LIMIT 1) AS superseded_by
  FROM generated_document d
  LEFT JOIN trainee t ON t.id = d.trainee_id
  LEFT JOIN session s ON s.id = d.session_id
  LEFT JOIN training tr ON tr.id = s.training_id`

function toDocument(r: Row): GeneratedDocument {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: DOCUMENT_KINDS[r.kind] ?? r.kind,
    traineeId: r.trainee_id,
    traineeName: r.trainee_last ? `${r.trainee_last.toLocaleUpperCase('fr-FR')} ${r.trainee_first ?? ''}`.trim() : null,
    sessionId: r.session_id,
    sessionLabel: r.session_label,
    enrolmentId: r.enrolment_id,
    period: r.period,
    fileName: r.file_name,
    path: r.path,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    generatedAt: r.generated_at,
    generatedBy: r.generated_by,
    supersedesId: r.supersedes_id,
    supersededById: r.superseded_by,
    verificationCode: r.verification_code,
    forcedMissing: r.forced_missing,
    fileExists: existsSync(r.path)
  }
}

export type DocumentFilters = { traineeId?: number; sessionId?: number; kind?: DocumentKind; includeSuperseded?: boolean; limit?: number }

export function listDocuments(db: Db, f: DocumentFilters): GeneratedDocument[] {
  const where = new SqlWhere({ limit: f.limit ?? 500 })
  where.filter('traineeId', f.traineeId, 'd.trainee_id = @traineeId')
  where.filter('sessionId', f.sessionId, 'd.session_id = @sessionId')
  where.filter('kind', f.kind, 'd.kind = @kind')
  if (!f.includeSuperseded) where.add('NOT EXISTS (SELECT 1 FROM generated_document n WHERE n.supersedes_id = d.id)')
  const sql = `${SELECT} ${where.clause} ORDER BY d.generated_at DESC, d.id DESC LIMIT @limit`
  return db.prepare<[SqlParams], Row>(sql).all(where.params).map(toDocument)
}

export function getDocument(db: Db, id: number): GeneratedDocument {
  const row = db.prepare<unknown[], Row>(`${SELECT} WHERE d.id = ?`).get(id)
  if (!row) throw new AppError('not_found', 'Ce document est introuvable dans le registre.')
  return toDocument(row)
}

/** The recorded file's bytes, checked against the register's SHA-256. */
export function readDocumentFile(db: Db, id: number): { doc: GeneratedDocument; bytes: Buffer } {
  const doc = getDocument(db, id)
  if (!doc.fileExists) throw new AppError('not_found', `Le fichier « ${doc.fileName} » n’est plus à son emplacement (${dirname(doc.path)}) : régénérez le document.`)
  return { doc, bytes: readFileSync(doc.path) }
}
