import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The public reference data the tests read (LHEO catalogues, schemas): `PASSERELLE_REFERENCE`
 * when set, else the `shared/reference` folder beside the project (how the workspace and CI lay
 * it out), else the workspace's own copy, so that a clone made elsewhere still finds it.
 */
function findReference(): string {
  const candidates = [process.env.PASSERELLE_REFERENCE, resolve(__dirname, '../../../shared/reference')]
  const found = candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p))
  if (!found) throw new Error(`Reference data not found (set PASSERELLE_REFERENCE): looked in ${candidates.filter(Boolean).join(', ')}`)
  return found
}

export const REFERENCE_DIR = findReference()
export const LHEO_REFERENCE = resolve(REFERENCE_DIR, 'lheo')
export const LHEO_SAMPLES = resolve(LHEO_REFERENCE, 'samples')
