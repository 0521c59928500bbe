import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../electron/main/api/dispatch'
import { handlers, type Handlers } from '../../electron/main/api/handlers'
import { LATEST_VERSION } from '../../electron/main/db/migrations'
import { fixedClock, tempDb, type TempDb } from '../helpers/tempDb'

let t: TempDb
let dispatch: Dispatch
const logged: unknown[] = []
const backend = () => ({ db: t.db, clock: fixedClock(), host: { kind: 'browser' as const, version: '0.0.0-test', dbPath: t.path } })

beforeEach(async () => {
  t = await tempDb()
  logged.length = 0
  dispatch = createDispatch(backend(), handlers, (e) => logged.push(e))
})
afterEach(() => t.cleanup())

describe('dispatch', () => {
  it('refuses an unknown operation', async () => {
    expect(await dispatch('trainees:drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } })
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } })
  })

  it('validates the input and lists every field issue in French', async () => {
    await dispatch('clerks:select', { name: 'Claire' })
    const r = await dispatch('trainees:create', { lastName: '', firstName: 'B', ftId: 'nope' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid_input')
    expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['ftId', 'lastName'])
    expect(t.db.prepare('SELECT count(*) FROM trainee').pluck().get()).toBe(0)
  })

  it('refuses writes until a clerk is chosen, then records who', async () => {
    const before = await dispatch('trainees:create', { lastName: 'Dupont', firstName: 'Marie' })
    expect(before).toMatchObject({ ok: false, error: { code: 'no_clerk' } })
    expect(await dispatch('clerks:select', { name: 'Claire Martin' })).toMatchObject({ ok: true, value: { name: 'Claire Martin' } })
    expect(await dispatch('trainees:create', { lastName: 'Dupont', firstName: 'Marie' })).toMatchObject({ ok: true })
    const audit = t.db.prepare('SELECT clerk_name, operation, entity FROM audit_log').all()
    expect(audit).toEqual([
      { clerk_name: 'Claire Martin', operation: 'clerks.select', entity: 'clerk' },
      { clerk_name: 'Claire Martin', operation: 'trainees.create', entity: 'trainee' }
    ])
  })

  it('turns a crash of a service into a French error, logs it and keeps running', async () => {
    const broken: Handlers = { ...handlers, 'app:overview': () => { throw new TypeError('bug') } }
    const d = createDispatch(backend(), broken, (e) => logged.push(e))
    const r = await d('app:overview', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(!r.ok && r.error.message).toMatch(/rien n'a été enregistré/)
    expect(logged).toHaveLength(1)
    expect(await d('app:state', {})).toMatchObject({ ok: true })
  })

  it('answers app:state for a first start', async () => {
    const r = await dispatch('app:state', {})
    expect(r).toMatchObject({ ok: true, value: { clerk: null, clerks: [], empty: true, host: 'browser', schemaVersion: LATEST_VERSION, organisationName: null } })
  })
})
