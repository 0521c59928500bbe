import { addDays, dayOfWeek } from '@shared/domain/dates'
import { publicHolidays } from '@shared/domain/frenchHolidays'

/**
 * The demo works on whole days counted from "today" (0 = today, -1 = yesterday): comparisons
 * are integer ones and the ISO text of each day is computed once, which keeps the generation of
 * millions of attendance rows fast. Holidays and the centres' closures come with it.
 */
export class DemoCalendar {
  private readonly isoCache: string[]
  private readonly dowCache: number[]
  private readonly holidays = new Set<number>()
  /** 1 when the centres are closed that day (public holiday or closure), by offset + span. */
  private readonly closed: Uint8Array
  readonly closures: { from: number; to: number; label: string }[] = []

  constructor(
    readonly today: string,
    private readonly span = 1100
  ) {
    this.isoCache = new Array<string>(2 * span + 1)
    this.dowCache = new Array<number>(2 * span + 1)
    for (let d = -span; d <= span; d++) {
      const iso = addDays(today, d)
      this.isoCache[d + span] = iso
      this.dowCache[d + span] = dayOfWeek(iso)
    }
    const year = Number(today.slice(0, 4))
    for (let y = year - 3; y <= year + 3; y++) {
      for (const { date: iso } of publicHolidays(y)) {
        const d = this.offsetOf(iso)
        if (d !== null) this.holidays.add(d)
      }
      // Centres close for two weeks at Christmas and three in August.
      const christmas = this.offsetOf(`${y}-12-24`)
      if (christmas !== null) {
        const from = christmas - (this.dow(christmas) - 1)
        this.closures.push({ from, to: from + 11, label: 'Fermeture de fin d’année' })
      }
      const august = this.offsetOf(`${y}-08-05`)
      if (august !== null) {
        const from = august - (this.dow(august) - 1)
        this.closures.push({ from, to: from + 18, label: 'Fermeture estivale du centre' })
      }
    }
    this.closed = new Uint8Array(2 * span + 1)
    for (const d of this.holidays) if (d >= -span && d <= span) this.closed[d + span] = 1
    for (const c of this.closures) {
      for (let d = Math.max(c.from, -span); d <= Math.min(c.to, span); d++) this.closed[d + span] = 1
    }
  }

  /** No training that day: public holiday or closure of the centres (weekends are the planning's business). */
  isClosed(d: number): boolean {
    if (d >= -this.span && d <= this.span) return this.closed[d + this.span] === 1
    return this.holidays.has(d) || this.closureAt(d) !== null
  }

  iso(d: number): string {
    const cached = this.isoCache[d + this.span]
    return cached ?? addDays(this.today, d)
  }

  /** 1 = Monday … 7 = Sunday. */
  dow(d: number): number {
    const cached = this.dowCache[d + this.span]
    return cached ?? dayOfWeek(this.iso(d))
  }

  isHoliday(d: number): boolean {
    return this.holidays.has(d)
  }

  closureAt(d: number): { from: number; to: number; label: string } | null {
    for (const c of this.closures) if (d >= c.from && d <= c.to) return c
    return null
  }

  /** Offset of an ISO date inside the cached span, or null. */
  offsetOf(iso: string): number | null {
    // Binary search: the cache is sorted.
    let lo = 0
    let hi = this.isoCache.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const v = this.isoCache[mid] as string
      if (v === iso) return mid - this.span
      if (v < iso) lo = mid + 1
      else hi = mid - 1
    }
    return null
  }

  /** The Monday of d's week (d itself when it is a Monday). */
  mondayOf(d: number): number {
    return d - (this.dow(d) - 1)
  }

  /** The first weekday (Mon–Fri, not a holiday) on or after d. */
  nextWeekday(d: number): number {
    let x = d
    while (this.dow(x) > 5 || this.holidays.has(x)) x++
    return x
  }

  /** The last weekday (Mon–Fri, not a holiday) on or before d. */
  previousWeekday(d: number): number {
    let x = d
    while (this.dow(x) > 5 || this.holidays.has(x)) x--
    return x
  }

  instant(d: number, hour: number, minute: number, second = 0): string {
    return `${this.iso(d)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.000Z`
  }
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

