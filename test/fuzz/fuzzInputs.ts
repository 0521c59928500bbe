import type { z } from 'zod'

/*
 * Inputs for the API fuzz test, drawn from the contract's own zod schemas: a walk of each
 * schema's definition gives plausible values (the right shape, ids that may exist, dates,
 * months, times), and at every node a hostile value may take the place of the plausible one:
 * wrong types, huge strings, lone surrogates, NUL, deep nesting, impossible dates, negative or
 * huge numbers, prototype-pollution keys.
 *
 * A small seeded PRNG (mulberry32) rather than fast-check: the run must be the same on every
 * machine for a given seed, needs no shrinking (a failure names the operation and prints the
 * input), and adds no dependency; zod v4 has no fast-check bridge anyway.
 */

export type Rng = () => number

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T
const chance = (rng: Rng, p: number): boolean => rng() < p

/** Builds `depth` levels of `{ a: { a: … } }` or `[[…]]` without recursion. */
function deep(depth: number, array: boolean): unknown {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = array ? [v] : { a: v }
  return v
}

const IMPOSSIBLE_DATES = ['2026-02-30', '2027-02-29', '2026-11-31', '2026-13-01', '0000-00-00', '9999-99-99', '2026-1-1', '22/11/2026', '2026-11-22T25:00', '+275760-09-13']
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0000\u0000\u0000',
  'abc\u0000def',
  '\uD800',
  'a\uDC00b',
  '\uFFFF\uFFFE',
  '\u202Eevil',
  '=1+1',
  "-2+3+CMD|' /C CALC'!A0",
  "'; DROP TABLE trainee; --",
  '../../../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '-0',
  '9007199254740993',
  ...IMPOSSIBLE_DATES
]
const HOSTILE_NUMBERS = [-1, 0, -0, 0.5, -2147483649, 2147483648, 2 ** 53, 2 ** 63, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-320]

/** Values that have nothing to do with the schema at this place. */
export function hostile(rng: Rng): unknown {
  const r = rng()
  if (r < 0.35) return pick(rng, HOSTILE_STRINGS)
  if (r < 0.52) return pick(rng, HOSTILE_NUMBERS)
  if (r < 0.64) return pick(rng, [null, undefined, true, false, [], {}, [null], { length: 1e9 }])
  if (r < 0.74) return pollution(rng)
  if (r < 0.84) return String.fromCharCode(...Array.from({ length: 1 + Math.floor(rng() * 40) }, () => Math.floor(rng() * 0x10000)))
  if (r < 0.9) return 'x'.repeat(pick(rng, [300, 1000, 5000]))
  if (r < 0.94) return deep(pick(rng, [20, 50, 200]), rng() < 0.5)
  if (r < 0.97) return Array.from({ length: pick(rng, [5, 40, 300]) }, () => pick(rng, [1, 'a', null]))
  // The huge ones (each costs the validation a few milliseconds): rarer, but there.
  const huge = rng()
  if (huge < 0.4) return 'x'.repeat(pick(rng, [70_000, 1_100_000]))
  if (huge < 0.7) return deep(pick(rng, [1000, 20_000]), rng() < 0.5)
  return Array.from({ length: 20_000 }, () => pick(rng, [1, 'a', null]))
}

/** An object with own `__proto__`, `constructor` and `prototype` keys, as JSON.parse makes them. */
export function pollution(rng: Rng, base: Record<string, unknown> = {}): Record<string, unknown> {
  const payload = pick(rng, [
    '{"__proto__":{"polluted":"oui"}}',
    '{"constructor":{"prototype":{"polluted":"oui"}}}',
    '{"prototype":{"polluted":"oui"},"__proto__":[]}',
    '{"__proto__":null}'
  ])
  return Object.assign(JSON.parse(payload) as Record<string, unknown>, base)
}

const TODAYISH = ['2026-11-22', '2026-11-25', '2026-10-01', '2026-12-31', '2027-01-04', '2026-09-14', '1985-05-12']

