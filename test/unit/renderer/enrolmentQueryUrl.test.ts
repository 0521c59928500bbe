import { describe, expect, it } from 'vitest'
import { EMPTY_QUERY, withEnrolmentQuery } from '../../../renderer/src/features/enrolments/enrolmentQuery'

describe('the enrolments grid in the address', () => {
  it('rewrites its own keys and keeps the page’s others', () => {
    const before = new URLSearchParams('onglet=entrees&statuses=entre&search=old')
    const next = withEnrolmentQuery(before, { ...EMPTY_QUERY, statuses: ['inscrit'], search: 'durand' }, null, null)
    expect(next.get('onglet')).toBe('entrees')
    expect(next.get('statuses')).toBe('inscrit')
    expect(next.get('search')).toBe('durand')
  })

  it('does not repeat the session of a session page, and writes « every status » when a default applies', () => {
    const next = withEnrolmentQuery(new URLSearchParams(''), { ...EMPTY_QUERY, sessionId: 7 }, ['inscrit', 'entre'], 7)
    expect(next.get('sessionId')).toBeNull()
    expect(next.get('statuses')).toBe('tous')
  })

  it('drops a key the new query no longer has', () => {
    const next = withEnrolmentQuery(new URLSearchParams('traineeId=3&today=2026-11-20'), EMPTY_QUERY, null, null)
    expect(next.toString()).toBe('')
  })
})
