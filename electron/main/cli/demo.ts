// Fills a database with demonstration data from the command line:
//   npm run demo -- [--trainees 20000] [--seed 7] [--db path]
// Prints one JSON line (the counts and the database path); exits 1 with a French message on refusal.
import { parseArgs } from 'node:util'
import { AppError } from '@shared/api/result'
import { openDatabase } from '../db/open'
import { resolveDbPath } from '../db/paths'
import { generateDemoData } from '../demo/generateDemoData'
import { nowIso, systemClock, type ServiceContext } from '../services/context'
import { oneRow } from '../db/oneRow'

const DEMO_CLERK = 'Démonstration'
const MIN_TRAINEES = 10
const MAX_TRAINEES = 100_000

function integerOption(value: string | undefined, fallback: number, message: string, min: number, max: number): number {
  if (value === undefined) return fallback
  const n = /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new AppError('invalid_input', message)
  return n
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parse>
  try {
    args = parse()
  } catch (e) {
    throw new AppError('invalid_input', `Option invalide : ${(e as Error).message}. Usage : npm run demo -- [--trainees 300] [--seed 1] [--db chemin]`)
  }
  const trainees = integerOption(
    args.values.trainees,
    300,
    `Le nombre de stagiaires (--trainees) doit être un entier entre ${MIN_TRAINEES} et 100 000.`,
    MIN_TRAINEES,
    MAX_TRAINEES
  )
  const seed = integerOption(args.values.seed, 1, 'La graine (--seed) doit être un nombre entier.', -2_147_483_648, 2_147_483_647)

  const path = resolveDbPath(process.argv, process.env)
  const { db } = await openDatabase(path)
  try {
    const summary = db.transaction(() => {
      // The demo history is recorded under its own clerk, so it is never mistaken for real work.
      const clerk = oneRow(db.prepare<unknown[], { id: number; name: string }>('INSERT INTO clerk (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id, name'), DEMO_CLERK, nowIso(systemClock))
      const ctx: ServiceContext = { db, clock: systemClock, actor: { clerkId: clerk.id, name: clerk.name } }
      return generateDemoData(ctx, { trainees, seed })
    })()
    process.stdout.write(`${JSON.stringify({ ...summary, db: path })}\n`)
  } finally {
    db.close()
  }
}

function parse() {
  return parseArgs({
    args: process.argv.slice(2),
    options: {
      trainees: { type: 'string' },
      seed: { type: 'string' },
      db: { type: 'string' }
    },
    strict: true,
    allowPositionals: false
  })
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    if (e instanceof AppError) {
      process.stderr.write(`${e.message}\n`)
    } else {
      process.stderr.write(`Erreur inattendue : ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    }
    process.exit(1)
  }
)
