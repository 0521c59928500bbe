// Checks a PDF against the documents register, for a controller or a clerk at a terminal:
//   npm run verify -- <fichier.pdf> [--db chemin]
//   npm run verify -- --code K7QX2-MA4PD [--db chemin]
// Prints one JSON object (the same answer as the « Vérifier un document » dialog) and exits 0 when
// the document is authentic and unaltered, 2 when it is unknown, altered or its code is not the
// one in the file, 1 on an error (French message on stderr). Reads only.
import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { AppError } from '@shared/api/result'
import { openDatabase } from '../db/open'
import { resolveDbPath } from '../db/paths'
import { verifyDocument } from '../services/documents/documentVerify'

const USAGE = 'Usage : npm run verify -- <fichier.pdf> [--db chemin]  ou  npm run verify -- --code K7QX2-MA4PD [--db chemin]'

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>
  try {
    args = parse()
  } catch (e) {
    throw new AppError('invalid_input', `Option invalide : ${e instanceof Error ? e.message : String(e)}. ${USAGE}`)
  }
  const file = args.positionals[0]
  const code = args.values.code
  if (args.positionals.length > 1 || (!file && !code)) throw new AppError('invalid_input', `Indiquez un fichier PDF ou un code. ${USAGE}`)
  if (file && !existsSync(file)) throw new AppError('not_found', `Fichier introuvable : ${file}`)
  const dbPath = resolveDbPath(process.argv, process.env)
  // Checking must never create an empty register somewhere by mistake.
  if (!existsSync(dbPath)) throw new AppError('not_found', `Base de données introuvable : ${dbPath} (précisez --db chemin).`)
  const { db } = await openDatabase(dbPath)
  try {
    const result = verifyDocument(db, { ...(file ? { base64: readFileSync(file).toString('base64') } : {}), ...(code ? { code } : {}) })
    process.stdout.write(`${JSON.stringify(result)}\n`)
    process.stderr.write(`${result.message}\n`)
    return result.found && result.sha256Match !== false ? 0 : 2
  } finally {
    db.close()
  }
}

function parse() {
  return parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { db: { type: 'string' }, code: { type: 'string' } } })
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof AppError ? e.message : `Erreur inattendue : ${e instanceof Error ? e.message : String(e)}`}\n`)
    process.exit(1)
  }
)
