import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import type { EnrolmentCursor, EnrolmentFilter, EnrolmentRow } from '@shared/api/areas/enrolments'
import type { Trainee, TraineeCursor } from '@shared/api/areas/trainees'
import type { PageOf } from '@shared/api/paging'
import { createDispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import { generateDemoData } from '../../electron/main/demo/generateDemoData'
import type { ServiceContext } from '../../electron/main/services/context'
import { countEnrolments, listEnrolments, pageEnrolments } from '../../electron/main/services/enrolments/enrolmentQueries'
import { createTrainee, deleteTrainee, listTrainees, pageTrainees } from '../../electron/main/services/trainees/traineeService'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

// The paged reads behind the « Stagiaires » and « Inscriptions » grids (issue 15): read page by
// page, a list must be the very list `*:list` gives, in its order, no row twice nor missing.
let t: TempDb
let ctx: ServiceContext
const TODAY = '2026-11-22'

beforeAll(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
  generateDemoData(ctx, { trainees: 240 })
})
afterAll(() => t.cleanup())

/** Every page in turn, as usePagedList asks them. */
function allPages<T, C>(ask: (after: C | undefined, limit: number) => PageOf<T, C>, first: number, rest: number): { rows: T[]; pages: PageOf<T, C>[] } {
  const pages: PageOf<T, C>[] = []
  let after: C | undefined
  for (;;) {
    const page = ask(after, pages.length === 0 ? first : rest)
    pages.push(page)
    if (page.next === null) break
    after = page.next
    if (pages.length > 1000) throw new Error('no end')
  }
  return { rows: pages.flatMap((p) => p.rows), pages }
}

const ids = (rows: { id: number }[]): number[] => rows.map((r) => r.id)

