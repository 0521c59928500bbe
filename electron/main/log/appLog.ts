import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import pino, { type Logger } from 'pino'
import pinoRoll from 'pino-roll'

/*
 * The application's log: JSON lines in `<folder>/passerelle.<date>.<n>.log`, rotated daily and
 * at LOG_ROTATION.size, the oldest removed past LOG_ROTATION.keep files. It holds what support
 * needs (start, stop, each operation's name, duration and outcome, internal errors with their
 * stack) and never a call's input: job seekers' personal data stays in the database.
 */

export const LOG_ROTATION = {
  file: 'passerelle',
  extension: '.log',
  dateFormat: 'yyyy-MM-dd',
  frequency: 'daily',
  size: '5m',
  /** Old files kept besides the current one: about two weeks of daily use. */
  keep: 14
} as const

export type OpOutcome = 'ok' | string

export type AppLog = {
  /** The folder of the log files, shown in « À propos »; null when nothing is written. */
  readonly dir: string | null
  event(message: string, fields?: Record<string, string | number | boolean | null>): void
  operation(op: string, ms: number, outcome: OpOutcome, caller: string | undefined): void
  /** An unexpected error (a bug): its type, message and stack, with the operation's name. */
  internal(op: string, error: unknown): void
  close(): void
}

/** Opens (creating the folder) the rotating log; writes are synchronous so a crash loses nothing. */
export async function openAppLog(dir: string, rotation: { size: string; keep: number } = LOG_ROTATION): Promise<AppLog> {
  pruneOldFiles(dir, rotation.keep)
  const stream = await pinoRoll({
    file: join(dir, LOG_ROTATION.file),
    extension: LOG_ROTATION.extension,
    dateFormat: LOG_ROTATION.dateFormat,
    frequency: LOG_ROTATION.frequency,
    size: rotation.size,
    // Files of earlier runs count too (pino-roll only counts its own unless told); + 1: the current one.
    limit: { count: rotation.keep + 1, removeOtherLogFiles: true },
    mkdir: true,
    sync: true,
    mode: 0o600
  })
  const logger = pino({ base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, stream)
  return pinoAppLog(logger, dir, () => stream.end())
}

const LOG_FILE = /^passerelle\.(\d{4}-\d{2}-\d{2})\.(\d+)\.log$/

/**
 * pino-roll prunes when it rolls over, which a run shorter than a day under 5 MB never does: the
 * files of earlier runs are pruned at start, the newest `keep` kept (today's is written next).
 */
function pruneOldFiles(dir: string, keep: number): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  const files = names
    .map((name) => ({ name, m: LOG_FILE.exec(name) }))
    .filter((f): f is { name: string; m: RegExpExecArray } => f.m !== null)
    .sort((a, b) => (a.m[1] === b.m[1] ? Number(a.m[2]) - Number(b.m[2]) : (a.m[1] ?? '') < (b.m[1] ?? '') ? -1 : 1))
  for (const f of files.slice(0, Math.max(0, files.length - keep))) rmSync(join(dir, f.name), { force: true })
}

function pinoAppLog(logger: Logger, dir: string | null, end: () => void): AppLog {
  let closed = false
  return {
    dir,
    event: (message, fields = {}) => {
      if (!closed) logger.info(fields, message)
    },
    operation: (op, ms, outcome, caller) => {
      if (closed) return
      const fields = { op, ms: Math.round(ms), outcome, ...(caller ? { window: caller } : {}) }
      if (outcome === 'ok') logger.info(fields, 'op')
      else logger.warn(fields, 'op')
    },
    internal: (op, error) => {
      if (!closed) logger.error({ op, err: error instanceof Error ? error : new Error(String(error)) }, 'internal error')
    },
    close: () => {
      if (closed) return
      closed = true
      end()
    }
  }
}

/** The running backend's log, for work that outlives a call (import and document jobs). */
let processLog: AppLog | null = null

export function setProcessLog(log: AppLog | null): void {
  processLog = log
}

/** An unexpected error of background work (a job's thread died, a bug in a job): into the log. */
export function logInternal(where: string, error: unknown): void {
  ;(processLog ?? consoleLog).internal(where, error)
}

/** For tests and tools that keep no log: errors still reach the console. */
export const consoleLog: AppLog = {
  dir: null,
  event: () => undefined,
  operation: () => undefined,
  internal: (op, error) => console.error(op, error),
  close: () => undefined
}
