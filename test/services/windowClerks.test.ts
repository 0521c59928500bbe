import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import { fixedClock, tempDb, type TempDb } from '../helpers/tempDb'

/* The clerk belongs to the window that writes, not to the database; choosing one is audited. */

let t: TempDb
let dispatch: Dispatch
beforeEach(async () => {
  t = await tempDb()
  dispatch = createDispatch({ db: t.db, clock: fixedClock('2026-12-02T09:00:00.000Z'), host: { kind: 'browser', version: 'test', dbPath: t.path } }, handlers, () => undefined)
})
afterEach(() => t.cleanup())

const authors = () => t.db.prepare<[], { clerk_name: string; operation: string }>("SELECT clerk_name, operation FROM audit_log WHERE operation = 'trainees.create' ORDER BY id").all()

describe('a clerk per window', () => {
  it('two windows write under their own names, whatever the other one chose last', async () => {
    await dispatch('clerks:select', { name: 'Claire Martin' }, 'fenetre-1')
    await dispatch('clerks:select', { name: 'Hugo Bernard' }, 'fenetre-2')
    await dispatch('trainees:create', { lastName: 'Durand', firstName: 'Alex' }, 'fenetre-1')
    await dispatch('trainees:create', { lastName: 'Petit', firstName: 'Sam' }, 'fenetre-2')
    expect(authors().map((r) => r.clerk_name)).toEqual(['Claire Martin', 'Hugo Bernard'])
    const one = await dispatch('app:state', {}, 'fenetre-1')
    expect(one.ok && (one.value as { clerk: { name: string } }).clerk.name).toBe('Claire Martin')
  })

  it('a new window starts with the last clerk chosen, then keeps its own', async () => {
    await dispatch('clerks:select', { name: 'Claire Martin' }, 'fenetre-1')
    await dispatch('trainees:create', { lastName: 'Durand', firstName: 'Alex' }, 'fenetre-2')
    await dispatch('clerks:select', { name: 'Hugo Bernard' }, 'fenetre-1')
    await dispatch('trainees:create', { lastName: 'Petit', firstName: 'Sam' }, 'fenetre-2')
    expect(authors().map((r) => r.clerk_name)).toEqual(['Claire Martin', 'Claire Martin'])
  })

  it('audits every choice of clerk, with the window’s previous one', async () => {
    await dispatch('clerks:select', { name: 'Claire Martin' }, 'fenetre-1')
    await dispatch('clerks:select', { name: 'hugo bernard' }, 'fenetre-1')
    const rows = t.db.prepare<[], { clerk_name: string; before_json: string; after_json: string }>("SELECT clerk_name, before_json, after_json FROM audit_log WHERE operation = 'clerks.select' ORDER BY id").all()
    expect(rows.map((r) => [r.clerk_name, JSON.parse(r.before_json), JSON.parse(r.after_json)])).toEqual([
      ['Claire Martin', { clerk: null }, { clerk: 'Claire Martin' }],
      ['hugo bernard', { clerk: 'Claire Martin' }, { clerk: 'hugo bernard' }]
    ])
  })

  it('refuses writes from a window of a database where no clerk was ever chosen', async () => {
    expect(await dispatch('trainees:create', { lastName: 'Durand', firstName: 'Alex' }, 'fenetre-9')).toMatchObject({ ok: false, error: { code: 'no_clerk' } })
  })
})
