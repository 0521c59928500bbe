/*
 * In-page scripts of the UI bench, as strings (tsx's helpers such as __name do not exist in the page).
 */

/**
 * One API call of a first load: its operation, its input (JSON), the answer's size, where its rows
 * are, and whether it is the first page of a paged list (an answer { rows, total, next }).
 */
export type Call = { op: string; input: string; bytes: number; path: string | null; firstPage: boolean }

/**
 * Installed before the app's own scripts: counts the API calls in flight and records each one
 * (window.__benchCalls), so a first load is over only once every answer is in.
 *
 * A paged list's continuation (a call whose input carries the contract's `after` cursor: by
 * definition asked once its first page is shown) is counted apart (window.__continuing,
 * window.__benchContinuations): the first useful paint is the first page on screen, and the
 * continuation is timed separately as `ui.<screen>.allRows`.
 */
export const INFLIGHT_PROBE = `(() => {
  window.__inflight = 0
  window.__continuing = 0
  window.__benchCalls = []
  window.__benchContinuations = []
  const original = window.fetch.bind(window)
  window.fetch = async (url, init) => {
    const isApi = typeof url === 'string' && url.includes('/api/invoke')
    if (!isApi) return original(url, init)
    const sent = JSON.parse(String(init && init.body || '{}'))
    const continuation = Boolean(sent.input && typeof sent.input === 'object' && sent.input.after !== undefined)
    if (continuation) window.__continuing++
    else window.__inflight++
    try {
      const res = await original(url, init)
      const text = await res.clone().text()
      let path = null
      let firstPage = false
      try {
        const body = JSON.parse(text)
        const value = body && body.ok ? body.value : null
        if (value && !Array.isArray(value) && typeof value === 'object') {
          let longest = -1
          for (const [k, v] of Object.entries(value)) if (Array.isArray(v) && v.length > longest) { longest = v.length; path = k }
          firstPage = !continuation && Array.isArray(value.rows) && 'total' in value && 'next' in value
        }
      } catch (e) { /* not JSON: counted all the same */ }
      const call = { op: sent.op, input: JSON.stringify(sent.input === undefined ? {} : sent.input), bytes: text.length, path, firstPage }
      if (continuation) window.__benchContinuations.push(call)
      else window.__benchCalls.push(call)
      return res
    } finally {
      if (continuation) window.__continuing--
      else window.__inflight--
    }
  }
})()`

/**
 * Changes the hash and resolves with the time until the screen is ready twice in a row (two
 * frames: nothing left to arrive) plus one more frame (painted), and the calls it made; then
 * (`allMs`) until every page of its paged lists is in the grid too: no continuation in flight and
 * no count marked data-streaming, twice in a row. Ready:
 * no call in flight, the page left the blank bench page, the title is the screen's (or the bare
 * grid reports its rows), nothing shown as loading (« Chargement… », a loading overlay,
 * aria-busy), every grid showing cells or its empty message.
 */
export const FIRST_LOAD = (hash: string, title: string | null): string => `new Promise((done, fail) => {
  window.__benchCalls = []
  window.__benchContinuations = []
  const title = ${JSON.stringify(title)}
  const shown = (el) => el.getClientRects().length > 0
  const loadingText = (root) => {
    if (!root.textContent.includes('Chargement')) return false
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!n.nodeValue.includes('Chargement') || !el || el.closest('dialog:not([open]), option')) continue
      // Seen, not a screen reader's visually hidden announcement (1 px, clipped).
      const r = el.getBoundingClientRect()
      if (r.width > 2 && r.height > 2) return true
    }
    return false
  }
  const ready = () => {
    if (window.__inflight > 0) return 'calls in flight'
    const main = document.getElementById('main-content') || document.body
    if (main.querySelector('[data-testid="bench-blank"]')) return 'still blank'
    if (title === null) {
      const bare = main.querySelector('[data-testid="bare-list"]')
      if (!bare || !bare.dataset.ready) return 'bare grid not ready'
    } else {
      const t = document.querySelector('[data-testid="screen-title"]')
      if (!t || t.textContent !== title) return 'title'
    }
    const busy = [...main.querySelectorAll('.ag-overlay-loading-wrapper, [aria-busy="true"]')].find(shown)
    if (busy) return 'busy: ' + busy.className
    if (loadingText(main)) return '« Chargement »'
    for (const g of main.querySelectorAll('.ag-root-wrapper')) {
      if (!shown(g)) continue
      const cells = g.querySelector('[role="gridcell"]')
      const empty = [...g.querySelectorAll('.ag-overlay-no-rows-wrapper')].some(shown)
      if (!cells && !empty) return 'a grid without cells'
    }
    return null
  }
  const allIn = () => {
    if (window.__continuing > 0) return 'continuation in flight'
    const main = document.getElementById('main-content') || document.body
    return main.querySelector('[data-streaming]') ? 'rows still arriving' : ready()
  }
  const start = performance.now()
  let readyAt = null
  let firstMs = null
  let why = null
  const check = () => {
    if (performance.now() - start > 30000) { fail(new Error('not ready after 30 s: ' + ${JSON.stringify(hash)} + ': ' + why)); return }
    why = firstMs === null ? ready() : allIn()
    if (why === null) {
      if (readyAt !== null) {
        if (firstMs === null) {
          // The first page is painted at the next frame: that is the first useful paint.
          const at = readyAt
          readyAt = null
          requestAnimationFrame(() => { firstMs = at - start; requestAnimationFrame(check) })
          return
        }
        const at = readyAt
        requestAnimationFrame(() => done({ ms: firstMs, allMs: Math.max(firstMs, at - start), calls: window.__benchCalls, continuations: window.__benchContinuations.length }))
        return
      }
      readyAt = performance.now()
    } else readyAt = null
    requestAnimationFrame(check)
  }
  window.location.hash = ${JSON.stringify(hash)}
  requestAnimationFrame(check)
})`
