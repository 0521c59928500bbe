// The state the demo generator's steps share: the seeded random source, the calendar around today,
// the ids inserted so far and the running summary, with the day helpers every step uses.
import type { DemoSummary } from '@shared/api/areas/demo'
import { todayIso } from '@shared/domain/dates'
import { nowIso, type ServiceContext } from '../services/context'
import { DemoCalendar } from './calendar'
import type { Day, SessionPlan } from './demoPlans'
import type { Area } from './frenchNames'
import { Rng } from './random'

export class DemoState {
  readonly rng: Rng
  readonly cal: DemoCalendar
  readonly now: string
  readonly clerk: string
  readonly year: number
  readonly summary: DemoSummary = {
    trainings: 0,
    sessions: 0,
    recruitmentEvents: 0,
    trainees: 0,
    enrolments: 0,
    attendanceDays: 0
  }
  trainingIds: number[] = []
  actionIds = new Map<string, number>()
  placeIds = new Map<Area, number>()
  advisers = new Map<string, { name: string; email: string }[]>()
  dropoutSeen = false

  constructor(
    readonly ctx: ServiceContext,
    readonly traineeCount: number,
    seed: number
  ) {
    this.rng = new Rng(seed)
    this.cal = new DemoCalendar(todayIso(ctx.clock.now()))
    this.now = nowIso(ctx.clock)
    this.clerk = ctx.actor.name
    this.year = Number(this.cal.today.slice(0, 4))
  }

  /** An office-hours instant of day d, never after now. */
  instant(d: Day): string {
    if (d >= 0) return this.now
    return this.cal.instant(d, this.rng.int(7, 15), this.rng.int(0, 59), this.rng.int(0, 59))
  }

  iso(d: Day): string {
    return this.cal.iso(d)
  }

  workday(s: SessionPlan, d: Day): boolean {
    const dow = this.cal.dow(d)
    return (s.weekly[dow - 1] ?? 0) > 0 && !this.cal.isClosed(d)
  }

  nextWorkday(s: SessionPlan, d: Day): Day {
    let x = d
    for (let guard = 0; guard < 60 && !this.workday(s, x); guard++) x++
    return x
  }

  previousWorkday(s: SessionPlan, d: Day, floor: Day): Day {
    let x = d
    while (x > floor && !this.workday(s, x)) x--
    return x
  }

  /** When an event that must be declared was entered in KAIROS: recent ones are often not yet. */
  declaration(date: Day): Day | null {
    if (date >= -6) return this.rng.chance(0.5) ? null : Math.min(0, date + this.rng.int(0, 2))
    if (this.rng.chance(0.006)) return null
    return date + this.rng.weighted([
      [0, 50],
      [1, 30],
      [2, 12],
      [3, 8]
    ])
  }
}
