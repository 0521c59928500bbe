import { describe, expect, it } from 'vitest'
import { parseTime } from '../../../renderer/src/features/sessions/WeekScheduleEditor'

describe('planning tab: times as a clerk types them', () => {
  it('reads 9, 9h, 9h30, 9:30, 0930 and 13.30', () => {
    expect(parseTime('9')).toBe('09:00')
    expect(parseTime('9h')).toBe('09:00')
    expect(parseTime('9h30')).toBe('09:30')
    expect(parseTime(' 9:30 ')).toBe('09:30')
    expect(parseTime('0930')).toBe('09:30')
    expect(parseTime('13.30')).toBe('13:30')
    expect(parseTime('17H00')).toBe('17:00')
  })
  it('refuses what is not a time of day', () => {
    for (const s of ['25h', '9h75', 'midi', '', '9h3']) expect(parseTime(s)).toBeNull()
  })
})
