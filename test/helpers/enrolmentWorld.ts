import { expect } from 'vitest'
import { contract, type Input } from '@shared/api/contract'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import type { Db } from '../../electron/main/db/open'
import type { ServiceContext } from '../../electron/main/services/context'
import { createSession } from '../../electron/main/services/catalogue/sessionService'
import { createTraining } from '../../electron/main/services/catalogue/trainingService'
import { markDeclared, unmarkDeclared } from '../../electron/main/services/enrolments/declarationService'
import { createEnrolment, transitionEnrolments } from '../../electron/main/services/enrolments/enrolmentService'
import { createInterruption, deleteInterruption, updateInterruption } from '../../electron/main/services/enrolments/interruptionService'
import { createTrainee } from '../../electron/main/services/trainees/traineeService'

/** Helpers for the enrolment and dashboard tests: every write goes through the contract's parsing and the services. */
export function enrolmentWorld(ctx: ServiceContext, today: string) {
  const db: Db = ctx.db
  let trainingId: number | null = null

  const session = (raw: Partial<Input<'sessions:create'>> = {}): number => {
    trainingId ??= createTraining(ctx, contract['trainings:create'].input.parse({ title: 'Titre professionnel Secrétaire assistant' }), today).id
    return createSession(
      ctx,
      contract['sessions:create'].input.parse({
        trainingId,
        label: 'SA Lorient – novembre 2026',
        startDate: '2026-11-16',
        endDate: '2027-03-31',
        capacity: 14,
        hoursCentre: 560,
        ...raw
      }),
      today
    ).id
  }
  const person = (lastName: string, firstName = 'Marie'): number =>
    createTrainee(ctx, contract['trainees:create'].input.parse({ lastName, firstName })).id
  const enrol = (sessionId: number, traineeId: number, status: Input<'enrolments:create'>['status'] = 'inscrit'): number =>
    createEnrolment(ctx, contract['enrolments:create'].input.parse({ sessionId, traineeId, status })).id
  const move = (ids: number[], change: Input<'enrolments:transition'>['change']) => {
    const input = contract['enrolments:transition'].input.parse({ ids, change })
    return transitionEnrolments(ctx, input.ids, input.change)
  }
  const declare = (raw: Input<'enrolments:markDeclared'>) => markDeclared(ctx, contract['enrolments:markDeclared'].input.parse(raw))
  const undeclare = (eventId: number) => unmarkDeclared(ctx, eventId)
  const interrupt = (raw: Input<'interruptions:create'>) => createInterruption(ctx, contract['interruptions:create'].input.parse(raw))
  const changeInterruption = (raw: Input<'interruptions:update'>) => {
    const { id, ...changes } = contract['interruptions:update'].input.parse(raw)
    return updateInterruption(ctx, id, changes)
  }
  const removeInterruption = (id: number) => deleteInterruption(ctx, id)

  /** Puts an enrolment straight into a status (for the transition table), as data written earlier would be. */
  const force = (id: number, status: EnrolmentStatus, extra: { entryDate?: string | null; exitDate?: string | null } = {}) => {
    db.prepare('UPDATE enrolment SET status = ?, entry_date = ?, exit_date = ? WHERE id = ?').run(status, extra.entryDate ?? null, extra.exitDate ?? null, id)
  }

  const status = (id: number) => (db.prepare('SELECT status FROM enrolment WHERE id = ?').get(id) as { status: EnrolmentStatus }).status
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

  /** kairos_pending_since is exactly the oldest undeclared event of every enrolment. */
  const expectPendingConsistent = () => {
    const wrong = db
      .prepare(
        `SELECT e.id, e.kairos_pending_since AS stored,
                (SELECT min(ev.effective_date) FROM enrolment_event ev
                 WHERE ev.enrolment_id = e.id AND ev.requires_declaration = 1 AND ev.kairos_declared_on IS NULL) AS actual
         FROM enrolment e WHERE e.kairos_pending_since IS NOT (SELECT min(ev.effective_date) FROM enrolment_event ev
                 WHERE ev.enrolment_id = e.id AND ev.requires_declaration = 1 AND ev.kairos_declared_on IS NULL)`
      )
      .all()
    expect(wrong).toEqual([])
  }

  return { session, person, enrol, move, declare, undeclare, interrupt, changeInterruption, removeInterruption, force, status, count, expectPendingConsistent }
}

/** The French message of a refused call (fails the test when the call succeeds). */
export function refusal(fn: () => unknown): { code: string; message: string; issues?: { path: string; message: string }[] } {
  try {
    fn()
  } catch (e) {
    if (e instanceof Error && 'code' in e) {
      const err = e as Error & { code: string; issues?: { path: string; message: string }[] }
      return { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) }
    }
    throw e
  }
  throw new Error('La modification aurait dû être refusée.')
}
