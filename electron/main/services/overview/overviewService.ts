import type { Overview } from '../../../../shared/api/areas/app'
import type { Db } from '../../db/open'

const count = (db: Db, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

export function getOverview(db: Db): Overview {
  const byStatus = db.prepare('SELECT status, count(*) AS n FROM enrolment GROUP BY status').all() as { status: string; n: number }[]
  return {
    trainings: count(db, 'training'),
    sessions: count(db, 'session'),
    trainees: count(db, 'trainee'),
    recruitmentEvents: count(db, 'recruitment_event'),
    enrolmentsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n]))
  }
}

export function isDatabaseEmpty(db: Db): boolean {
  return count(db, 'trainee') === 0 && count(db, 'training') === 0
}
