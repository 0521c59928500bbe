/**
 * Small seeded pseudo-random generator (mulberry32): the same seed always gives the same demo
 * database, which keeps screenshots, bug reports and tests reproducible.
 */
export class Rng {
  private state: number

  constructor(seed: number) {
    // Spread small seeds (1, 2, 3…) over the whole 32-bit space.
    this.state = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x6d2b79f5) >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) return min
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() sur une liste vide')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** Picks a value with its relative weight: `[['a', 3], ['b', 1]]` gives 'a' three times as often. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of choices) total += w
    let r = this.next() * total
    for (const [value, w] of choices) {
      r -= w
      if (r < 0) return value
    }
    const last = choices[choices.length - 1]
    if (!last) throw new RangeError('weighted() sur une liste vide')
    return last[0]
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const tmp = items[i] as T
      items[i] = items[j] as T
      items[j] = tmp
    }
    return items
  }

  digits(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10))
    return s
  }
}

/** Appends the Luhn key that makes `prefix + key` valid (SIREN, SIRET). */
export function withLuhnKey(prefix: string): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = prefix + String(key)
    let sum = 0
    for (let i = 0; i < candidate.length; i++) {
      let n = candidate.charCodeAt(candidate.length - 1 - i) - 48
      if (i % 2 === 1) {
        n *= 2
        if (n > 9) n -= 9
      }
      sum += n
    }
    if (sum % 10 === 0) return candidate
  }
  throw new Error('unreachable: one Luhn key always exists')
}
