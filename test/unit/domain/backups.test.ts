import { describe, expect, it } from 'vitest'
import { backupFileName, backupsToPrune, isBackupDue, localDay, parseBackupName } from '@shared/domain/backups'

// Local components: the names follow the computer's time zone, whatever it is where tests run.
const at = (d: number, h = 14, m = 30) => new Date(2026, 11, d, h, m)

describe('backup file names', () => {
  it('carry the local date and time, and the kind for those that are not rotated', () => {
    expect(backupFileName('automatique', at(2))).toBe('passerelle-2026-12-02-1430.sqlite')
    expect(backupFileName('manuelle', at(2, 9, 5))).toBe('passerelle-2026-12-02-0905-manuelle.sqlite')
    expect(backupFileName('avant-restauration', at(2), 2)).toBe('passerelle-2026-12-02-1430-avant-restauration-2.sqlite')
    expect(localDay(at(31, 23, 59))).toBe('2026-12-31')
  })

  it('are read back; other files are not ours', () => {
    expect(parseBackupName('passerelle-2026-12-02-1430.sqlite')).toEqual({ kind: 'automatique', day: '2026-12-02', time: '14:30', stamp: '2026-12-02-1430-0001' })
    expect(parseBackupName('passerelle-2026-12-02-1430-manuelle-3.sqlite')).toMatchObject({ kind: 'manuelle', stamp: '2026-12-02-1430-0003' })
    expect(parseBackupName('passerelle-2026-12-02-1430-avant-restauration.sqlite')?.kind).toBe('avant-restauration')
    for (const other of ['passerelle.db', 'passerelle-2026-12-02.sqlite', 'notes.txt', '.passerelle-2026-12-02-1430-12.part', 'passerelle-2026-12-02-1430.sqlite.bak']) {
      expect(parseBackupName(other)).toBeNull()
    }
  })
})

describe('rotation', () => {
  const days = Array.from({ length: 20 }, (_, i) => backupFileName('automatique', at(i + 1)))

  it('a backup is due on a day without an automatic one (a manual one does not count)', () => {
    expect(isBackupDue([], '2026-12-02')).toBe(true)
    expect(isBackupDue(days, '2026-12-20')).toBe(false)
    expect(isBackupDue(days, '2026-12-21')).toBe(true)
    expect(isBackupDue([backupFileName('manuelle', at(21))], '2026-12-21')).toBe(true)
  })

  it('keeps the N newest automatic backups and never deletes any other file', () => {
    const others = [backupFileName('manuelle', at(1)), backupFileName('avant-restauration', at(1)), 'passerelle.db.v50.x.bak', 'notes.txt']
    const pruned = backupsToPrune([...others, ...days].reverse(), 14)
    expect(pruned).toEqual(days.slice(0, 6).reverse())
    expect(backupsToPrune(days, 20)).toEqual([])
    // Never fewer than one: the newest is always kept.
    expect(backupsToPrune(days, 0)).toHaveLength(19)
  })

  it('orders two backups of the same minute by their number', () => {
    const a = backupFileName('automatique', at(3))
    const b = backupFileName('automatique', at(3), 2)
    expect(backupsToPrune([b, a], 1)).toEqual([a])
  })
})
