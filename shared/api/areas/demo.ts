import { z } from 'zod'
import { command } from '../spec'

export type DemoSummary = {
  trainings: number
  sessions: number
  recruitmentEvents: number
  trainees: number
  enrolments: number
  attendanceDays: number
}

export const demoOps = {
  'demo:generate': command<DemoSummary>()(
    z
      .object({
        trainees: z.number().int().min(10).max(100_000).default(300),
        seed: z.number().int().optional()
      })
      .strict()
  )
}
