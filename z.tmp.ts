import { openConnection } from './electron/main/db/open'
import { COUNTER_KEYS, dashboardCounter, dashboardDeclarationsByAge } from './electron/main/services/dashboard/dashboardService'
import { captureSql, queryPlan, runBare } from './test/helpers/sqlCapture'
const raw = openConnection('/tmp/pbench/demo.db')
for (const today of ['2026-11-22', '2026-11-27']) {
for (const k of [...COUNTER_KEYS, 'byAge' as const]) {
  const cap = captureSql(raw)
  let svc = 1e9, bare = 1e9
  for (let i = 0; i < 3; i++) {
    cap.statements.length = 0
    let t = performance.now(); k === 'byAge' ? dashboardDeclarationsByAge(cap.db, today) : dashboardCounter(cap.db, k, today); svc = Math.min(svc, performance.now() - t)
    t = performance.now(); runBare(raw, cap.statements); bare = Math.min(bare, performance.now() - t)
  }
  console.log(`== ${today} ${k} svc ${svc.toFixed(1)} bare ${bare.toFixed(1)}`)
  for (const s of cap.statements) console.log('   ', queryPlan(raw, s).join(' / ').slice(0, 400))
}
}
