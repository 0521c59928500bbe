import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readLheo, readLheoFile, type LheoFormation, type ReadLheoOptions, type ReadSummary } from '../../electron/main/import/lheo'
import { LHEO_REFERENCE } from '../helpers/reference'

export const REFERENCE = LHEO_REFERENCE
export const SAMPLES = join(REFERENCE, 'samples')
export const CENTRE = join(SAMPLES, 'intercarif_centre-val-de-loire_07_10.xml')
export const NORMANDIE = join(SAMPLES, 'intercarif_normandie_04_A815385.xml')
export const ONISEP = join(SAMPLES, 'onisep_bts-nrc_9436_18706.xml')
export const ANOTEA = join(SAMPLES, 'anotea_intercarif-data-test.xml')
export const LEGACY_13 = join(SAMPLES, 'legacy-1.3', 'lheo-1.3_exemple-photographe.xml')
export const EDOF = join(REFERENCE, 'edof', 'Exemple_de_catalogue_a_importer_v7r0.xml')
export const XSD_DIR = join(__dirname, '..', '..', 'resources', 'lheo')

export const NS_22 = 'http://www.lheo.org/2.2'
export const NS_23 = 'http://lheo.gouv.fr/2.3'

/** Number given by an XPath expression evaluated by libxml2 (independent of the reader). */
export function xpathNumber(file: string, expression: string): number {
  const r = spawnSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`xmllint failed on ${file}: ${r.stderr}`)
  return Number(r.stdout.trim())
}

/** Independent count of the elements with this local name. */
export function xpathCount(file: string, localName: string): number {
  return xpathNumber(file, `count(//*[local-name()='${localName}'])`)
}

/** libxml2's schema verdict (true = valid). */
export function xmllintValid(file: string, version: '2.2' | '2.3'): boolean {
  const r = spawnSync('xmllint', ['--noout', '--schema', join(XSD_DIR, `lheo-${version}.xsd`), file], { encoding: 'utf8' })
  return r.status === 0
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8')
}

export type TempDir = { path: string; write: (name: string, content: string | Uint8Array) => string; cleanup: () => void }

export function tempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'passerelle-test-lheo-'))
  return {
    path,
    write: (name, content) => {
      const p = join(path, name)
      writeFileSync(p, content)
      return p
    },
    cleanup: () => rmSync(path, { recursive: true, force: true })
  }
}

export type ReadAll = { formations: LheoFormation[]; summary: ReadSummary }

/** Reads a whole file, keeping the formations (tests only: the reader itself keeps none). */
export async function readAll(file: string, options: Partial<ReadLheoOptions> = {}): Promise<ReadAll> {
  const formations: LheoFormation[] = []
  const summary = await readLheoFile(file, { ...options, onFormation: (f) => void formations.push(f) })
  return { formations, summary }
}

/** Same, from bytes cut into chunks of `chunkSize` (exercises chunk boundaries). */
export async function readBytes(bytes: Uint8Array, chunkSize: number, options: Partial<ReadLheoOptions> = {}): Promise<ReadAll> {
  const formations: LheoFormation[] = []
  const summary = await readLheo(chunked(bytes, chunkSize), { ...options, onFormation: (f) => void formations.push(f) })
  return { formations, summary }
}

export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

/** Rejection of a promise, for assertions on LheoError fields. */
export async function rejection(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p
  } catch (e) {
    return e as Error & Record<string, unknown>
  }
  throw new Error('expected a rejection')
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle))
  if (i < 0) throw new Error(`not found: ${needle}`)
  return i + 1
}

/** The sample's text with its <formation> repeated `n` times (numbers made unique). */
export function repeatFormation(xml: string, n: number): string {
  const a = xml.indexOf('<formation ')
  const b = xml.indexOf('</formation>') + '</formation>'.length
  const formation = xml.slice(a, b)
  const copies: string[] = []
  for (let i = 0; i < n; i++) copies.push(formation.replace(/<formation numero="[^"]*"/, `<formation numero="F_${i + 1}"`))
  return xml.slice(0, a) + copies.join('\n') + xml.slice(b)
}
