// Where the LHEO XSD files are.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { LheoError } from './errors'
import type { LheoVersion } from './types'

let configuredDir: string | null = null

/** Sets the folder holding lheo-2.2.xsd and lheo-2.3.xsd (e.g. from the Electron main process at start-up). */
export function setLheoSchemaDir(dir: string | null): void {
  configuredDir = dir
}

function candidateDirs(): string[] {
  const dirs: string[] = []
  if (configuredDir) dirs.push(configuredDir)
  const env = process.env.PASSERELLE_LHEO_SCHEMA_DIR
  if (env) dirs.push(env)
  // Packaged app: electron-builder `extraResources` (resources/lheo → <resources>/lheo) or asarUnpack.
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath
  if (resourcesPath) {
    dirs.push(join(resourcesPath, 'lheo'))
    dirs.push(join(resourcesPath, 'app.asar.unpacked', 'resources', 'lheo'))
  }
  // Development, tests, scripts: the repository's resources/lheo, found upwards from here or the cwd.
  const starts = [typeof __dirname === 'string' ? __dirname : null, process.cwd()]
  for (const start of starts) {
    if (!start) continue
    let dir = resolve(start)
    for (let i = 0; i < 8; i++) {
      dirs.push(join(dir, 'resources', 'lheo'))
      const up = dirname(dir)
      if (up === dir) break
      dir = up
    }
  }
  return dirs
}

export function findSchemaFile(version: LheoVersion, schemaDir?: string): string {
  const file = `lheo-${version}.xsd`
  const dirs = schemaDir ? [schemaDir] : candidateDirs()
  for (const d of dirs) {
    const p = join(d, file)
    if (existsSync(p)) return p
  }
  throw new LheoError('SCHEMA', `Schéma LHEO ${version} introuvable (${file}) : l'installation de Passerelle est incomplète.`)
}
