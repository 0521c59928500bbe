import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { report } from './report'
import { writeLargeLheo } from './lheoFixture'

type ChildResult = { ms: number; maxRssMB: number }

function child(args: string[]): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'lheoChild.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout) as ChildResult
}

/**
 * Three runs: the best time (the run least disturbed by the rest of a shared machine) and the
 * median peak memory (it varies by ±15 MB from run to run, with garbage collection timing).
 */
function best(args: () => string[]): ChildResult {
  const runs = [0, 1, 2].map(() => child(args()))
  const peaks = runs.map((r) => r.maxRssMB).sort((a, b) => a - b)
  return { ms: Math.min(...runs.map((r) => r.ms)), maxRssMB: peaks[1] ?? 0 }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-lheo-'))
  try {
    const small = join(dir, 'small.xml')
    const large = join(dir, 'large.xml')
    const smallInfo = writeLargeLheo(small, 500)
    const largeInfo = writeLargeLheo(large, 4000)
    let n = 0
    const freshDb = () => join(dir, `bench-${n++}.db`)

    const bare = best(() => ['bare', large])
    const imported = best(() => ['import', large, freshDb()])
    report({
      bench: 'lheo.import.time',
      value: imported.ms,
      unit: 'ms',
      baseline: bare.ms,
      target: 2,
      extra: { formations: largeInfo.formations, sessions: largeInfo.sessions, fileMB: Math.round(largeInfo.bytes / 1048576) }
    })

    // Peak memory must not grow with the file: the same import on a file twice as large. A much
    // smaller file is reported too: its import ends before the JavaScript heaps and SQLite's page
    // cache have grown to their working size, so that ratio shows the warm-up, not the file.
    const double = join(dir, 'double.xml')
    const doubleInfo = writeLargeLheo(double, 8000)
    const doubleImport = best(() => ['import', double, freshDb()])
    report({
      bench: 'lheo.import.peakMemory',
      value: doubleImport.maxRssMB,
      unit: 'MB',
      baseline: imported.maxRssMB,
      target: 1.1,
      extra: { fileMB: Math.round(doubleInfo.bytes / 1048576), baselineFileMB: Math.round(largeInfo.bytes / 1048576), ms: Math.round(doubleImport.ms) }
    })
    const smallImport = best(() => ['import', small, freshDb()])
    report({
      bench: 'lheo.import.peakMemory.warmup',
      value: imported.maxRssMB,
      unit: 'MB',
      baseline: smallImport.maxRssMB,
      target: null,
      extra: { fileMB: Math.round(largeInfo.bytes / 1048576), baselineFileMB: Math.round(smallInfo.bytes / 1048576) }
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
