import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importLheoFile } from '../../electron/main/services/lheo/importCatalogue'
import { sessionFunders, setSessionFunders } from '../../electron/main/services/quotes/fundingService'
import { LHEO_SAMPLES } from '../helpers/reference'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

/* Local data survives a re-import: the funders and teaching costs a clerk set on an imported session. */

const CVL = join(LHEO_SAMPLES, 'intercarif_centre-val-de-loire_07_10.xml')
let t: TempDb
beforeEach(async () => {
  t = await tempDb()
})
afterEach(() => t.cleanup())

describe('a re-import of the catalogue', () => {
  it('keeps the funders and costs set locally, and still reports the file unchanged', async () => {
    const ctx = serviceContext(t.db, fixedClock('2026-12-02T09:00:00.000Z'))
    await importLheoFile(ctx, CVL)
    const sessionId = t.db.prepare<[], { id: number }>('SELECT id FROM session ORDER BY id LIMIT 1').get()?.id ?? 0
    const catalogue = t.db.prepare<[number], { code: string }>('SELECT funder_code AS code FROM session_funder WHERE session_id = ? ORDER BY 1').all(sessionId)
    setSessionFunders(ctx, sessionId, [{ code: 'region', teachingCostCents: 1250, costUnit: 'hour', reference: 'Marché 2026-04' }])
    const { summary } = await importLheoFile(ctx, CVL)
    expect(summary.sessions.updated).toBe(0)
    expect(sessionFunders(t.db, sessionId)).toContainEqual({ code: 'region', teachingCostCents: 1250, costUnit: 'hour', reference: 'Marché 2026-04' })
    const after = t.db.prepare<[number], { code: string }>("SELECT funder_code AS code FROM session_funder WHERE session_id = ? AND funder_code <> 'region' ORDER BY 1").all(sessionId)
    expect(after).toEqual(catalogue)
  })
})
