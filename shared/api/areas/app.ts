import { z } from 'zod'
import { REQUEST_KEY_PATTERN } from '../channel'
import type { Result } from '../result'
import { query } from '../spec'
import type { Clerk } from './clerks'

export type AppState = {
  version: string
  host: 'electron' | 'browser'
  dbPath: string
  /** The folder of the application's log (rotating files), null when none is written. */
  logDir: string | null
  schemaVersion: number
  clerk: Clerk | null
  clerks: Clerk[]
  organisationName: string | null
  /** No trainee and no training yet: the UI offers to load demo data. */
  empty: boolean
}

export type Overview = {
  trainings: number
  sessions: number
  trainees: number
  recruitmentEvents: number
  enrolmentsByStatus: Record<string, number>
}

/**
 * What became of a write sent with an idempotency key whose answer never came: `done` with its
 * stored answer (null when it was too large to keep), `running` (not finished yet), or `unknown`:
 * never applied (a key is recorded in the same transaction as the write's changes).
 */
export type RequestStatus =
  | { state: 'done'; op: string; ok: boolean; result: Result<unknown> | null }
  | { state: 'running' }
  | { state: 'unknown' }

export const appOps = {
  'app:state': query<AppState>()(z.object({}).strict()),
  'app:overview': query<Overview>()(z.object({}).strict()),
  'app:requestStatus': query<RequestStatus>()(
    z.object({ key: z.string().regex(REQUEST_KEY_PATTERN, 'Clé de requête invalide (un identifiant UUID est attendu).') }).strict()
  )
}

