import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { REFERENCE_DIR } from './reference'

/*
 * The Factur-X checks anyone can run with their own tools: the EN 16931 XSD with xmllint, the
 * European Commission's EN 16931 business rules (Schematron compiled to XSLT) with Saxon HE,
 * and poppler's pdfinfo/pdfdetach on the PDF.
 */

export const FACTURX_REFERENCE = resolve(REFERENCE_DIR, 'facturx')
export const FACTURX_XSD = resolve(FACTURX_REFERENCE, 'xsd/EN16931/Factur-X_EN16931.xsd')
export const EN16931_XSLT = resolve(FACTURX_REFERENCE, 'en16931-validation/EN16931-CII-validation.xslt')
const SAXON_JAR = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar'

function withTemp<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'facturx-'))
  try {
    return fn(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** xmllint's verdict: ok, or its messages. */
export function validateXsd(xml: string): { ok: boolean; output: string } {
  return withTemp((dir) => {
    const file = join(dir, 'factur-x.xml')
    writeFileSync(file, xml)
    const r = spawnSync('xmllint', ['--noout', '--schema', FACTURX_XSD, file], { encoding: 'utf8' })
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` }
  })
}

export type FailedAssert = { id: string; flag: string; text: string }

function failedAsserts(svrl: string): FailedAssert[] {
  const asserts: FailedAssert[] = []
  for (const m of svrl.matchAll(/<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g)) {
    const attrs = m[1] ?? ''
    asserts.push({
      id: /\bid="([^"]*)"/.exec(attrs)?.[1] ?? '',
      flag: /\bflag="([^"]*)"/.exec(attrs)?.[1] ?? '',
      text: (m[2] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()
    })
  }
  return asserts
}

/**
 * The SVRL failed asserts (all flags) of the EN 16931 rules for CII documents, by name. One Saxon
 * run for the whole set: compiling the rules takes most of the time.
 */
export function en16931FailedAsserts(xmls: Record<string, string>): Record<string, FailedAssert[]> {
  return withTemp((dir) => {
    const input = join(dir, 'in')
    const output = join(dir, 'out')
    mkdirSync(input)
    mkdirSync(output)
    const names = Object.keys(xmls)
    names.forEach((name, i) => writeFileSync(join(input, `${i}.xml`), xmls[name] ?? ''))
    execFileSync('java', ['-cp', SAXON_JAR, 'net.sf.saxon.Transform', `-s:${input}`, `-xsl:${EN16931_XSLT}`, `-o:${output}`], { stdio: 'pipe' })
    return Object.fromEntries(names.map((name, i) => [name, failedAsserts(readFileSync(join(output, `${i}.xml`), 'utf8'))]))
  })
}

/** pdfinfo -meta: the document's XMP as text. */
export function pdfMetadata(pdfPath: string): string {
  return execFileSync('pdfinfo', ['-meta', pdfPath], { encoding: 'utf8' })
}

/** The attachments pdfdetach lists, and the bytes of the one named `name`. */
export function pdfAttachment(pdfPath: string, name: string): { list: string; bytes: Buffer } {
  const list = execFileSync('pdfdetach', ['-list', pdfPath], { encoding: 'utf8' })
  return withTemp((dir) => {
    const out = join(dir, name)
    const names = list.split('\n').map((l) => /^\s*\d+:\s*(.*)$/.exec(l)?.[1]?.trim())
    const index = names.filter((n) => n !== undefined).indexOf(name) + 1
    execFileSync('pdfdetach', ['-save', String(index), '-o', out, pdfPath])
    return { list, bytes: readFileSync(out) }
  })
}
