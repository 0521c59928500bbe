import { describe, expect, it } from 'vitest'
import { testHooks } from '../../electron/browserHost/testHooks'
import type { Dispatch } from '../../electron/main/api/dispatch'

// The lost-connection tests' host options: refused without PASSERELLE_TEST=1, and they kill at the right moment.
const args = (list: string[]) => (name: string) => {
  const i = list.indexOf(name)
  return i >= 0 ? list[i + 1] : undefined
}

describe('browser host test hooks', () => {
  it('are refused outside the tests, and change nothing when absent', () => {
    expect(() => testHooks(args(['--test-die-after-commit', 'attendance:save']), {})).toThrow(/PASSERELLE_TEST=1/)
    expect(() => testHooks(args(['--test-key', 'cle-de-test-longue']), { PASSERELLE_TEST: '0' })).toThrow(/réservés aux tests/)
    expect(() => testHooks(args(['--test-key', 'court']), { PASSERELLE_TEST: '1' })).toThrow(/clé invalide/)
    const none = testHooks(args([]), {})
    const d: Dispatch = () => Promise.resolve({ ok: true, value: 1 })
    expect(none.key).toBeNull()
    expect(none.wrap(d)).toBe(d)
  })

  it('dies after the named operation has run, or before it runs', async () => {
    const events: string[] = []
    const d: Dispatch = (op) => (events.push(`run ${op}`), Promise.resolve({ ok: true, value: null }))
    const after = testHooks(args(['--test-die-after-commit', 'attendance:save', '--test-key', 'cle-de-test-longue']), { PASSERELLE_TEST: '1' }, () => events.push('die'))
    expect(after.key).toBe('cle-de-test-longue')
    await after.wrap(d)('app:state', {})
    await after.wrap(d)('attendance:save', {})
    expect(events).toEqual(['run app:state', 'run attendance:save', 'die'])
    events.length = 0
    const before = testHooks(args(['--test-die-before-commit', 'attendance:save']), { PASSERELLE_TEST: '1' }, () => events.push('die'))
    await before.wrap(d)('attendance:save', {})
    expect(events).toEqual(['die', 'run attendance:save'])
  })
})
