import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { en16931FailedAsserts, pdfAttachment, pdfMetadata, validateXsd } from '../helpers/facturx'

/*
 * `npm run invoices -- --samples <folder>` end to end: a demo database, an exempt invoice, a VAT
 * invoice and a credit note issued through the services, written as Factur-X files. Each one's
 * XML passes the Factur-X EN 16931 XSD and the EN 16931 rules (0 fatal), the PDF declares PDF/A-3
 * and Factur-X EN 16931, and the XML pdfdetach extracts is byte-identical to the one written.
 */

const ROOT = resolve(__dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'passerelle-samples-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Sample = { kind: 'exempt' | 'vat' | 'credit_note'; number: string; pdf: string; xml: string; totalTtcCents: number }

describe('npm run invoices -- --samples', () => {
  it('writes three Factur-X files that pass the XSD, the EN 16931 rules, pdfinfo and pdfdetach', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'electron/main/cli/invoices.ts', '--samples', dir, '--today', '2027-01-29'], { cwd: ROOT, encoding: 'utf8' })
    const { files } = JSON.parse(out) as { files: Sample[] }
    expect(files.map((f) => [f.kind, f.number])).toEqual([
      ['exempt', '2027-00001'],
      ['vat', '2027-00002'],
      ['credit_note', '2027-00003']
    ])
    const xmls = Object.fromEntries(files.map((f) => [f.kind, readFileSync(f.xml, 'utf8')]))
    for (const f of files) {
      const xml = xmls[f.kind] ?? ''
      expect(validateXsd(xml).ok, `${f.kind}: ${validateXsd(xml).output}`).toBe(true)
      expect(xml).toMatch(new RegExp(`<ram:GrandTotalAmount>${(f.totalTtcCents / 100).toFixed(2)}</ram:GrandTotalAmount>`))
      const meta = pdfMetadata(f.pdf)
      expect(meta).toContain('<pdfaid:part>3</pdfaid:part>')
      expect(meta).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>')
      expect(pdfAttachment(f.pdf, 'factur-x.xml').bytes.equals(Buffer.from(xml, 'utf8'))).toBe(true)
    }
    expect(xmls.exempt).toContain('<ram:CategoryCode>E</ram:CategoryCode>')
    expect(xmls.vat).toContain('<ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>')
    expect(xmls.credit_note).toContain('<ram:TypeCode>381</ram:TypeCode>')
    const failed = en16931FailedAsserts(xmls)
    for (const kind of Object.keys(xmls)) expect(failed[kind]?.filter((a) => a.flag === 'fatal'), kind).toEqual([])
  }, 240_000)
})
