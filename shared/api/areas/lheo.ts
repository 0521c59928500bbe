import { z } from 'zod'
import { command, query } from '../spec'

export type ImportCounts = { created: number; updated: number; unchanged: number }

/** The same object the command line prints. */
export type LheoImportSummary = {
  formations: ImportCounts
  actions: ImportCounts
  sessions: ImportCounts
  /** Sessions of the catalogue previously imported and absent from this file: flagged, never deleted. */
  missingSessions: number
  warnings: string[]
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled'

export type LheoJob = {
  id: string
  kind: 'preview' | 'apply'
  state: JobState
  /** 0..1 from the bytes read. */
  progress: number
  fileName: string
  version: string | null
  summary: LheoImportSummary | null
  error: string | null
}

export const LHEO_MAX_UPLOAD_BYTES = 200 * 1024 * 1024

export const lheoOps = {
  /** Reads and compares the file without writing anything; poll with `lheo:job`. */
  'lheo:preview': command<LheoJob>()(
    z
      .object({
        fileName: z.string().min(1, 'Le nom du fichier est vide.').max(255, 'Le nom du fichier : 255 caractères au maximum.'),
        /** The file's bytes as base64 (renderer side: File.arrayBuffer). */
        base64: z.string().min(1, 'Le fichier est vide.').max(Math.ceil((LHEO_MAX_UPLOAD_BYTES * 4) / 3) + 4, 'Le fichier dépasse 200 Mo.')
      })
      .strict()
  ),
  /** Writes a previewed file in one transaction. */
  'lheo:apply': command<LheoJob>()(z.object({ jobId: z.string().min(1).max(64) }).strict()),
  'lheo:job': query<LheoJob>()(z.object({ jobId: z.string().min(1).max(64) }).strict()),
  'lheo:cancel': command<LheoJob>()(z.object({ jobId: z.string().min(1).max(64) }).strict())
}
