import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApiClient, UNANSWERED } from '../../../renderer/src/api/client'
import { failedSaveStatus } from '../../../renderer/src/features/attendance/gridText'

// Issue #13, finding 7: a save killed between its commit and its answer was shown « Non enregistré ».
afterEach(() => vi.unstubAllGlobals())

describe('a call whose answer never comes', () => {
  it('is « unanswered » (it may have been done), over HTTP and over the Electron bridge', async () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')))
    // The backend never comes back to be asked (read-back: readBack.test.ts): still « unanswered ».
    const noWait = { sleep: () => Promise.resolve() }
    const http = await createApiClient(noWait).call('attendance:save', { month: '2026-11', changes: [] })
    expect(http).toEqual(UNANSWERED)
    vi.stubGlobal('window', { passerelle: { invoke: () => Promise.reject(new Error('main process gone')) } })
    expect(await createApiClient(noWait).call('app:state', {})).toEqual(UNANSWERED)
    expect(UNANSWERED.ok || UNANSWERED.error.message).toMatch(/peut-être été enregistrée/)
  })

  it('leaves the grid « Non confirmé », not « Non enregistré »', () => {
    expect(failedSaveStatus('unanswered')).toBe('Non confirmé')
    expect(failedSaveStatus('invalid_input')).toBe('Non enregistré')
    expect(failedSaveStatus('busy')).toBe('Non enregistré')
    expect(failedSaveStatus('not_applied')).toBe('Non enregistré, à refaire')
  })
})
