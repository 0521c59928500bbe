import { z } from 'zod'
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

export const appOps = {
  'app:state': query<AppState>()(z.object({}).strict()),
  'app:overview': query<Overview>()(z.object({}).strict())
}

