import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import { startHttpHost } from '../../electron/browserHost/httpHost'
import { selectClerk } from '../../electron/main/services/clerks/clerkService'
import { HTTP_CLIENT_HEADER, HTTP_INVOKE_PATH, HTTP_KEY_HEADER } from '@shared/api/channel'
import { contract, OPS } from '@shared/api/contract'
import type { Result } from '@shared/api/result'
import { todayIso } from '@shared/domain/dates'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { attendanceWorld } from '../services/attendanceWorld'
import { generate, hostile, mulberry32, pick, pollution, type Rng } from './fuzzInputs'

/*
 * API fuzz test (issue #13): INPUTS inputs, spread evenly over every operation of the contract,
 * drawn with a fixed seed from each operation's zod schema with hostile values mixed in
 * (fuzzInputs.ts), sent through the dispatcher, and a slice of them through the HTTP host.
 * For every call: no internal error (nor 5xx over HTTP), every refusal in French, and a refused
 * call changes nothing: the connection's total_changes() and the file's data_version must not
 * move (a handler that wrote, then refused and rolled back, is checked against a content hash of
 * every table), and a full hash is compared every CHECKPOINT calls while nothing succeeded.
 * A failure prints the operation and the input; the seed reproduces it.
 */

const SEED = 20261122
const INPUTS = 10_400
const HTTP_SLICE = 400
const CHECKPOINT = 500
const NOW = '2026-11-25T09:30:00.000Z'

/** English words of zod's and JavaScript's own messages: a refusal with one is not in French (an identifier echoed in capitals is not one). */
const ENGLISH = /\b([Ee]xpected|[Ii]nvalid|[Rr]equired|[Rr]eceived|must|cannot|[Uu]nexpected|undefined|[Uu]nrecognized|too (big|small)|string|number|object|array|boolean|[Ee]rror|failed|not a function|of null|NaN)\b/

let t: TempDb
let dispatch: Dispatch
const logged: unknown[] = []

beforeAll(async () => {
  t = await tempDb()
  // Durability is the crash test's subject, not this one's: no fsync at each accepted write.
  t.db.pragma('synchronous = OFF')
  const clock = fixedClock(NOW)
  const ctx = serviceContext(t.db, clock)
  const w = attendanceWorld(ctx, todayIso(clock.now()))
  const session = w.session({ label: 'Fuzz' })
  w.trainees(session, 5)
  selectClerk(t.db, clock, 'Claire Martin')
  mkdirSync(join(t.dir, 'chemins'), { recursive: true })
  writeFileSync(join(t.dir, 'index.html'), '<!doctype html><title>Passerelle</title>')
  dispatch = createDispatch({ db: t.db, clock, host: { kind: 'browser', version: 'test', dbPath: t.path } }, handlers, (e) => logged.push(e))
})
afterAll(() => t?.cleanup())

let hashMs = 0
let hashes = 0
function tablesHash(): string {
  const h0 = performance.now()
  hashes++
  try {
    return contentHash()
  } finally {
    hashMs += performance.now() - h0
  }
}

function contentHash(): string {
  const hash = createHash('sha256')
  const tables = t.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()
  for (const { name } of tables) {
    hash.update(name)
    for (const row of t.db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))
  }
  return hash.digest('hex')
}
const totalChanges = (): number => Number(t.db.prepare('SELECT total_changes()').pluck().get())
const dataVersion = (): number => Number(t.db.pragma('data_version', { simple: true }))

