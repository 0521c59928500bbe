import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { startBackend } from '../main/backend'
import { backupsEnabled } from '../main/services/backup/backupScheduler'
import { resolveDbPath } from '../main/db/paths'
import { resolveLogDir } from '../main/log/logDir'
import { HTTP_KEY_PARAM } from '@shared/api/channel'
import { newHostKey } from './hostKey'
import { startHttpHost } from './httpHost'
import { testClock } from './testClock'
import { testHooks } from './testHooks'
import pkg from '../../package.json'

// The browser host: the real renderer and the real services, over HTTP on 127.0.0.1 only.
// For machines without the Electron binary, for demos, and for the end-to-end tests.
function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  // Job seekers' personal data: the database, its backups and the documents are for this account only.
  process.umask(0o077)
  const dbPath = resolveDbPath()
  const port = Number(argValue('--port') ?? process.env.PASSERELLE_PORT ?? 4780)
  const rendererDir = resolve(__dirname, '../renderer')
  readFileSync(resolve(rendererDir, 'index.html')) // fail fast with a clear error when the build is missing
  const clock = testClock(argValue('--test-now'), process.env)
  const hooks = testHooks(argValue, process.env)
  const backend = await startBackend({ dbPath, kind: 'browser', version: pkg.version, logDir: resolveLogDir(dbPath), backups: backupsEnabled(process.env), ...(clock ? { clock } : {}) })
  const key = hooks.key ?? newHostKey()
  const server = await startHttpHost({ dispatch: hooks.wrap(backend.dispatch), rendererDir, port, key })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  process.stdout.write(`Passerelle (navigateur) : http://127.0.0.1:${actualPort}/?${HTTP_KEY_PARAM}=${key}\nBase de données : ${dbPath}\nJournal : ${backend.log.dir ?? '(aucun)'}\n`)
  const stop = (): void => {
    server.close()
    backend.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  process.stderr.write(`Impossible de démarrer Passerelle : ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
