// Demo data: What the enrolment plans need besides their own path: interruptions, declarations left to do, candidates who did not come.
import { INTERRUPTION_REASONS } from './catalogue'
import type { AbsentRegistration, EnrolmentPlan, SessionPlan, StepPlan, TraineePlan } from './demoPlans'
import type { DemoState } from './demoState'

/** A couple of long breaks (more than 15 days) in a trainee's course. */
export function planInterruptions(b: DemoState, enrolments: EnrolmentPlan[]): void {
  const rng = b.rng
  let made = 0
  const wanted = Math.max(2, Math.round(enrolments.length / 400))
  for (const p of enrolments) {
    if (made >= wanted) break
    if (p.entry === null || (p.status !== 'entre' && p.status !== 'sorti')) continue
    const last = Math.min(p.exit ?? p.session.end, -1)
    if (last - p.entry < 70 || !rng.chance(0.25)) continue
    const s = p.session
    const start = b.nextWorkday(s, p.entry + rng.int(20, last - p.entry - 45))
    const end = start + rng.int(16, 28) - 1
    const reason = rng.pick(INTERRUPTION_REASONS)
    const interruption = {
      kind: 'interruption' as const,
      from: null,
      to: null,
      date: start,
      reasonCode: null,
      reasonLabel: reason,
      comment: null,
      requires: true,
      declaredOn: b.declaration(start)
    }
    if (end >= last) {
      // Still going on: only for a trainee still in training.
      if (p.status !== 'entre' || start > -3) continue
      p.interruption = { start, end: null, reason }
      p.steps.push(interruption)
    } else {
      p.interruption = { start, end, reason }
      const back = b.nextWorkday(s, end + 1)
      p.steps.push(interruption, {
        kind: 'resumption',
        from: null,
        to: null,
        date: back,
        reasonCode: null,
        reasonLabel: null,
        comment: 'Reprise de la formation',
        requires: false,
        declaredOn: null
      })
    }
    // Chronological order (stable: same-day steps keep their order).
    p.steps.sort((a, b) => a.date - b.date)
    made++
  }
}

/** The dashboard must have work: the latest entry, exit or dropout is not declared yet. */
export function leaveDeclarationsToDo(enrolments: EnrolmentPlan[]): void {
  let latest: StepPlan | null = null
  for (const p of enrolments) {
    for (const st of p.steps) {
      if (!st.requires) continue
      if (st.declaredOn === null && st.date >= -10) return
      if (!latest || st.date > latest.date) latest = st
    }
  }
  if (latest) latest.declaredOn = null
}

export function planAbsentRegistrations(b: DemoState, sessions: SessionPlan[], pool: TraineePlan[]): AbsentRegistration[] {
  const absents: AbsentRegistration[] = []
  for (const s of sessions) {
    for (const e of s.events) {
      if (e.kind !== 'info_session' || e.cancelled || e.date >= 0) continue
      for (let k = b.rng.int(0, 2); k > 0; k--) {
        const trainee = pool.pop()
        if (!trainee) return absents
        const createdDay = e.date - b.rng.int(3, 20)
        trainee.createdDay = Math.min(trainee.createdDay, createdDay - b.rng.int(1, 10))
        e.regs++
        e.createdDay = Math.min(e.createdDay, createdDay - 1)
        absents.push({ event: e, trainee, createdDay })
      }
    }
  }
  return absents
}
