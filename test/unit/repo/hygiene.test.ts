import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * Checks of the tree itself:
 *   - tests never read the wall clock (a test that passes only before some date is a time bomb):
 *     "today" is pinned with fixedClock, E2E_NOW or vi.useFakeTimers; durations use performance.now;
 *   - no two tracked files clash on a case-insensitive file system (Windows and macOS by default):
 *     neither two paths equal ignoring case, nor two modules of one folder equal ignoring case and
 *     extension (`import './OrganisationForm'` would resolve to either).
 */

const ROOT = resolve(__dirname, '../../..')
const tracked = (): string[] => execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean)

/**
 * Wall-clock reads: `new Date()` without argument, `Date.now()`, `todayIso()` without argument. A
 * line marked `// clock pinned` reads a clock the test has faked (vi.useFakeTimers) and is allowed.
 */
const WALL_CLOCK = /new Date\(\s*\)|\bDate\.now\(\s*\)|\btodayIso\(\s*\)/

export function wallClockReads(source: string): number[] {
  return source.split('\n').flatMap((line, i) => (WALL_CLOCK.test(line) && !line.includes('// clock pinned') ? [i + 1] : []))
}

export function caseClashes(paths: readonly string[]): string[][] {
  const groups = new Map<string, Set<string>>()
  const add = (key: string, path: string) => groups.set(key, (groups.get(key) ?? new Set()).add(path))
  for (const p of paths) {
    add(`path:${p.toLowerCase()}`, p)
    if (/\.(ts|tsx|js|jsx|mts|cts|mjs|cjs)$/.test(p)) add(`module:${p.toLowerCase().replace(/\.[^./]+$/, '')}`, p)
  }
  const clashes = new Map<string, string[]>()
  for (const s of groups.values()) {
    if (s.size < 2) continue
    const list = [...s].sort()
    clashes.set(list.join('\n'), list)
  }
  return [...clashes.values()]
}

describe('tests never read the wall clock', () => {
  it('finds the reads it must find', () => {
    expect(wallClockReads('const a = new Date()\nconst b = new Date(iso)\nDate.now()\ntodayIso()\ntodayIso(now)')).toEqual([1, 3, 4])
    expect(wallClockReads('expect(todayIso()).toBe(x) // clock pinned by vi.useFakeTimers')).toEqual([])
  })

  it('no test file reads it (benchmarks measure time and are not tests)', () => {
    const self = 'test/unit/repo/hygiene.test.ts'
    const offenders = tracked()
      .filter((p) => p.startsWith('test/') && !p.startsWith('test/bench/') && /\.(ts|tsx|mts)$/.test(p) && p !== self)
      .flatMap((p) => wallClockReads(readFileSync(resolve(ROOT, p), 'utf8')).map((line) => `${p}:${line}`))
    expect(offenders).toEqual([])
  })
})

describe('case-insensitive file systems', () => {
  it('finds clashes of paths and of modules', () => {
    expect(caseClashes(['a/Form.tsx', 'a/form.ts', 'b/x.ts', 'b/X.TS', 'c/ok.ts', 'c/ok.css'])).toEqual([
      ['a/Form.tsx', 'a/form.ts'],
      ['b/X.TS', 'b/x.ts']
    ])
  })

  it('no two tracked files clash', () => {
    expect(caseClashes(tracked())).toEqual([])
  })
})
