import { existsSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LATEST_VERSION } from '../../electron/main/db/migrations'
import { openConnection, openDatabase, type Db } from '../../electron/main/db/open'
import { generateDemoData } from '../../electron/main/demo/generateDemoData'
import type { Clock } from '../../electron/main/services/context'
import { captureSql, runBare } from '../helpers/sqlCapture'
import { report } from './report'

/*
 * The database of the dashboard and enrolments benchmarks: the demo organisation with 143,000
 * trainees, about 100,000 enrolments (the demo enrols 70 %), generated once with a fixed clock and
 * kept in the temp folder, keyed by the schema version (about 20 s to generate, 500 MB). Delete
 * the file to regenerate it after changing a migration without changing its version.
 */

export const BENCH_TRAINEES = 143_000
/** The demo is generated as of this instant, so the cached file always holds the same data. */
export const BENCH_NOW = '2026-11-22T09:30:00.000Z'
export const BENCH_TODAY = '2026-11-22'

/** `trainees`: another size of the same demo (the UI bench uses 20,000), cached in its own file. */
export async function benchDatabase(trainees = BENCH_TRAINEES): Promise<{ db: Db; path: string; generatedMs: number | null }> {
  const path = join(tmpdir(), `passerelle-bench-v${LATEST_VERSION}-${trainees}.db`)
  let generatedMs: number | null = null
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.partial`
    rmSync(partial, { force: true })
    const { db } = await openDatabase(partial)
    const clock: Clock = { now: () => new Date(BENCH_NOW) }
    const start = performance.now()
    db.transaction(() => {
      const clerk = db.prepare("INSERT INTO clerk (name, created_at) VALUES ('Banc d’essai', ?) RETURNING id").get(BENCH_NOW) as { id: number }
      generateDemoData({ db, clock, actor: { clerkId: clerk.id, name: 'Banc d’essai' } }, { trainees })
    })()
    generatedMs = performance.now() - start
    db.close()
    renameSync(partial, path)
  }
  return { db: openConnection(path), path, generatedMs }
}

/** Best time of `fn` over at least `min` runs and about `budgetMs` of work. */
export function best(fn: () => unknown, min = 5, budgetMs = 300): number {
  fn() // warm-up: statement preparation, page cache
  let bestMs = Number.POSITIVE_INFINITY
  let spent = 0
  for (let i = 0; i < 200 && (i < min || spent < budgetMs); i++) {
    const start = performance.now()
    fn()
    const ms = performance.now() - start
    spent += ms
    bestMs = Math.min(bestMs, ms)
  }
  return bestMs
}

/**
 * One measurement: the service call, against the very statements it ran (captured), prepared
 * and run bare. The ratio says what the service adds on top of its SQL.
 */
export function measure(db: Db, bench: string, call: (db: Db) => unknown, extra: Record<string, number | string> = {}): void {
  const capture = captureSql(db)
  call(capture.db)
  const statements = [...capture.statements]
  const value = best(() => call(db))
  const baseline = best(() => runBare(db, statements))
  report({ bench, value, unit: 'ms', baseline, target: 2, extra: { statements: statements.length, ...extra } })
}
