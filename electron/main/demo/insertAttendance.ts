// Demo data: One enrolment's attendance days, monthly totals and exit report.
import { NEXT_STEPS } from './catalogue'
import type { Day, EnrolmentPlan, Statement } from './demoPlans'
import type { DemoState } from './demoState'

export function insertAttendance(
    b: DemoState,
  p: EnrolmentPlan,
  enrolmentId: number,
  insertDay: Statement,
  insertMonth: Statement,
  insertReport: Statement,
  months: { currentMonth: string; previousMonth: string; monthEnd: Day }
): void {
  const rng = b.rng
  const s = p.session
  const entry = p.entry as Day
  const last = p.exit ?? s.end
  const lastWritten = Math.min(last, -1)
  const planningEnd = Math.min(last, months.monthEnd)
  const interruptionStart = p.interruption?.start ?? Infinity
  const interruptionEnd = p.interruption ? (p.interruption.end ?? Infinity) : -Infinity
  const monthPlanned = new Map<string, number>()
  let attended = 0
  let sickLeft = 0
  for (let d = entry; d <= planningEnd; d++) {
    const planned = s.weekly[b.cal.dow(d) - 1] ?? 0
    if (planned === 0 || b.cal.isClosed(d)) continue
    if (d >= interruptionStart && d <= interruptionEnd) continue
    const iso = b.iso(d)
    const month = iso.slice(0, 7)
    monthPlanned.set(month, (monthPlanned.get(month) ?? 0) + planned)
    if (d > lastWritten) continue
    const evening = `${iso}T16:45:00.000Z`
    const updatedAt = evening < b.now ? evening : b.now
    let code: string | null = null
    let hours: number | null = planned
    let absenceHours: number | null = null
    if (p.status === 'abandon' && d >= last - 3 && rng.chance(0.6)) code = 'ANJ'
    else if (sickLeft > 0) {
      sickLeft--
      code = 'MAL'
    } else if (rng.chance(0.03)) {
      code = rng.weighted([
        ['AJ', 25],
        ['ANJ', 20],
        ['MAL', 30],
        ['RDV', 15],
        ['FAM', 10]
      ] as const)
      if (code === 'MAL') sickLeft = rng.weighted([[0, 50], [1, 25], [2, 15], [4, 10]])
    }
    if (code === 'RDV' && planned > 3.5) {
      // Half a day at France Travail or with an employer.
      hours = planned - 3.5
      absenceHours = 3.5
    } else if (code !== null) {
      hours = null
      absenceHours = planned
    }
    insertDay.run(enrolmentId, iso, hours, code, absenceHours, updatedAt, b.clerk)
    b.summary.attendanceDays++
    attended += hours ?? 0
  }
  for (const [month, planned] of monthPlanned) {
    let attestedAt: string | null = null
    let declared: Day | null = null
    if (month < months.currentMonth) {
      const attestDay = Math.min((b.cal.offsetOf(`${month}-25`) ?? -1) + rng.int(0, 4), -1)
      attestedAt = b.instant(attestDay)
      const late = month === months.previousMonth ? rng.chance(0.15) : rng.chance(0.005)
      if (!late) declared = Math.min(attestDay + rng.int(0, 2), 0)
    }
    insertMonth.run(
      enrolmentId,
      month,
      planned,
      attestedAt,
      attestedAt === null ? null : b.clerk,
      declared === null ? null : b.iso(declared),
      declared === null ? null : b.clerk
    )
  }
  if (p.status === 'sorti' && p.exit !== null) {
    const exit = p.exit
    const done = exit <= -10 ? rng.chance(0.7) : rng.chance(0.3)
    if (!done) return
    const completed = exit <= -10
    const t = s.training
    const result = t.certifying
      ? rng.weighted([
          ['totale', 65],
          ['partielle', 15],
          ['non_obtenue', 8],
          ['non_presentee', 12]
        ] as const)
      : null
    const [nextStep, detail] = rng.weighted(NEXT_STEPS)
    const hours = Math.round(attended * 100) / 100
    const created = b.instant(Math.min(exit + rng.int(0, 3), -1))
    const completedAt = completed ? b.instant(Math.min(exit + rng.int(1, 8), -1)) : null
    insertReport.run(
      enrolmentId,
      b.iso(exit),
      p.exitReason,
      hours,
      hours,
      result,
      t.skills,
      detail ? `${nextStep} (${detail})` : nextStep,
      result === 'partielle'
        ? 'Certificats de compétences professionnelles partiellement validés ; passage du reste en session de rattrapage conseillé.'
        : result === 'non_presentee'
          ? 'Ne s’est pas présenté(e) à la session d’examen.'
          : 'Parcours suivi avec assiduité.',
      completedAt,
      created,
      b.clerk,
      completedAt ?? created,
      b.clerk
    )
  }
}
