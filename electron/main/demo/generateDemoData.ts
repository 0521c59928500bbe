import type { DemoSummary } from '@shared/api/areas/demo'
import { AppError } from '@shared/api/result'
import { recordAudit } from '../services/audit/recordAudit'
import type { ServiceContext } from '../services/context'
import { oneRow } from '../db/oneRow'
import { insertCatalogue, insertOrganisation, insertPartners, insertPlaces } from './demoOrganisation'
import type { EnrolmentPlan, TraineePlan } from './demoPlans'
import { insertQuotes, planQuotes } from './demoQuotes'
import { insertSessions, planSessions } from './demoSessions'
import { DemoState } from './demoState'
import { insertTrainees, planTrainees, takeTrainee } from './demoTrainees'
import type { Area } from './frenchNames'
import { insertEnrolments } from './insertEnrolments'
import { planEnrolment } from './planEnrolment'
import { leaveDeclarationsToDo, planAbsentRegistrations, planInterruptions } from './planEnrolmentExtras'

export type DemoOptions = { trainees: number; seed?: number }

export const DEMO_REFUSED_MESSAGE =
  "La base contient déjà des données : les données de démonstration ne peuvent être ajoutées qu'à une base vide."

/** Share of the trainees who get an enrolment; the others are in the registry only. */
const ENROLLED_SHARE = 0.7

/**
 * Fills an empty database with a realistic organisation: catalogue, sessions over sixteen months
 * around today, recruitment, trainees, enrolments through every KAIROS status, attendance.
 * One transaction: either everything is there or nothing is.
 */
export function generateDemoData(ctx: ServiceContext, options: DemoOptions): DemoSummary {
  if (!Number.isInteger(options.trainees) || options.trainees < 1) {
    throw new AppError('invalid_input', 'Le nombre de stagiaires doit être un entier positif.')
  }
  return ctx.db.transaction(() => {
    const counts = oneRow(ctx.db.prepare<[], { trainees: number; trainings: number }>('SELECT (SELECT count(*) FROM trainee) AS trainees, (SELECT count(*) FROM training) AS trainings'))
    if (counts.trainees > 0 || counts.trainings > 0) throw new AppError('refused', DEMO_REFUSED_MESSAGE)
    const summary = buildDemo(new DemoState(ctx, options.trainees, options.seed ?? 1))
    recordAudit(ctx, { operation: 'demo.generate', entity: 'database', entityId: null, after: summary })
    return summary
  })()
}

/** Plans everything in memory first (the random draws come in a fixed order), then inserts it. */
function buildDemo(b: DemoState): DemoSummary {
  insertOrganisation(b)
  insertPartners(b)
  insertPlaces(b)
  insertCatalogue(b)
  const trainees = planTrainees(b)
  const order = b.rng.shuffle(trainees.map((_, i) => i))
  const enrolledCount = Math.round(trainees.length * ENROLLED_SHARE)
  const pools = new Map<Area, TraineePlan[]>([
    ['lorient', []],
    ['vannes', []],
    ['pontivy', []]
  ])
  for (const i of order.slice(0, enrolledCount)) {
    const t = trainees[i] as TraineePlan
    pools.get(t.area)?.push(t)
  }
  const notEnrolled = order.slice(enrolledCount).map((i) => trainees[i] as TraineePlan)

  const sessions = planSessions(b, enrolledCount)
  const enrolments: EnrolmentPlan[] = []
  for (const s of sessions) {
    for (let k = 0; k < s.target; k++) {
      const trainee = takeTrainee(pools, s.area)
      if (!trainee) break
      enrolments.push(planEnrolment(b, s, trainee))
    }
  }
  const absents = planAbsentRegistrations(b, sessions, notEnrolled)
  planInterruptions(b, enrolments)
  leaveDeclarationsToDo(enrolments)
  const quotes = planQuotes(b, enrolments)

  insertSessions(b, sessions)
  insertTrainees(b, trainees)
  insertEnrolments(b, enrolments, absents)
  insertQuotes(b, quotes)
  return b.summary
}
