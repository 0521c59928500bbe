import { z } from 'zod'
import { anonymousCommand, command, query } from '../spec'
import { text } from '../fields'

export type Clerk = { id: number; name: string }

export type AppState = {
  version: string
  host: 'electron' | 'browser'
  dbPath: string
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

export type DemoSummary = {
  trainings: number
  sessions: number
  recruitmentEvents: number
  trainees: number
  enrolments: number
  attendanceDays: number
}

export const appOps = {
  'app:state': query<AppState>()(z.object({}).strict()),
  'app:overview': query<Overview>()(z.object({}).strict()),
  'clerks:select': anonymousCommand<Clerk>()(z.object({ name: text(80, 'Le nom') }).strict()),
  'demo:generate': command<DemoSummary>()(
    z
      .object({
        trainees: z.number().int().min(10).max(100_000).default(300),
        seed: z.number().int().optional()
      })
      .strict()
  )
}

