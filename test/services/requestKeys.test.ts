import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/api/result'
import { createDispatch, type Dispatch } from '../../electron/main/api/dispatch'
import { handlers, type Handlers } from '../../electron/main/api/handlers'
import { MAX_ROWS, pruneAnswers, recordAnswer } from '../../electron/main/api/requestLedger'
import { fixedClock, tempDb, type TempDb } from '../helpers/tempDb'

// Issue 15, item 3: a write carries an idempotency key; a retry with the same key never applies twice.
let t: TempDb
let dispatch: Dispatch
const logged: unknown[] = []
const NOW = '2026-11-22T09:30:00.000Z'
const backend = () => ({ db: t.db, clock: fixedClock(NOW), host: { kind: 'browser' as const, version: '0.0.0-test', dbPath: t.path } })
const K1 = '3f2b8c1e-9d4a-4e6b-8a7c-1b2d3e4f5a60'
const K2 = '3f2b8c1e-9d4a-4e6b-8a7c-1b2d3e4f5a61'
const K3 = '3f2b8c1e-9d4a-4e6b-8a7c-1b2d3e4f5a62'
const trainees = () => t.db.prepare('SELECT count(*) FROM trainee').pluck().get()
const answers = () => t.db.prepare('SELECT count(*) FROM answered_request').pluck().get()

beforeEach(async () => {
  t = await tempDb()
  logged.length = 0
  dispatch = createDispatch(backend(), handlers, (e) => logged.push(e))
  await dispatch('clerks:select', { name: 'Claire Martin' })
})
afterEach(() => t.cleanup())