describe('trainees:page', () => {
  it('gives the registry in its order, each row once, with the total on every page', () => {
    const expected = listTrainees(t.db)
    expect(expected.length).toBeGreaterThan(200)
    for (const [first, rest] of [[1, 7], [50, 37], [200, 2500], [expected.length, 10]] as const) {
      const { rows, pages } = allPages<Trainee, TraineeCursor>((after, limit) => pageTrainees(t.db, { after, limit }), first, rest)
      expect(ids(rows)).toEqual(ids(expected))
      expect(rows).toEqual(expected)
      expect(pages.every((p) => p.total === expected.length)).toBe(true)
      // The last page says it is the last: no empty call after it.
      expect(pages.at(-1)?.rows.length).toBeGreaterThan(0)
    }
  })

  it('pages a search as the list searches', () => {
    for (const search of ['ma', 'dupre mar', 'zzz', 'e']) {
      const expected = listTrainees(t.db, search)
      const { rows, pages } = allPages<Trainee, TraineeCursor>((after, limit) => pageTrainees(t.db, { search, after, limit }), 5, 11)
      expect(ids(rows), search).toEqual(ids(expected))
      expect(pages[0]?.total, search).toBe(expected.length)
    }
  })

  it('walks people with the same folded text one by one (the id breaks the tie)', async () => {
    const own = await tempDb()
    try {
      const c = serviceContext(own.db)
      for (let i = 0; i < 5; i++) createTrainee(c, contract['trainees:create'].input.parse({ lastName: 'Le Goff', firstName: 'Anne' }))
      createTrainee(c, contract['trainees:create'].input.parse({ lastName: 'Le Gôff', firstName: 'anne' }))
      const expected = listTrainees(own.db)
      const { rows } = allPages<Trainee, TraineeCursor>((after, limit) => pageTrainees(own.db, { after, limit }), 1, 1)
      expect(ids(rows)).toEqual(ids(expected))
      expect(rows).toHaveLength(6)
    } finally {
      own.cleanup()
    }
  })

  it('neither repeats nor skips a row when the registry changes between two pages', async () => {
    const own = await tempDb()
    try {
      const c = serviceContext(own.db)
      const names = ['Abel', 'Bernard', 'Caron', 'Durand', 'Etienne', 'Fabre', 'Garnier', 'Henry']
      const made = names.map((n) => createTrainee(c, contract['trainees:create'].input.parse({ lastName: n, firstName: 'Lou' })))
      const first = pageTrainees(own.db, { limit: 3 })
      expect(first.rows.map((r) => r.lastName)).toEqual(['ABEL', 'BERNARD', 'CARON'])
      // Someone adds a person sorting before the cursor and removes one after it.
      createTrainee(c, contract['trainees:create'].input.parse({ lastName: 'Aubert', firstName: 'Zoé' }))
      deleteTrainee(c, made[5]!.id)
      const rest = allPages<Trainee, TraineeCursor>((after, limit) => pageTrainees(own.db, { after: after ?? first.next ?? undefined, limit }), 2, 2)
      expect(rest.rows.map((r) => r.lastName)).toEqual(['DURAND', 'ETIENNE', 'GARNIER', 'HENRY'])
      expect(rest.pages[0]?.total).toBe(8)
    } finally {
      own.cleanup()
    }
  })

  it('never lists an anonymised person, and reads a page from the index without sorting the table', () => {
    const hidden = listTrainees(t.db)[3]!
    t.db.prepare("UPDATE trainee SET anonymised_at = '2026-11-01T00:00:00Z' WHERE id = ?").run(hidden.id)
    try {
      const { rows, pages } = allPages<Trainee, TraineeCursor>((after, limit) => pageTrainees(t.db, { after, limit }), 20, 50)
      expect(ids(rows)).not.toContain(hidden.id)
      expect(pages[0]?.total).toBe(listTrainees(t.db).length)
    } finally {
      t.db.prepare('UPDATE trainee SET anonymised_at = NULL WHERE id = ?').run(hidden.id)
    }
    const plan = (sql: string, ...params: unknown[]): string =>
      t.db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((r) => r.detail).join(' | ')
    const first = plan('SELECT t.id FROM trainee t WHERE t.anonymised_at IS NULL ORDER BY t.search_text, t.id LIMIT 200')
    expect(first).toContain('trainee_list_order')
    expect(first).not.toContain('TEMP B-TREE')
    const next = plan("SELECT t.id FROM trainee t WHERE t.anonymised_at IS NULL AND t.search_text >= ? AND (t.search_text > ? OR t.id > ?) ORDER BY t.search_text, t.id LIMIT 200", 'm', 'm', 1)
    expect(next).toMatch(/SEARCH t USING (COVERING )?INDEX trainee_list_order \(search_text>\?\)/)
  })
})

describe('enrolments:page', () => {
  const filters: EnrolmentFilter[] = [{}, { statuses: ['inscrit', 'entre'] }, { search: 'ma' }, { declaration: 'any_pending' }, { entry: 'en_retard' }, { statuses: [] }]

  it('gives the grid’s rows newest first, each once, with the filter’s count as total', () => {
    for (const filter of filters) {
      const expected = listEnrolments(t.db, filter, TODAY)
      const { rows, pages } = allPages<EnrolmentRow, EnrolmentCursor>((after, limit) => pageEnrolments(t.db, filter, { after, limit }, TODAY), 10, 23)
      expect(rows, JSON.stringify(filter)).toEqual(expected)
      expect(pages.every((p) => p.total === countEnrolments(t.db, filter, TODAY)), JSON.stringify(filter)).toBe(true)
    }
    expect(listEnrolments(t.db, {}, TODAY).length).toBeGreaterThan(50)
  })

  it('answers through the contract, with the day of the deadlines', async () => {
    const backend = { db: t.db, clock: fixedClock(), host: { kind: 'browser' as const, version: '0.0.0-test', dbPath: t.path } }
    const dispatch = createDispatch(backend, handlers, () => undefined)
    const r = await dispatch('enrolments:page', { declaration: 'any_pending', today: TODAY, limit: 3 })
    expect(r.ok && (r.value as PageOf<EnrolmentRow, EnrolmentCursor>).rows).toEqual(listEnrolments(t.db, { declaration: 'any_pending' }, TODAY).slice(0, 3))
    const refused = await dispatch('trainees:page', { limit: 0 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
