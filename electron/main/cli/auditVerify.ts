// Checks the audit log's hash chain, for a controller or an administrator at a terminal:
//   npm run audit:verify -- [--db chemin]
// Prints one JSON object { rows, ok, broken, redacted } and exits 0 when the chain holds, 2 when a
// row was changed, removed or added behind the app's back, 1 on an error. Reads only.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { AppError } from '@shared/api/result'
import { openDatabase } from '../db/open'
import { resolveDbPath } from '../db/paths'
import { verifyAudit } from '../services/audit/auditService'

async function main(): Promise<number> {
  parseArgs({ args: process.argv.slice(2), options: { db: { type: 'string' } } })
  const dbPath = resolveDbPath(process.argv, process.env)
  if (!existsSync(dbPath)) throw new AppError('not_found', `Base de données introuvable : ${dbPath} (précisez --db chemin).`)
  const { db } = await openDatabase(dbPath)
  try {
    const report = verifyAudit(db)
    process.stdout.write(`${JSON.stringify(report)}\n`)
    process.stderr.write(report.ok ? `Journal intègre : ${report.rows} lignes vérifiées.\n` : `Journal altéré à la ligne n° ${report.broken?.id} : ${report.broken?.reason}.\n`)
    return report.ok ? 0 : 2
  } finally {
    db.close()
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof AppError ? e.message : `Erreur inattendue : ${e instanceof Error ? e.message : String(e)}`}\n`)
    process.exit(1)
  }
)
