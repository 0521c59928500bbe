import type { Page } from 'playwright-core'

/** Something the clerk cannot reach: what it is and why (outside the window, covered by what). */
export type Blocked = { what: string; why: string }

/*
 * In-page scripts are strings: the test runner's transforms (helpers such as __name) do not exist
 * in the page.
 */

/** Until nothing loads any more: no grid overlay « Chargement… », nothing busy, the DOM quiet for 300 ms. */
const SETTLE = `new Promise((done) => {
  const start = performance.now()
  let quietSince = performance.now()
  let last = ''
  const obs = new MutationObserver((records) => {
    for (const rec of records) {
      const el = rec.target.nodeType === 1 ? rec.target : rec.target.parentElement
      // AG Grid's scrollbars toggle their classes as they fade: not the screen loading.
      if (el && el.closest('.ag-body-horizontal-scroll, .ag-body-vertical-scroll')) continue
      quietSince = performance.now()
      last = el ? el.tagName.toLowerCase() + '.' + String(el.className) : '?'
    }
  })
  obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  // AG Grid keeps its overlay wrapper in the page once loaded: only a shown one counts.
  const busy = () => [...document.querySelectorAll('.ag-overlay-loading-wrapper, [aria-busy="true"]')].find((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().height > 0)
  const tick = () => {
    const now = performance.now()
    const b = busy()
    if (!b && now - quietSince > 300) { obs.disconnect(); done(null); return }
    if (now - start > 8000) { obs.disconnect(); done(b ? 'still loading: ' + b.className : 'still changing: ' + last); return }
    setTimeout(tick, 50)
  }
  tick()
})`

/** Null once settled, else what still loads or changes after 8 s. */
export async function settle(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(SETTLE)
}

/**
 * Every visible grid scrolled to its bottom through its own viewport (never the page): each cell of
 * its last row that the grid shows (pinned or in the visible part of the centre) must be inside the
 * window, fully above the grid's bottom edge (not under a scrollbar) and the element found at its
 * centre (a row checkbox included). Every visible primary button: inside the window, once the page
 * scrolled to it if it must, and not covered.
 */
