import { dirname, join } from 'node:path'

/**
 * The log's folder: `PASSERELLE_LOG_DIR`, else `logs` beside the database, which is the app data
 * folder by default (db/paths.ts). A test's or a demo's database in a folder of its own keeps its
 * log there too, away from the clerk's.
 */
export function resolveLogDir(dbPath: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.PASSERELLE_LOG_DIR || join(dirname(dbPath), 'logs')
}
