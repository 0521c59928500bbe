import { COUNTER_KEYS, dashboardCounter, dashboardDeclarationsByAge, getDashboard } from '../../electron/main/services/dashboard/dashboardService'
import { BENCH_TODAY, benchDatabase, measure } from './enrolmentBenchDb'

// `npm run bench -- dashboard`: every counter of the dashboard on 100,000 enrolments, as of the
// demo's day and of the 25th (when the month's attendance opens), against its own SQL run bare.
export async function run(): Promise<void> {
  const { db, generatedMs } = await benchDatabase()
  try {
    const enrolments = (db.prepare('SELECT count(*) AS n FROM enrolment').get() as { n: number }).n
    if (generatedMs !== null) process.stderr.write(`Base de test générée en ${Math.round(generatedMs / 1000)} s (${enrolments} inscriptions).\n`)
    for (const today of [BENCH_TODAY, '2026-11-25']) {
      const suffix = today === BENCH_TODAY ? '' : '@25'
      for (const key of COUNTER_KEYS) {
        const count = dashboardCounter(db, key, today).count
        measure(db, `dashboard.${key}${suffix}`, (d) => dashboardCounter(d, key, today), { count, enrolments })
      }
      measure(db, `dashboard.declarationsByAge${suffix}`, (d) => dashboardDeclarationsByAge(d, today), { enrolments })
      measure(db, `dashboard.get${suffix}`, (d) => getDashboard(d, today), { enrolments })
    }
  } finally {
    db.close()
  }
}
