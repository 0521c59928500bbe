// Factur-X samples from the command line:
//   npm run invoices -- --samples <folder> [--db path] [--today aaaa-mm-jj]
// Builds a demo database (a temporary file unless --db names an empty one), issues an exempt
// invoice, a VAT invoice and a credit note from it, and writes them as Factur-X PDFs (with their
// XML beside them) into the folder. Prints one JSON line; exits 1 with a French message on refusal.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '@shared/api/result'
import { isIsoDate } from '@shared/domain/dates'
import { oneRow } from '../db/oneRow'
import { openDatabase } from '../db/open'
import { systemClock, type Clock, type ServiceContext } from '../services/context'
import { writeInvoiceSamples } from '../services/invoices/invoiceSamples'

const USAGE = 'Usage : npm run invoices -- --samples <dossier> [--db chemin] [--today aaaa-mm-jj]'

async function main(): Promise<void> {
  let values: { samples?: string; db?: string; today?: string }
  try {
    values = parseArgs({ args: process.argv.slice(2), options: { samples: { type: 'string' }, db: { type: 'string' }, today: { type: 'string' } }, strict: true }).values
  } catch (e) {
    throw new AppError('invalid_input', `Option invalide : ${(e as Error).message}. ${USAGE}`)
  }
  if (!values.samples) throw new AppError('invalid_input', `Indiquez le dossier des exemples. ${USAGE}`)
  if (values.today !== undefined && !isIsoDate(values.today)) throw new AppError('invalid_input', `Date invalide (--today) : « ${values.today} ». ${USAGE}`)
  const clock: Clock = values.today ? { now: () => new Date(`${values.today}T10:00:00.000Z`) } : systemClock
  const temp = values.db ? null : mkdtempSync(join(tmpdir(), 'passerelle-factures-'))
  const path = values.db ? resolve(values.db) : join(temp ?? '', 'demo.db')
  const { db } = await openDatabase(path)
  try {
    const clerk = oneRow(db.prepare<unknown[], { id: number; name: string }>('INSERT INTO clerk (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id, name'), 'Démonstration', clock.now().toISOString())
    const ctx: ServiceContext = { db, clock, actor: { clerkId: clerk.id, name: clerk.name } }
    const files = await writeInvoiceSamples(ctx, resolve(values.samples))
    process.stdout.write(`${JSON.stringify({ files, db: temp ? null : path })}\n`)
  } finally {
    db.close()
    if (temp) rmSync(temp, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(e instanceof AppError ? `${e.message}\n` : `Erreur inattendue : ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exit(1)
  }
)
