import type { Overview } from '@shared/api/areas/app'
import type { Db } from '../../db/open'
import { oneRow } from '../../db/oneRow'

const count = (db: Db, table: string): number =>
  oneRow(db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`)).n

export function getOverview(db: Db): Overview {
  const byStatus = db.prepare<unknown[], { status: string; n: number }>('SELECT status, count(*) AS n FROM enrolment GROUP BY status').all()
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