function show(input: unknown): string {
  try {
    const s = JSON.stringify(input) ?? String(input)
    return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} caractères)` : s
  } catch {
    return String(input)
  }
}

/** Problems with a refusal's words: English, empty, or the input echoed at length. */
function refusalProblem(result: Result<unknown>): string | null {
  if (result.ok) return null
  const texts = [result.error.message, ...(result.error.issues ?? []).map((i) => i.message)]
  for (const text of texts) {
    if (typeof text !== 'string' || text.trim() === '') return 'message vide'
    // Values quoted back « like this » are the input's own words, not the message's.
    const own = text.replace(/«[^»]*»/g, '')
    const english = ENGLISH.exec(own)
    if (english) return `message non français (« ${english[0]} ») : ${text.slice(0, 200)}`
    if (text.length > 4000) return `message de ${text.length} caractères`
  }
  if (result.error.code === 'internal') return `erreur interne : ${result.error.message}`
  return null
}

/**
 * Operations whose accepted call writes a file or a document (100 ms and more each): 97 in 100
 * of their inputs get one field made hostile, so that the run stays short and the refusals of
 * these operations are what is exercised most.
 */
const HEAVY = /^(audit:verify|privacy:export|backup:(now|restore)|bpf:|documents:generate|attendance:export|quotes:export|invoices:(export|issue|creditNote)|demo:generate)/

function input(rng: Rng, op: (typeof OPS)[number]): unknown {
  const r = rng()
  // A few whole inputs of the wrong kind; the rest shaped by the schema with hostile leaves.
  if (r < 0.04) return hostile(rng)
  if (r < 0.06) return pollution(rng, { id: 1 })
  const paths = (): string => join(t.dir, 'chemins', pick(rng, ['a', 'b', 'sauvegardes', 'inexistant/plus/loin', 'x.db']))
  const value = generate(rng, contract[op].input, 'input', { hostileRate: pick(rng, [0, 0.03, 0.1, 0.3]), paths })
  if (HEAVY.test(op) && rng() < 0.97 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value)
    return { ...value, [keys.length > 0 ? pick(rng, keys) : 'extra']: hostile(rng) }
  }
  return value
}

describe('API fuzz', () => {
  it(`${INPUTS} inputs over every operation: no internal error, French refusals, nothing changed by a refusal`, async () => {
    const rng = mulberry32(SEED)
    const problems: string[] = []
    const perOp = new Map<string, { calls: number; refused: number; ms: number }>()
    let known = tablesHash()
    let okMs = 0
    let clean = true // no call has succeeded since `known` was computed
    const started = performance.now()
    const cpu = process.cpuUsage()

    for (let i = 0; i < INPUTS; i++) {
      const op = OPS[i % OPS.length] ?? OPS[0]
      if (!op) break
      const value = input(rng, op)
      const changes = totalChanges()
      const version = dataVersion()
      const t0 = performance.now()
      const result = await dispatch(op, value)
      const stats = perOp.get(op) ?? { calls: 0, refused: 0, ms: 0 }
      stats.calls++
      stats.ms += performance.now() - t0
      if (result.ok) okMs += performance.now() - t0
      perOp.set(op, stats)
      const moved = totalChanges() !== changes || dataVersion() !== version
      if (result.ok) {
        if (moved) clean = false
      } else {
        stats.refused++
        const problem = refusalProblem(result)
        if (problem) problems.push(`${op} ${show(value)} → ${problem}`)
        if (moved) {
          // Written then rolled back moves total_changes(): the tables must still be as they were.
          if (clean) {
            if (tablesHash() !== known) problems.push(`${op} ${show(value)} → refusé mais la base a changé`)
          } else {
            known = tablesHash()
            clean = true
            if (dataVersion() !== version) problems.push(`${op} ${show(value)} → refusé mais une autre connexion a écrit`)
          }
        }
      }
      if (({} as Record<string, unknown>).polluted !== undefined) problems.push(`${op} ${show(value)} → Object.prototype pollué`)
      if (i % CHECKPOINT === CHECKPOINT - 1) {
        const now = tablesHash()
        if (clean && now !== known) problems.push(`entre les appels ${i - CHECKPOINT + 1} et ${i} : base changée sans appel réussi`)
        known = now
        clean = true
      }
      if (problems.length > 20) break
    }
    for (const e of logged) problems.push(`journal : ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join(' | ') : String(e)}`)
    const seconds = (performance.now() - started) / 1000
    const used = process.cpuUsage(cpu)
    const cpuSeconds = (used.user + used.system) / 1e6
    const refused = [...perOp.values()].reduce((n, s) => n + s.refused, 0)
    const slowest = [...perOp.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)
    process.stdout.write(
      `Fuzz API : ${INPUTS} entrées sur ${OPS.length} opérations (graine ${SEED}), ${refused} refusées, ${INPUTS - refused} acceptées, ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s de processeur). ` +
        `Dans les opérations : ${(([...perOp.values()].reduce((n, s) => n + s.ms, 0)) / 1000).toFixed(1)} s, dont acceptées ${(okMs / 1000).toFixed(1)} s, empreintes : ${(hashMs / 1000).toFixed(1)} s (${hashes}). Les plus lentes : ${slowest.map(([op, s]) => `${op} ${Math.round(s.ms)} ms`).join(', ')}.\n`
    )
    expect(problems).toEqual([])
    expect(new Set(perOp.keys()).size).toBe(OPS.length)
    expect([...perOp.values()].reduce((n, s) => n + s.calls, 0)).toBeGreaterThanOrEqual(10_000)
  }, 300_000)

  describe('through the HTTP host', () => {
    let server: Server
    let base: string
    const KEY = 'cle-de-test-du-fuzz-0123456789'
    beforeAll(async () => {
      server = await startHttpHost({ dispatch, rendererDir: t.dir, port: 0, key: KEY })
      const address = server.address()
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    })
    afterAll(() => new Promise<void>((done) => server.close(() => done())))

    const post = (body: string, op?: string): Promise<Response> =>
      fetch(`${base}${HTTP_INVOKE_PATH}${op ? `?op=${encodeURIComponent(op)}` : ''}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HTTP_CLIENT_HEADER]: '1', [HTTP_KEY_HEADER]: KEY },
        body
      })

    it(`${HTTP_SLICE} inputs and malformed requests: never a 5xx, refusals in French`, async () => {
      const rng = mulberry32(SEED + 1)
      const problems: string[] = []
      const bodies: { body: string; op?: string; label: string }[] = [
        { body: 'null', label: 'null' },
        { body: '', label: 'vide' },
        { body: '[]', label: 'tableau' },
        { body: '"texte"', label: 'texte' },
        { body: `{"op":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, label: 'op profond' },
        { body: JSON.stringify({ op: 'x'.repeat(1_000_000) }), label: 'op de 1 Mo' },
        { body: '{"op":"trainees:list","input":{"__proto__":{"polluted":1}}}', label: '__proto__' },
        { body: '{"op":"trainees:list"', label: 'JSON coupé' },
        { body: '{"op":"\\ud800","input":{}}', label: 'surrogat seul' }
      ]
      for (let i = 0; i < HTTP_SLICE; i++) {
        const op = OPS[i % OPS.length] ?? OPS[0]
        if (!op) break
        let body: string
        try {
          body = JSON.stringify({ op, input: input(rng, op) }) ?? 'null'
        } catch {
          continue
        }
        bodies.push({ body, op: rng() < 0.5 ? op : undefined, label: op })
      }
      for (const path of ['/%', '/%E0%A4%A', '/..%2f..%2fetc/passwd', `/${'a'.repeat(10_000)}`]) {
        const r = await fetch(`${base}${path}`, { headers: { [HTTP_KEY_HEADER]: KEY } })
        if (r.status >= 500) problems.push(`GET ${path.slice(0, 40)} → ${r.status}`)
        await r.arrayBuffer()
      }
      for (const { body, op, label } of bodies) {
        const r = await post(body, op)
        const text = await r.text()
        if (r.status >= 500) {
          problems.push(`${label} ${body.slice(0, 200)} → HTTP ${r.status}`)
          continue
        }
        if (r.headers.get('content-type')?.startsWith('application/json')) {
          const problem = refusalProblem(JSON.parse(text) as Result<unknown>)
          if (problem) problems.push(`${label} ${body.slice(0, 200)} → ${problem}`)
        } else if (ENGLISH.test(text)) problems.push(`${label} → ${r.status} ${text.slice(0, 200)}`)
        if (text.length > 1_000_000) problems.push(`${label} → réponse de ${text.length} caractères`)
      }
      process.stdout.write(`Fuzz HTTP : ${bodies.length} requêtes, aucune réponse 5xx attendue.\n`)
      expect(problems).toEqual([])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }, 120_000)
  })
})