const CHECK = `(async () => {
  const out = []
  const grids = []
  const vw = window.innerWidth
  const vh = window.innerHeight
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30))))
  const shown = (el) => {
    const r = el.getBoundingClientRect()
    // checkVisibility: the content of a closed <details> keeps a layout box but is not rendered.
    return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) && el.closest('dialog:not([open])') === null
  }
  const describe = (el) => {
    if (!el) return 'nothing (outside the page)'
    const id = el.getAttribute('col-id') || el.closest('[col-id]')?.getAttribute('col-id')
    const cls = (el.className && typeof el.className === 'string' ? el.className : '').split(' ').filter(Boolean).slice(0, 3).join('.')
    return el.tagName.toLowerCase() + (cls ? '.' + cls : '') + (id ? ' [col ' + id + ']' : '')
  }
  const rect = (r) => Math.round(r.left) + ',' + Math.round(r.top) + ' ' + Math.round(r.width) + '×' + Math.round(r.height)
  /**
   * Inside the window and the element (or one of its own) found at the centre of its visible part;
   * clip: the box it is seen through (a grid's rows: their full height, the visible part of their width).
   */
  const reachable = (el, what, clip) => {
    const full = el.getBoundingClientRect()
    const r = clip ? { left: Math.max(full.left, clip.left), right: Math.min(full.right, clip.right), top: full.top, bottom: full.bottom, width: 0, height: full.height } : full
    if (clip) r.width = r.right - r.left
    if (r.top < -0.5 || r.left < -0.5 || r.bottom > vh + 0.5 || r.right > vw + 0.5) {
      out.push({ what, why: 'outside the ' + vw + '×' + vh + ' window at ' + rect(r) })
      return
    }
    if (clip && r.bottom > clip.bottom + 0.5) {
      out.push({ what, why: 'cut by the bottom of its grid (' + Math.round(r.bottom - clip.bottom) + ' px hidden)' })
      return
    }
    const x = r.left + r.width / 2
    const y = r.top + r.height / 2
    const hit = document.elementFromPoint(x, y)
    if (!hit || !(hit === el || el.contains(hit))) out.push({ what, why: 'covered at its centre by ' + describe(hit) })
  }

  const wrappers = [...document.querySelectorAll('.ag-root-wrapper')].filter(shown)
  for (let i = 0; i < wrappers.length; i++) {
    const g = wrappers[i]
    const named = g.closest('[aria-label]')
    const name = 'grid « ' + (named ? named.getAttribute('aria-label') : 'n° ' + (i + 1)) + ' »'
    // AG Grid 36: one scrolling viewport for both directions; pinned cells stick over the scrolling ones.
    const body = g.querySelector('.ag-grid-viewport')
    if (!body) {
      out.push({ what: name, why: 'no .ag-grid-viewport: the grid’s markup changed, the check must follow' })
      continue
    }
    const rowsNow = () => [...g.querySelectorAll('.ag-grid-scrolling-container [role="row"][row-index]')].filter(shown)
    // The last row: aria-rowindex = the grid's aria-rowcount (header row first), less pinned bottom rows (totals).
    const rowCount = Number(body.getAttribute('aria-rowcount'))
    const pinnedBottom = g.querySelectorAll('.ag-grid-pinned-bottom-rows-container [role="row"]').length
    const isLast = (r) => {
      const i = Number(r.getAttribute('aria-rowindex'))
      return i === rowCount || i === rowCount - pinnedBottom
    }
    // The grid draws the rows of a new scroll position a little later: scroll again until the last one is drawn.
    // The grid draws the rows of a new scroll position a little later, and may grow its scroll height:
    // scroll again until the last row is drawn and the position holds still.
    for (let n = 0, still = 0, was = -1; n < 100 && (still < 2 || !rowsNow().some(isLast)); n++) {
      body.scrollTop = body.scrollHeight
      await frames()
      still = body.scrollTop === was ? still + 1 : 0
      was = body.scrollTop
    }
    const entry = { name, rows: rowsNow().length }
    grids.push(entry)
    if (entry.rows === 0) continue
    const maxLeft = body.scrollWidth - body.clientWidth
    const positions = maxLeft > 0 ? [0, Math.round(maxLeft / 2), maxLeft] : [0]
    for (const left of positions) {
      body.scrollLeft = left
      await frames()
      const rows = rowsNow()
      const row = rows.find(isLast)
      if (!row) {
        out.push({ what: name, why: 'its last row was never drawn once scrolled to the bottom' })
        break
      }
      const lastIndex = Number(row.getAttribute('row-index'))
      entry.lastRow = lastIndex + 1
      const bodyRect = body.getBoundingClientRect()
      // The rows' visible area: the viewport's client box (its scrollbars take no row space), minus the pinned columns.
      const pinnedLeft = row.querySelector('.ag-grid-pinned-left-cells')
      const pinnedRight = row.querySelector('.ag-grid-pinned-right-cells')
      const centreLeft = bodyRect.left + body.clientLeft + (pinnedLeft ? pinnedLeft.getBoundingClientRect().width : 0)
      // AG Grid's own vertical scrollbar lies over the viewport's right edge.
      const vScroll = g.querySelector('.ag-body-vertical-scroll')
      const vLeft = vScroll && vScroll.getBoundingClientRect().width > 0 ? vScroll.getBoundingClientRect().left : Infinity
      const centreRight = Math.min(vLeft, bodyRect.left + body.clientLeft + body.clientWidth) - (pinnedRight ? pinnedRight.getBoundingClientRect().width : 0)
      const bottom = bodyRect.top + body.clientTop + body.clientHeight
      const whole = { left: bodyRect.left + body.clientLeft, right: bodyRect.left + body.clientLeft + body.clientWidth, bottom }
      const centre = { left: centreLeft, right: centreRight, bottom }
      const cells = [...row.querySelectorAll('[role="gridcell"]')]
      entry.cells = cells.length
      for (const c of cells) {
        const r = c.getBoundingClientRect()
        if (r.width === 0) continue
        // A scrolling cell mostly out of the centre (scrolled left or right) is reached at another scroll position.
        const scrolling = c.closest('.ag-grid-scrolling-cells') !== null
        if (scrolling && Math.min(r.right, centreRight) - Math.max(r.left, centreLeft) < Math.min(24, r.width)) continue
        reachable(c, name + ' last row (n° ' + (lastIndex + 1) + '), column ' + (c.getAttribute('col-id') || '?') + ' at scroll ' + left, scrolling ? centre : whole)
      }
      for (const box of row.querySelectorAll('.ag-checkbox-input-wrapper')) {
        const r = box.getBoundingClientRect()
        if (r.width < 14 || r.height < 14) out.push({ what: name + ' last row checkbox', why: 'too small to click: ' + rect(r) })
        else reachable(box, name + ' last row checkbox', whole)
      }
    }
    body.scrollLeft = 0
    body.scrollTop = 0
  }

  for (const b of [...document.querySelectorAll('.button--primary')].filter(shown)) {
    const what = 'primary button « ' + (b.textContent || '').trim() + ' »'
    const r = b.getBoundingClientRect()
    if (r.bottom > vh || r.top < 0) b.scrollIntoView({ block: 'nearest', behavior: 'instant' })
    await frames()
    reachable(b, what, null)
  }
  return { blocked: out, grids }
})()`

/** What the check looked at: each grid shown, how many rows it rendered, its last row's number and cells. */
export type CheckedGrid = { name: string; rows: number; lastRow?: number; cells?: number }

export async function blockedElements(page: Page): Promise<{ blocked: Blocked[]; grids: CheckedGrid[] }> {
  return page.evaluate<{ blocked: Blocked[]; grids: CheckedGrid[] }>(CHECK)
}
