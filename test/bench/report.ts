/** One JSON line per measurement, with the raw baseline measured in the same run and the ratio. */
/** `target` null: reported for information, no target of its own. */
export type Measurement = { bench: string; value: number; unit: string; baseline: number; target: number | null; extra?: Record<string, number | string> }

export function report(m: Measurement): void {
  const ratio = m.baseline > 0 ? m.value / m.baseline : Number.NaN
  const line = { bench: m.bench, value: round(m.value), unit: m.unit, baseline: round(m.baseline), ratio: round(ratio), target: m.target, ...(m.extra ?? {}) }
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

const round = (n: number): number => Math.round(n * 100) / 100

/** Best of n runs: the least disturbed by the other work of a shared machine. */
export async function bestOf(n: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < n; i++) {
    const start = performance.now()
    await fn()
    best = Math.min(best, performance.now() - start)
  }
  return best
}
