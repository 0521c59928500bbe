import { afterEach, describe, expect, it, vi } from 'vitest'
import { HTTP_REQUEST_KEY_HEADER } from '@shared/api/channel'
import type { RequestStatus } from '@shared/api/areas/app'
import type { Result } from '@shared/api/result'
import { createApiClient, UNANSWERED } from '../../../renderer/src/api/client'
import { pendingStore, recoverPending } from '../../../renderer/src/api/pendingWrites'
import { callWithReadBack, NOT_APPLIED, type Connection, type Send } from '../../../renderer/src/api/readBack'

// Issue 15, item 3: a write whose answer never came is read back by its key once the backend answers again.
const KEY = '3f2b8c1e-9d4a-4e6b-8a7c-1b2d3e4f5a60'
const SAVED: Result<unknown> = { ok: true, value: { saved: 3, rejected: [], rows: [] } }

/** A fake backend: the write's answer is lost, then the read-back answers `afterDown` times nothing, then `status`. */
function world(status: RequestStatus | 'refused', afterDown = 2) {
  const sent: { op: string; input: unknown; key?: string }[] = []
  const waits: number[] = []
  const states: Connection[] = []
  let down = afterDown
  const send: Send = (op, input, key) => {
    sent.push({ op, input, ...(key !== undefined ? { key } : {}) })
    if (op !== 'app:requestStatus') return Promise.resolve(UNANSWERED)
    if (down-- > 0) return Promise.resolve(UNANSWERED)
    if (status === 'refused') return Promise.resolve({ ok: false, error: { code: 'internal', message: 'Le serveur local a refusé l’appel (401).' } })
    return Promise.resolve({ ok: true, value: status })
  }
  const options = { sleep: (ms: number) => (waits.push(ms), Promise.resolve()), onConnection: (s: Connection) => states.push(s), delays: [10, 20, 40, 40, 40] }
  return { send, sent, waits, states, options }
}

afterEach(() => vi.unstubAllGlobals())

describe('reading back a lost answer', () => {
  it('returns the stored answer when the write was applied (« Enregistré »), after waiting for the backend', async () => {
    const w = world({ state: 'done', op: 'attendance:save', ok: true, result: SAVED })
    expect(await callWithReadBack(w.send, 'attendance:save', { month: '2026-11' }, true, KEY, w.options)).toEqual(SAVED)
    expect(w.sent[0]).toEqual({ op: 'attendance:save', input: { month: '2026-11' }, key: KEY })
    expect(w.sent.slice(1).map((s) => s.op)).toEqual(['app:requestStatus', 'app:requestStatus', 'app:requestStatus'])
    expect(w.sent.slice(1).every((s) => (s.input as { key: string }).key === KEY && s.key === undefined)).toBe(true)
    expect(w.waits).toEqual([10, 20, 40])
    expect(w.states).toEqual(['lost', 'ok'])
    // The write itself is never sent again by the client: the clerk decides.
    expect(w.sent.filter((s) => s.op === 'attendance:save')).toHaveLength(1)
  })

  it('says « Non enregistré, à refaire » when the key is unknown (never applied)', async () => {
    const w = world({ state: 'unknown' })
    const r = await callWithReadBack(w.send, 'attendance:save', {}, true, KEY, w.options)
    expect(r).toEqual(NOT_APPLIED)
    expect(!r.ok && r.error.message).toMatch(/n’a pas été appliquée, à refaire/)
  })

  it('keeps waiting while the write still runs, and gives a stored refusal back as it was', async () => {
    const refusal: Result<unknown> = { ok: false, error: { code: 'conflict', message: 'Mois attesté.' } }
    let asked = 0
    const send: Send = (op) => {
      if (op !== 'app:requestStatus') return Promise.resolve(UNANSWERED)
      asked++
      return Promise.resolve({ ok: true, value: asked < 3 ? { state: 'running' } : { state: 'done', op: 'attendance:save', ok: false, result: refusal } })
    }
    expect(await callWithReadBack(send, 'attendance:save', {}, true, KEY, { sleep: () => Promise.resolve(), delays: [1, 1, 1, 1] })).toEqual(refusal)
    expect(asked).toBe(3)
  })

  it('stays « unanswered » when the backend never comes back, or refuses the read-back', async () => {
    const never = world({ state: 'unknown' }, 99)
    expect(await callWithReadBack(never.send, 'attendance:save', {}, true, KEY, never.options)).toEqual(UNANSWERED)
    expect(never.waits).toEqual([10, 20, 40, 40, 40])
    expect(never.states).toEqual(['lost', 'down'])
    const refused = world('refused', 0)
    expect(await callWithReadBack(refused.send, 'attendance:save', {}, true, KEY, refused.options)).toEqual(UNANSWERED)
  })

  it('never reads a query back and sends no key with it', async () => {
    const w = world({ state: 'unknown' })
    expect(await callWithReadBack(w.send, 'app:state', {}, false, KEY, w.options)).toEqual(UNANSWERED)
    expect(w.sent).toEqual([{ op: 'app:state', input: {} }])
  })

  it('sends a fresh key per write in the HTTP header, the caller’s key on a retry, none with a query', async () => {
    const headers: Record<string, string>[] = []
    vi.stubGlobal('window', {})
    vi.stubGlobal('fetch', (_url: string, init: { headers: Record<string, string> }) => {
      headers.push(init.headers)
      return Promise.resolve({ ok: true, json: () => Promise.resolve({ ok: true, value: null }) })
    })
    const api = createApiClient({ sleep: () => Promise.resolve() })
    await api.call('trainees:create', { lastName: 'Dupont', firstName: 'Marie' })
    await api.call('trainees:create', { lastName: 'Dupont', firstName: 'Marie' })
    await api.call('trainees:create', { lastName: 'Dupont', firstName: 'Marie' }, { key: KEY })
    await api.call('app:state', {})
    const keys = headers.map((h) => h[HTTP_REQUEST_KEY_HEADER])
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(keys[1]).not.toBe(keys[0])
    expect(keys[2]).toBe(KEY)
    expect(keys[3]).toBeUndefined()
  })
})

