import type { Db } from '../db/open'

export type Clock = {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** Who performs a write: recorded in the audit log and in event histories. */
export type Actor = { clerkId: number | null; name: string }

export type ServiceContext = {
  db: Db
  clock: Clock
  actor: Actor
}

export const nowIso = (clock: Clock): string => clock.now().toISOString()