describe('idempotency keys', () => {
  it('applies a keyed write once: the same key again gets the same answer, a new key applies again', async () => {
    const input = { lastName: 'Dupont', firstName: 'Marie' }
    const first = await dispatch('trainees:create', input, undefined, K1)
    expect(first.ok).toBe(true)
    expect(await dispatch('trainees:create', input, undefined, K1)).toEqual(first)
    expect(await dispatch('trainees:create', input, undefined, K1.toUpperCase())).toEqual(first)
    expect(trainees()).toBe(1)
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE operation = 'trainees.create'").pluck().get()).toBe(1)
    expect(await dispatch('trainees:create', input, undefined, K2)).toMatchObject({ ok: true })
    expect(trainees()).toBe(2)
  })

  it('runs a retry sent while the first call still runs once, both get its answer', async () => {
    const input = { lastName: 'Dupont', firstName: 'Marie' }
    const [a, b] = await Promise.all([dispatch('trainees:create', input, undefined, K1), dispatch('trainees:create', input, undefined, K1)])
    expect(a).toEqual(b)
    expect(trainees()).toBe(1)
  })

  it('replays a refusal: a validation refusal and a service refusal come back the same, nothing runs', async () => {
    const bad = await dispatch('trainees:create', { lastName: '', firstName: 'B' }, undefined, K1)
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    // Same key, now a valid input: still the recorded refusal (a key names one logical write).
    expect(await dispatch('trainees:create', { lastName: 'Dupont', firstName: 'Marie' }, undefined, K1)).toEqual(bad)
    expect(trainees()).toBe(0)

    let runs = 0
    const refusing: Handlers = { ...handlers, 'trainees:create': () => { runs++; throw new AppError('conflict', 'Déjà inscrite.') } }
    const d = createDispatch(backend(), refusing)
    const refused = await d('trainees:create', { lastName: 'Dupont', firstName: 'Marie' }, undefined, K2)
    expect(refused).toEqual({ ok: false, error: { code: 'conflict', message: 'Déjà inscrite.' } })
    expect(await d('trainees:create', { lastName: 'Dupont', firstName: 'Marie' }, undefined, K2)).toEqual(refused)
    expect(runs).toBe(1)
  })

  it('keeps the key if and only if the write is kept: a crash of the handler leaves neither', async () => {
    const broken: Handlers = {
      ...handlers,
      'trainees:create': (input, call) => {
        handlers['trainees:create'](input, call)
        throw new TypeError('bug after the insert')
      }
    }
    const d = createDispatch(backend(), broken, (e) => logged.push(e))
    expect(await d('trainees:create', { lastName: 'Dupont', firstName: 'Marie' }, undefined, K1)).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(trainees()).toBe(0)
    expect(await dispatch('app:requestStatus', { key: K1 })).toEqual({ ok: true, value: { state: 'unknown' } })
    // Not recorded: the same key may be sent again and applies now.
    expect(await dispatch('trainees:create', { lastName: 'Dupont', firstName: 'Marie' }, undefined, K1)).toMatchObject({ ok: true })
    expect(trainees()).toBe(1)
  })

  it('reads a key back: unknown, then done with the stored answer', async () => {
    expect(await dispatch('app:requestStatus', { key: K1 })).toEqual({ ok: true, value: { state: 'unknown' } })
    const created = await dispatch('trainees:create', { lastName: 'Dupont', firstName: 'Marie' }, undefined, K1)
    expect(await dispatch('app:requestStatus', { key: K1 })).toEqual({ ok: true, value: { state: 'done', op: 'trainees:create', ok: true, result: created } })
    expect(await dispatch('app:requestStatus', { key: 'pas-une-cle' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('says « running » while the keyed call runs, and records an async handler once it settles', async () => {
    let finish: (v: unknown) => void = () => undefined
    const slow: Handlers = { ...handlers, 'trainees:create': () => new Promise((r) => (finish = r)) as never }
    const d = createDispatch(backend(), slow)
    const pending = d('trainees:create', { lastName: 'Dupont', firstName: 'Marie' }, undefined, K1)
    await new Promise((r) => setImmediate(r))
    expect(await d('app:requestStatus', { key: K1 })).toEqual({ ok: true, value: { state: 'running' } })
    finish({ done: true })
    expect(await pending).toEqual({ ok: true, value: { done: true } })
    expect(await d('app:requestStatus', { key: K1 })).toMatchObject({ ok: true, value: { state: 'done', result: { ok: true, value: { done: true } } } })
  })

  it('ignores keys on queries, refuses a malformed key and a key reused for another operation', async () => {
    expect(await dispatch('app:state', {}, undefined, K1)).toMatchObject({ ok: true })
    expect(await dispatch('app:state', {}, undefined, K1)).toMatchObject({ ok: true })
    expect(answers()).toBe(0)
    for (const bad of ['', 'abc', 42, {}, ['x'], `${K1} `]) {
      expect(await dispatch('trainees:create', { lastName: 'Dupont', firstName: 'Marie' }, undefined, bad)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/clé de requête est invalide/) } })
    }
    expect(trainees()).toBe(0)
    await dispatch('trainees:create', { lastName: 'Dupont', firstName: 'Marie' }, undefined, K3)
    expect(await dispatch('trainings:create', { title: 'X' }, undefined, K3)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/autre opération/) } })
  })

  it('keeps a bounded ledger: a week at most, and the last rows only', () => {
    const now = new Date(NOW)
    const old = new Date(now.getTime() - 8 * 86_400_000)
    t.db.transaction(() => recordAnswer(t.db, K1, 'trainees:create', { ok: true, value: 1 }, old))()
    expect(answers()).toBe(1)
    t.db.transaction(() => recordAnswer(t.db, K2, 'trainees:create', { ok: true, value: 'x'.repeat(3 * 1024 * 1024) }, now))()
    // The old row is gone; the huge answer is known as done without its (too large) result.
    expect(t.db.prepare('SELECT key, ok, result FROM answered_request').all()).toEqual([{ key: K2, ok: 1, result: null }])
    const insert = t.db.prepare("INSERT INTO answered_request (key, op, ok, result, created_at) VALUES (printf('%08d-0000-4000-8000-000000000000', ?), 'x:y', 1, NULL, ?)")
    t.db.transaction(() => {
      for (let i = 0; i < MAX_ROWS + 10; i++) insert.run(i, NOW)
    })()
    pruneAnswers(t.db, now)
    expect(answers()).toBe(MAX_ROWS)
  })
})