/** A plausible string for a field, from its name: the schemas' own regexes say the same in effect. */
function plausibleString(rng: Rng, key: string, max: number): string {
  const k = key.toLowerCase()
  if (/month/.test(k)) return pick(rng, ['2026-10', '2026-11', '2026-13', '2026-1', '2027-02'])
  if (/time$/.test(k)) return pick(rng, ['09:00', '17:30', '24:00', '9h', '12:60'])
  if (/date|on$|^from$|^to$|today|asof|before|until|week|period/.test(k)) return chance(rng, 0.7) ? pick(rng, TODAYISH) : pick(rng, IMPOSSIBLE_DATES)
  if (/email/.test(k)) return pick(rng, ['claire.martin@example.fr', 'pas-un-email', 'a@b'])
  if (/siret|siren/.test(k)) return pick(rng, ['73282932000074', '12345678901234', '732829320'])
  if (/phone/.test(k)) return pick(rng, ['06 12 34 56 78', '0612345678', '12'])
  if (/postal/.test(k)) return pick(rng, ['56100', '5610', '01000'])
  if (/ftid/.test(k)) return pick(rng, ['0676932W', '1234567A', 'X'])
  if (/base64/.test(k)) return pick(rng, ['Tm9tO1Byw6lub20KRFVQT05UO0plYW4K', 'UEsDBA==', '!!!', 'PD94bWwgdmVyc2lvbj0iMS4wIj8+PGxoZW8vPg=='])
  if (/jobid/.test(k)) return pick(rng, ['00000000-0000-0000-0000-000000000000', 'job'])
  if (/mime/.test(k)) return pick(rng, ['image/png', 'image/jpeg', 'text/html'])
  if (/code|number|reference/.test(k)) return pick(rng, ['A1', '31800', 'RNCP12345', 'FT-2026-001'])
  const words = ['Dupont', 'Le Bris', 'Maëlle', 'Vannes', 'Développeur web', 'note', 'x', 'Œuvre', 'a b c']
  const s = pick(rng, words)
  return s.length > max ? s.slice(0, max) : s
}

type Def = { type: string; [k: string]: unknown }
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def

function numberChecks(def: Def): { min: number; max: number; int: boolean } {
  let min = -1000
  let max = 1000
  let int = false
  for (const c of (def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const d = c._zod.def
    if (d.format === 'safeint' || d.format === 'int32') int = true
    if (d.check === 'greater_than' && typeof d.value === 'number') min = d.inclusive ? d.value : d.value + (int ? 1 : 0.01)
    if (d.check === 'less_than' && typeof d.value === 'number') max = d.inclusive ? d.value : d.value - (int ? 1 : 0.01)
  }
  return { min, max, int }
}

function maxLength(def: Def): number {
  for (const c of (def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const d = c._zod.def
    if (d.check === 'max_length' && typeof d.maximum === 'number') return d.maximum
  }
  return 200
}

export type GenOptions = { hostileRate: number; paths: () => string }

/** A value for `schema` at field `key`: plausible, or hostile with probability options.hostileRate at each node. */
export function generate(rng: Rng, schema: z.ZodType, key: string, options: GenOptions, depth = 0): unknown {
  if (chance(rng, options.hostileRate)) return hostile(rng)
  const def = defOf(schema)
  const next = (s: unknown, k = key): unknown => generate(rng, s as z.ZodType, k, options, depth + 1)
  switch (def.type) {
    case 'string': {
      // Paths (document folder, backup folder, restore file): inside the test's own folder only.
      if (/^(path|folder)$/.test(key)) return options.paths()
      return plausibleString(rng, key, maxLength(def))
    }
    case 'number': {
      const { min, max, int } = numberChecks(def)
      if (/id$|ids$/i.test(key) || key === 'id') return 1 + Math.floor(rng() * 6)
      const lo = Math.max(min, -100)
      const hi = Math.min(max, lo + 5000)
      const v = lo + rng() * (hi - lo)
      return int ? Math.round(v) : Math.round(v * 100) / 100
    }
    case 'int':
      return 1 + Math.floor(rng() * 6)
    case 'boolean':
      return chance(rng, 0.5)
    case 'enum':
      return pick(rng, Object.values(def.entries as Record<string, unknown>))
    case 'literal':
      return pick(rng, def.values as unknown[])
    case 'optional':
      return chance(rng, 0.3) ? undefined : next(def.innerType)
    case 'nullable':
      return chance(rng, 0.2) ? null : next(def.innerType)
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return chance(rng, 0.2) ? undefined : next(def.innerType)
    case 'pipe':
      return next(def.in)
    case 'lazy':
      return depth > 6 ? null : next((def.getter as () => unknown)())
    case 'union':
      return next(pick(rng, def.options as unknown[]))
    case 'intersection': {
      const left = next(def.left)
      const right = next(def.right)
      return typeof left === 'object' && left && typeof right === 'object' && right ? { ...left, ...right } : left
    }
    case 'array': {
      if (depth > 8) return []
      const length = pick(rng, [0, 1, 1, 2, 3, 5])
      return Array.from({ length }, () => next(def.element))
    }
    case 'tuple':
      return (def.items as unknown[]).map((item) => next(item))
    case 'record': {
      const out: Record<string, unknown> = {}
      for (let i = 0; i < pick(rng, [0, 1, 2]); i++) out[String(next(def.keyType, 'key'))] = next(def.valueType)
      return out
    }
    case 'object': {
      const out: Record<string, unknown> = chance(rng, 0.05) ? pollution(rng) : {}
      for (const [k, s] of Object.entries(def.shape as Record<string, unknown>)) {
        if (chance(rng, 0.04)) continue // a key left out, required or not
        out[k] = generate(rng, s as z.ZodType, k, options, depth + 1)
      }
      if (chance(rng, 0.04)) out[pick(rng, ['extra', 'constructor', 'toString', 'valueOf'])] = hostile(rng)
      return out
    }
    default:
      return hostile(rng)
  }
}
