// Imports a LHEO catalogue file from the command line, for an administrator's scheduled imports:
//   npm run lheo -- <fichier.xml> [--db chemin] [--dry-run]
// Prints one JSON object (the same summary as the app's preview); on a refused file prints the
// French message on stderr and exits 1, having written nothing.
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { AppError } from '@shared/api/result'
import { isLheoError } from '../import/lheo'
import { openDatabase } from '../db/open'
import { resolveDbPath } from '../db/paths'
import { nowIso, systemClock, type ServiceContext } from '../services/context'
import { importLheoFile } from '../services/lheo/importCatalogue'
import { oneRow } from '../db/oneRow'

const USAGE = 'Usage : npm run lheo -- <fichier.xml> [--db chemin] [--dry-run]'

async function main(): Promise<void> {
  let args: ReturnType<typeof parse>
  try {
    args = parse()
  } catch (e) {
    throw new AppError('invalid_input', `Option invalide : ${(e as Error).message}. ${USAGE}`)
  }
  const file = args.positionals[0]
  if (!file || args.positionals.length > 1) throw new AppError('invalid_input', `Indiquez un seul fichier LHEO. ${USAGE}`)

  const { db } = await openDatabase(resolveDbPath(process.argv, process.env))
  try {
    // Scheduled imports are traced under a clerk of their own, named after the system account.
    const name = `Import LHEO (${safeUser()})`
    const clerk = oneRow(db.prepare<unknown[], { id: number; name: string }>('INSERT INTO clerk (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id, name'), name, nowIso(systemClock))
    const ctx: ServiceContext = { db, clock: systemClock, actor: { clerkId: clerk.id, name: clerk.name } }
    const { summary } = await importLheoFile(ctx, file, { dryRun: args.values['dry-run'] ?? false })
    process.stdout.write(`${JSON.stringify(summary)}\n`)
  } finally {
    db.close()
  }
}

function safeUser(): string {
  try {
    return userInfo().username
  } catch {
    return 'système'
  }
}

function parse() {
  return parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' } }
  })
}

main().catch((e: unknown) => {
  const message = e instanceof AppError || isLheoError(e) ? e.message : `Erreur inattendue : ${e instanceof Error ? e.message : String(e)}`
  process.stderr.write(`${message}\n`)
  process.exit(1)
})
