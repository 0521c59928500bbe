import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { contract, type Input } from '@shared/api/contract'
import type { ServiceContext } from '../../electron/main/services/context'
import { createSession } from '../../electron/main/services/catalogue/sessionService'
import { createTraining } from '../../electron/main/services/catalogue/trainingService'
import { createEnrolment, transitionEnrolments } from '../../electron/main/services/enrolments/enrolmentService'
import { createInterruption } from '../../electron/main/services/enrolments/interruptionService'
import { createTrainee } from '../../electron/main/services/trainees/traineeService'

/*
 * Sessions and trainees in training for the attendance tests, the crash test and the benchmark,
 * written through the contract's parsing and the services (trainee, enrolment, entry), like the
 * clerk would. No vitest import: the benchmark runs it under tsx. Session breaks have no screen
 * yet: they are written as the LHEO import or the demo does.
 */
export function attendanceWorld(ctx: ServiceContext, today: string) {
  let trainingId: number | null = null

  const session = (raw: Partial<Input<'sessions:create'>> = {}): number => {
    trainingId ??= createTraining(ctx, contract['trainings:create'].input.parse({ title: 'Titre professionnel Secrétaire assistant' }), today).id
    return createSession(
      ctx,
      contract['sessions:create'].input.parse({
        trainingId,
        label: 'SA Lorient – septembre 2026',
        startDate: '2026-09-07',
        endDate: '2027-03-31',
        capacity: 1000,
        hoursCentre: 560,
        weeklyHours: [7, 7, 7, 7, 7, 0, 0],
        ...raw
      }),
      today
    ).id
  }
  const person = (lastName: string, firstName = 'Marie', ftId?: string): number =>
    createTrainee(ctx, contract['trainees:create'].input.parse(ftId ? { lastName, firstName, ftId } : { lastName, firstName })).id
  const enrol = (sessionId: number, traineeId: number, status: Input<'enrolments:create'>['status'] = 'inscrit'): number =>
    createEnrolment(ctx, contract['enrolments:create'].input.parse({ sessionId, traineeId, status })).id
  const move = (ids: number[], change: Input<'enrolments:transition'>['change']) => {
    const input = contract['enrolments:transition'].input.parse({ ids, change })
    return transitionEnrolments(ctx, input.ids, input.change)
  }
  const interrupt = (raw: Input<'interruptions:create'>) => createInterruption(ctx, contract['interruptions:create'].input.parse(raw))

  /** A trainee entered in the session on `entryDate`. */
  const trainee = (sessionId: number, lastName: string, firstName = 'Marie', entryDate = '2026-09-07', ftId?: string): number => {
    const id = enrol(sessionId, person(lastName, firstName, ftId), 'inscrit')
    move([id], { to: 'entre', effectiveDate: entryDate })
    return id
  }

  /** Many trainees at once (one outer transaction: one commit instead of one per trainee). */
  const trainees = (sessionId: number, count: number, entryDate = '2026-09-07', prefix = 'STAGIAIRE'): number[] =>
    ctx.db.transaction(() => {
      const ids: number[] = []
      for (let i = 0; i < count; i++) ids.push(trainee(sessionId, `${prefix} ${String(i + 1).padStart(4, '0')}`, 'Alex', entryDate))
      return ids
    })()

  const sessionBreak = (sessionId: number, start: string, end: string, label = 'Vacances') =>
    ctx.db.prepare('INSERT INTO session_break (session_id, start_date, end_date, label) VALUES (?, ?, ?, ?)').run(sessionId, start, end, label)

  return { session, person, enrol, move, interrupt, trainee, trainees, sessionBreak }
}

/** The contract's parsing of a save, as the dispatcher does it. */
export const saveInput = (raw: Input<'attendance:save'>) => contract['attendance:save'].input.parse(raw)

/**
 * Commits in the WAL file since it was last reset: each commit ends with a frame whose header
 * carries the database size after the commit (non-zero), other frames carry 0. Frames belong to
 * the current WAL generation when their salts match the file header's. Run with
 * `wal_autocheckpoint = 0` and after `wal_checkpoint(TRUNCATE)`.
 */
export function walCommits(dbPath: string): number {
  const walPath = `${dbPath}-wal`
  if (!existsSync(walPath)) return 0
  const size = statSync(walPath).size
  if (size < 32) return 0
  const fd = openSync(walPath, 'r')
  try {
    const header = Buffer.alloc(32)
    readSync(fd, header, 0, 32, 0)
    const pageSize = header.readUInt32BE(8)
    const salt1 = header.readUInt32BE(16)
    const salt2 = header.readUInt32BE(20)
    const frame = Buffer.alloc(24)
    let commits = 0
    for (let offset = 32; offset + 24 + pageSize <= size; offset += 24 + pageSize) {
      readSync(fd, frame, 0, 24, offset)
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break
      if (frame.readUInt32BE(4) !== 0) commits++
    }
    return commits
  } finally {
    closeSync(fd)
  }
}
