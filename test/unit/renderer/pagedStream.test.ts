import { describe, expect, it } from 'vitest'
import type { PageOf } from '@shared/api/paging'
import type { Result } from '@shared/api/result'
import { appendPage, DEFAULT_PAGE_SIZES, pageSizes, streamPages } from '../../../renderer/src/hooks/pagedStream'

type Row = { id: number; name: string }
const rowId = (r: Row): string => String(r.id)
const rows = (from: number, to: number): Row[] => Array.from({ length: to - from }, (_, i) => ({ id: from + i, name: `n${from + i}` }))

/** A server holding `all` rows, answering pages after an id cursor; records what was asked. */
function fakeServer(all: Row[], refuseAt: number | null = null) {
  const asked: { after: number | undefined; limit: number }[] = []
  const fetchPage = async (after: { id: number } | undefined, limit: number): Promise<Result<PageOf<Row, { id: number }>>> => {
    asked.push({ after: after?.id, limit })
    if (refuseAt !== null && asked.length === refuseAt) return { ok: false, error: { code: 'internal', message: 'Base de données indisponible.' } }
    const start = after === undefined ? 0 : all.findIndex((r) => r.id === after.id) + 1
    const page = all.slice(start, start + limit)
    const last = page.at(-1)
    return { ok: true, value: { rows: page, total: all.length, next: start + limit < all.length && last ? { id: last.id } : null } }
  }
  return { asked, fetchPage }
}

describe('streamPages', () => {
  it('asks a small first page, then larger ones after the cursor, until the last', async () => {
    const server = fakeServer(rows(1, 24))
    const seen: Row[] = []
    const outcome = await streamPages({ fetchPage: server.fetchPage, sizes: { first: 5, rest: 8 }, isLive: () => true, onPage: (p) => seen.push(...p.rows) })
    expect(outcome).toEqual({ status: 'complete' })
    expect(server.asked).toEqual([
      { after: undefined, limit: 5 },
      { after: 5, limit: 8 },
      { after: 13, limit: 8 },
      { after: 21, limit: 8 }
    ])
    expect(seen.map((r) => r.id)).toEqual(rows(1, 24).map((r) => r.id))
  })

  it('stops at the first page when it holds everything', async () => {
    const server = fakeServer(rows(1, 4))
    expect(await streamPages({ fetchPage: server.fetchPage, sizes: DEFAULT_PAGE_SIZES, isLive: () => true, onPage: () => undefined })).toEqual({ status: 'complete' })
    expect(server.asked).toHaveLength(1)
  })

  it('drops the answer of a stream that a newer one replaced, and asks nothing more', async () => {
    const server = fakeServer(rows(1, 30))
    let live = true
    const pages: number[] = []
    const outcome = await streamPages({
      fetchPage: server.fetchPage,
      sizes: { first: 5, rest: 5 },
      isLive: () => live,
      onPage: (_page, index) => {
        pages.push(index)
        if (index === 1) live = false // a new search was typed while page 2 was on its way
      }
    })
    expect(outcome).toEqual({ status: 'stale' })
    expect(pages).toEqual([0, 1])
    expect(server.asked).toHaveLength(3)
  })

  it('stops on a refusal with its French message, keeping what came before', async () => {
    const server = fakeServer(rows(1, 30), 2)
    const seen: Row[] = []
    const outcome = await streamPages({ fetchPage: server.fetchPage, sizes: { first: 5, rest: 5 }, isLive: () => true, onPage: (p) => seen.push(...p.rows) })
    expect(outcome).toEqual({ status: 'error', message: 'Base de données indisponible.' })
    expect(seen).toHaveLength(5)
  })

  it('waits after the first page only (time for the screen to paint it)', async () => {
    const server = fakeServer(rows(1, 12))
    const order: string[] = []
    await streamPages({
      fetchPage: async (after: { id: number } | undefined, limit: number) => {
        order.push(`page ${after?.id ?? 'first'}`)
        return server.fetchPage(after, limit)
      },
      sizes: { first: 4, rest: 4 },
      isLive: () => true,
      onPage: () => undefined,
      afterFirst: async () => {
        order.push('paint')
      }
    })
    expect(order).toEqual(['page first', 'paint', 'page 4', 'page 8'])
  })
})

describe('appendPage', () => {
  it('appends new rows and skips those already shown (a row added or renamed locally)', () => {
    const current = [{ id: 1, name: 'a' }, { id: 9, name: 'added here' }]
    const next = appendPage(current, [{ id: 2, name: 'b' }, { id: 9, name: 'from server' }, { id: 3, name: 'c' }], rowId)
    expect(next).toEqual([{ id: 1, name: 'a' }, { id: 9, name: 'added here' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }])
    expect(current).toHaveLength(2)
  })

  it('keeps the same array when nothing is new (no grid update)', () => {
    const current = rows(1, 3)
    expect(appendPage(current, [], rowId)).toBe(current)
    expect(appendPage(current, rows(1, 2), rowId)).toBe(current)
  })
})

describe('pageSizes', () => {
  it('uses the defaults unless a test set valid sizes', () => {
    expect(pageSizes(undefined)).toEqual(DEFAULT_PAGE_SIZES)
    expect(pageSizes({ first: 3, rest: 4 })).toEqual({ first: 3, rest: 4 })
    for (const bad of [{ first: 0, rest: 4 }, { first: 3 }, { first: 2.5, rest: 4 }, { first: 3, rest: 9999 }, 'petit', null]) expect(pageSizes(bad)).toEqual(DEFAULT_PAGE_SIZES)
  })
})
