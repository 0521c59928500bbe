import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/*
 * Every temporary file of a run (an uploaded catalogue, its staged formations, an upload
 * streamed by the browser host…) lives in ONE folder, `<tmp>/passerelle-run-<pid>-<random>`:
 * each user removes its own files when it succeeds, fails or is cancelled; the whole folder goes
 * when the backend stops; and a run killed before that (a crash, kill -9) leaves a folder whose
 * pid is dead, which the next start removes. Main thread only: a worker thread has its own copy
 * of this module's state, so workers are handed paths, never create temp folders.
 */

const RUN_PREFIX = 'passerelle-run-'
const RUN_NAME = /^passerelle-run-(\d+)-[0-9a-f]+$/
/** Folders of versions before the per-run folder, removed once they are a day old. */
const LEGACY = /^passerelle-(upload|lheo)-/
const LEGACY_AGE_MS = 24 * 60 * 60 * 1000

let current: string | null = null

/** Where run folders are made: the OS temp folder, or PASSERELLE_TMP (tests). */
export function tempRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.PASSERELLE_TMP || tmpdir()
}

/** This run's folder (created at first use, for this account only). */
export function runTempDir(): string {
  if (current === null) {
    const dir = join(tempRoot(), `${RUN_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`)
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    current = dir
  }
  return current
}

/** A fresh folder for one job inside this run's folder; its user removes it when done. */
export function makeTempDir(prefix: string): string {
  try {
    return mkdtempSync(join(runTempDir(), prefix))
  } catch (e) {
    // The run folder was removed under us (a stop, a cleaner): start a new one.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    current = null
    return mkdtempSync(join(runTempDir(), prefix))
  }
}

/** At stop: removes this run's folder and everything still in it (finished previews…). */
export function removeRunTemp(): void {
  if (current === null) return
  rmSync(current, { recursive: true, force: true })
  current = null
}

/** True while a process with this pid exists (EPERM: it exists, under another account). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * At start: removes the run folders of processes that are gone (a crash or a kill left them),
 * and the old-style folders of earlier versions once a day old. Returns the folders removed.
 */
export function sweepDeadRuns(root: string = tempRoot(), alive: (pid: number) => boolean = pidAlive, nowMs: number = Date.now()): string[] {
  let names: string[]
  try {
    names = readdirSync(root)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const run = RUN_NAME.exec(name)
    const path = join(root, name)
    try {
      if (run) {
        const pid = Number(run[1])
        if (pid === process.pid || alive(pid)) continue
      } else if (!LEGACY.test(name) || nowMs - statSync(path).mtimeMs < LEGACY_AGE_MS) continue
      rmSync(path, { recursive: true, force: true })
      removed.push(path)
    } catch {
      // Another account's folder or one in use: left for its owner.
    }
  }
  return removed
}
