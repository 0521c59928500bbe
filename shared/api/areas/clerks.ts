import { z } from 'zod'
import { anonymousCommand } from '../spec'
import { text } from '../fields'

export type Clerk = { id: number; name: string }

export const clerkOps = {
  'clerks:select': anonymousCommand<Clerk>()(z.object({ name: text(80, 'Le nom') }).strict())
}
