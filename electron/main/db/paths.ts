import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The OS's per-user application data folder, the same one Electron's app.getPath('userData')
 * uses, computed without Electron so the browser host and the CLI find the same database.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir()
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Passerelle')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Passerelle')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Passerelle')
}

/** `--db <path>` wins over `PASSERELLE_DB`, which wins over the per-user default. */
export function resolveDbPath(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
  defaultDir: string = userDataDir()
): string {
  const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='))
  if (i >= 0) {
    const arg = argv[i] as string
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1]
    if (value) return value
  }
  if (env.PASSERELLE_DB) return env.PASSERELLE_DB
  return join(defaultDir, 'passerelle.db')
}
