import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import { todayIso } from '@shared/domain/dates'
import { createDispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import type { ServiceContext } from '../../electron/main/services/context'
import { listSessionOptions } from '../../electron/main/services/catalogue/sessionOptions'
import { createSession, listSessions } from '../../electron/main/services/catalogue/sessionService'
import { createTraining } from '../../electron/main/services/catalogue/trainingService'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

// sessions:options: what the pickers show, in the sessions grid's order and with its filter.
let t: TempDb
let ctx: ServiceContext
let today: string

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
  today = todayIso(ctx.clock.now())
})
afterEach(() => t.cleanup())

function catalogue(): { early: number; late: number; open: number; undated: number } {
  const training = createTraining(ctx, contract['trainings:create'].input.parse({ title: 'Agent de propreté et d’hygiène' }), today)
  const session = (raw: Record<string, unknown>) => createSession(ctx, contract['sessions:create'].input.parse({ trainingId: training.id, ...raw }), today).id
  const late = session({ startDate: '2027-03-01', endDate: '2027-06-30', label: 'APH Vannes', placeName: 'Centre Kercado', placeCity: 'Vannes' })
  const early = session({ startDate: '2026-09-01', endDate: '2026-10-30' })
  // Open end, no date yet: as an LHEO import may leave them (the form asks for both dates).
  const open = session({ startDate: '2026-10-05', endDate: '2026-10-06' })
  const undated = session({ startDate: '2026-10-07', endDate: '2026-10-08' })
  t.db.prepare('UPDATE session SET end_date = NULL WHERE id = ?').run(open)
  t.db.prepare("UPDATE session SET start_date = NULL, end_date = NULL, start_precision = 'unknown', end_precision = 'unknown' WHERE id = ?").run(undated)
  return { early, late, open, undated }
}

describe('sessions:options', () => {
  it('lists what a picker shows, in the order and with the activeFrom filter of sessions:list', () => {
    const ids = catalogue()
    const options = listSessionOptions(t.db, {})
    expect(options.map((o) => o.id)).toEqual(listSessions(t.db, {}, today).map((s) => s.id))
    expect(options.map((o) => o.id)).toEqual([ids.early, ids.open, ids.late, ids.undated])
    expect(options.find((o) => o.id === ids.late)).toEqual({
      id: ids.late,
      trainingTitle: 'Agent de propreté et d’hygiène',
      label: 'APH Vannes',
      intercarifSessionId: null,
      startDate: '2027-03-01',
      endDate: '2027-06-30',
      startPrecision: 'day',
      endPrecision: 'day',
      placeName: 'Centre Kercado',
      placeCity: 'Vannes'
    })
    const active = (from: string) => listSessionOptions(t.db, { activeFrom: from }).map((o) => o.id)
    expect(active('2026-11-01')).toEqual(listSessions(t.db, { activeFrom: '2026-11-01' }, today).map((s) => s.id))
    expect(active('2026-11-01')).toEqual([ids.open, ids.late, ids.undated])
  })

  it('keeps, with startingBy, the sessions started by then or not dated yet (a month’s attendance picker)', () => {
    const ids = catalogue()
    const month = listSessionOptions(t.db, { activeFrom: '2026-10-01', startingBy: '2026-10-31' }).map((o) => o.id)
    expect(month).toEqual([ids.early, ids.open, ids.undated])
  })

  it('answers through the contract and refuses a malformed date in French', async () => {
    const ids = catalogue()
    const dispatch = createDispatch({ db: t.db, clock: fixedClock(), host: { kind: 'browser', version: '0.0.0-test', dbPath: t.path } }, handlers, () => undefined)
    const r = await dispatch('sessions:options', { activeFrom: '2026-11-01' })
    expect(r.ok && (r.value as { id: number }[]).map((o) => o.id)).toEqual([ids.open, ids.late, ids.undated])
    const bad = await dispatch('sessions:options', { startingBy: '31/10/2026' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toMatch(/date/i)
  })
})
