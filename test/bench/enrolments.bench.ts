import type { EnrolmentFilter } from '@shared/api/areas/enrolments'
import { countEnrolments, getEnrolment, listEnrolments } from '../../electron/main/services/enrolments/enrolmentQueries'
import { BENCH_TODAY, benchDatabase, measure } from './enrolmentBenchDb'

// `npm run bench -- enrolments`: the enrolments grid on 100,000 enrolments (the default list,
// each filter, the counts the dashboard shares, one enrolment's detail), against its SQL run bare.
export async function run(): Promise<void> {
  const { db } = await benchDatabase()
  try {
    const one = <T>(sql: string) => db.prepare(sql).get() as T
    const enrolments = one<{ n: number }>('SELECT count(*) AS n FROM enrolment').n
    const session = one<{ id: number }>("SELECT session_id AS id FROM enrolment WHERE status = 'entre' ORDER BY id DESC LIMIT 1").id
    const trainee = one<{ id: number }>("SELECT trainee_id AS id FROM enrolment WHERE status = 'sorti' LIMIT 1").id
    const detail = one<{ id: number }>("SELECT enrolment_id AS id FROM interruption ORDER BY id LIMIT 1").id
    const filters: [string, EnrolmentFilter][] = [
      ['default', {}],
      ['statuses.entre', { statuses: ['entre'] }],
      ['statuses.sorti_abandon', { statuses: ['sorti', 'abandon'] }],
      ['session', { sessionId: session }],
      ['trainee', { traineeId: trainee }],
      ['declaration.a_faire', { declaration: 'a_faire' }],
      ['declaration.en_retard', { declaration: 'en_retard' }],
      ['declaration.any_pending', { declaration: 'any_pending' }],
      ['entry.a_faire', { statuses: ['inscrit'], entry: 'a_faire' }],
      ['entry.en_retard', { statuses: ['inscrit'], entry: 'en_retard' }],
      ['search', { search: 'le gall' }],
      ['search.entre', { search: 'martin', statuses: ['entre'] }],
      ['search.session', { search: 'marie', sessionId: session }]
    ]
    for (const [name, filter] of filters) {
      const rows = listEnrolments(db, filter, BENCH_TODAY).length
      measure(db, `enrolments.list.${name}`, (d) => listEnrolments(d, filter, BENCH_TODAY), { rows, enrolments })
    }
    for (const [name, filter] of filters.filter(([n]) => n !== 'default')) {
      measure(db, `enrolments.count.${name}`, (d) => countEnrolments(d, filter, BENCH_TODAY), { enrolments })
    }
    measure(db, 'enrolments.get', (d) => getEnrolment(d, detail, BENCH_TODAY), { enrolments })
  } finally {
    db.close()
  }
}
