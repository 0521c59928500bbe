import { describe, expect, it } from 'vitest'
import { backupKindLabel, sizeFr, takenAtFr } from '../../../renderer/src/features/settings/backupFormat'

describe('backup list formatting', () => {
  it('dates, sizes and kinds in French', () => {
    expect(takenAtFr('2026-12-02 14:30')).toBe('02/12/2026 à 14:30')
    expect(takenAtFr('bizarre')).toBe('bizarre')
    expect(sizeFr(598_016)).toBe('598 Ko')
    expect(sizeFr(12)).toBe('1 Ko')
    expect(sizeFr(1_234_567)).toBe('1,2 Mo')
    expect(sizeFr(2_500_000_000)).toBe('2,5 Go')
    expect(backupKindLabel('avant-restauration')).toBe('avant restauration')
  })
})