describe('writes left without an answer before a restart', () => {
  const memory = () => {
    const m = new Map<string, string>()
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) }
  }

  it('are kept while unanswered, forgotten once answered, and read back at the next load', async () => {
    const storage = memory()
    const store = pendingStore(storage)
    vi.stubGlobal('window', {})
    let up = false
    vi.stubGlobal('fetch', (_url: string, init: { body: string }) => {
      if (!up) return Promise.reject(new TypeError('fetch failed'))
      const { op, input } = JSON.parse(init.body) as { op: string; input: { key?: string } }
      const value = op === 'app:requestStatus' ? (input.key === KEY ? { state: 'done', op: 'attendance:save', ok: true, result: SAVED } : { state: 'unknown' }) : null
      return Promise.resolve({ ok: true, json: () => Promise.resolve({ ok: true, value }) })
    })
    const first = createApiClient({ sleep: () => Promise.resolve(), delays: [1], pending: store })
    await first.call('attendance:save', { month: '2026-11', changes: [] }, { key: KEY, label: 'Collage de 12 cellules' })
    await first.call('trainees:create', { lastName: 'Dupont', firstName: 'Marie' }, { label: 'Nouveau stagiaire' })
    await first.call('app:state', {})
    expect(store.list().map((w) => w.label)).toEqual(['Collage de 12 cellules', 'Nouveau stagiaire'])

    up = true
    const next = createApiClient({ sleep: () => Promise.resolve(), pending: pendingStore(storage) })
    expect(await next.recoverPending?.()).toEqual([
      { label: 'Collage de 12 cellules', outcome: 'saved' },
      { label: 'Nouveau stagiaire', outcome: 'not_applied' }
    ])
    expect(store.list()).toEqual([])
    await next.call('trainees:create', { lastName: 'Dupont', firstName: 'Marie' })
    expect(store.list()).toEqual([])
  })

  it('stay pending while the backend cannot tell, and survive a broken storage', async () => {
    const store = pendingStore(memory())
    store.add({ key: KEY, op: 'attendance:save', label: '' })
    expect(await recoverPending(() => Promise.resolve(UNANSWERED), store)).toEqual([])
    expect(await recoverPending(() => Promise.resolve({ ok: true, value: { state: 'running' } }), store)).toEqual([])
    expect(store.list()).toHaveLength(1)
    const broken = pendingStore({ getItem: () => '{pas du json', setItem: () => { throw new Error('quota') } })
    expect(broken.list()).toEqual([])
    expect(() => broken.add({ key: KEY, op: 'x:y', label: '' })).not.toThrow()
  })
})
