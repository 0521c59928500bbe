/*
 * In-page scripts of the UI bench, as strings (tsx's helpers such as __name do not exist in the page).
 */

/** One API call of a first load: its operation, its input (JSON), the answer's size, where its rows are. */
export type Call = { op: string; input: string; bytes: number; path: string | null }

/**
 * Installed before the app's own scripts: counts the API calls in flight and records each one
 * (window.__benchCalls), so a first load is over only once every answer is in.
 */
export const INFLIGHT_PROBE = `(() => {
  window.__inflight = 0
  window.__benchCalls = []
  const original = window.fetch.bind(window)
  window.fetch = async (url, init) => {
    const isApi = typeof url === 'string' && url.includes('/api/invoke')
    if (!isApi) return original(url, init)
    window.__inflight++
    try {
      const res = await original(url, init)
      const text = await res.clone().text()
      let path = null
      try {
        const body = JSON.parse(text)
        const value = body && body.ok ? body.value : null
        if (value && !Array.isArray(value) && typeof value === 'object') {
          let longest = -1
          for (const [k, v] of Object.entries(value)) if (Array.isArray(v) && v.length > longest) { longest = v.length; path = k }
        }
      } catch (e) { /* not JSON: counted all the same */ }
      const sent = JSON.parse(String(init && init.body || '{}'))
      window.__benchCalls.push({ op: sent.op, input: JSON.stringify(sent.input === undefined ? {} : sent.input), bytes: text.length, path })
      return res
    } finally {
      window.__inflight--
    }
  }
})()`

/**
 * Changes the hash and resolves with the time until the screen is ready twice in a row (two
 * frames: nothing left to arrive) plus one more frame (painted), and the calls it made. Ready:
 * no call in flight, the page left the blank bench page, the title is the screen's (or the bare
 * grid reports its rows), nothing shown as loading (« Chargement… », a loading overlay,
 * aria-busy), every grid showing cells or its empty message.
 */
export const FIRST_LOAD = (hash: string, title: string | null): string => `new Promise((done, fail) => {
  window.__benchCalls = []
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
  const start = performance.now()
  let readyAt = null
  let why = null
  const check = () => {
    if (performance.now() - start > 30000) { fail(new Error('not ready after 30 s: ' + ${JSON.stringify(hash)} + ': ' + why)); return }
    why = ready()
    if (why === null) {
      if (readyAt !== null) { requestAnimationFrame(() => done({ ms: readyAt - start, calls: window.__benchCalls })); return }
      readyAt = performance.now()
    } else readyAt = null
    requestAnimationFrame(check)
  }
  window.location.hash = ${JSON.stringify(hash)}
  requestAnimationFrame(check)
})`
