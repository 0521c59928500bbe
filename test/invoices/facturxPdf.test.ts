import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { computeInvoiceAmounts } from '@shared/domain/invoiceAmounts'
import { formatEuros } from '@shared/domain/money'
import { renderFacturX } from '../../electron/main/services/invoices/facturxPdf'
import type { OrganisationIdentity } from '../../electron/main/pdf/types'
import { pdfAttachment, pdfMetadata } from '../helpers/facturx'
import { invoiceDocument, traineeLine } from './invoiceFixtures'

const ORGANISATION: OrganisationIdentity = {
  name: 'Atelier Formation Bretagne Sud',
  legalForm: 'SAS',
  siret: '84327159300025',
  nda: '53560912356',
  regionCode: '53',
  regionName: 'Bretagne',
  addressLines: ['27 boulevard Cosmao Dumanoir'],
  postalCode: '56100',
  city: 'Lorient',
  phone: '02 97 00 00 00',
  email: 'contact@afbs.fr',
  website: null,
  qualiopiNumber: 'FR071923-1',
  logo: null,
  signatoryName: 'Morgane Le Bihan',
  signatoryTitle: 'Directrice'
}
const ISSUED_AT = new Date('2027-01-31T10:00:00.000Z')
const dir = mkdtempSync(join(tmpdir(), 'facturx-pdf-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function write(name: string, invoice = invoiceDocument()) {
  const out = await renderFacturX({ organisation: ORGANISATION, invoice }, ISSUED_AT)
  const path = join(dir, name)
  writeFileSync(path, out.pdf)
  return { ...out, path }
}

describe('Factur-X PDF', () => {
  it('declares PDF/A-3B and the Factur-X EN 16931 profile in its XMP', async () => {
    const { path } = await write('facture.pdf')
    const meta = pdfMetadata(path)
    expect(meta).toMatch(/<pdfaid:part>3<\/pdfaid:part>/)
    expect(meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/)
    expect(meta).toContain('<fx:DocumentType>INVOICE</fx:DocumentType>')
    expect(meta).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>')
    expect(meta).toContain('<fx:Version>1.0</fx:Version>')
    expect(meta).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>')
    expect(meta).toContain('<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>')
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
    expect(info).toMatch(/PDF version:\s+1\.7/)
    expect(info).toMatch(/Tagged:\s+yes/)
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' })
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line, 'every font embedded').toMatch(/\byes\b/)
  })

  it('carries factur-x.xml, byte-identical to the generated XML, as an Alternative associated file', async () => {
    const { path, xml, pdf } = await write('avoir.pdf', invoiceDocument({ kind: 'credit_note' }))
    const { list, bytes } = pdfAttachment(path, 'factur-x.xml')
    expect(list).toContain('factur-x.xml')
    expect(bytes.equals(Buffer.from(xml, 'utf8'))).toBe(true)
    const raw = pdf.toString('latin1')
    expect(raw).toMatch(/\/AFRelationship \/Alternative/)
    expect(raw).toMatch(/\/Subtype \/text#2Fxml/)
    expect(raw).toMatch(/\/AF \[/)
  })

  it('a 37-line invoice: the printed total is the XML total', async () => {
    const lines = Array.from({ length: 37 }, (_, i) => traineeLine(`Stagiaire ${i + 1}`, 1 + ((i * 7919) % 15000), 1111 + i * 37))
    const invoice = invoiceDocument({ vatMode: 'standard', lines })
    const { path, xml } = await write('longue.pdf', invoice)
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
    const grand = /<ram:GrandTotalAmount>([\d.]+)<\/ram:GrandTotalAmount>/.exec(xml)?.[1]
    const net = /<ram:TaxBasisTotalAmount>([\d.]+)<\/ram:TaxBasisTotalAmount>/.exec(xml)?.[1]
    expect(grand).toBeDefined()
    const toCents = (s: string | undefined) => Math.round(Number(s) * 100)
    const expected = computeInvoiceAmounts(lines, 'standard').totals
    expect(toCents(grand)).toBe(expected.grandTotalCents)
    expect(toCents(net)).toBe(expected.taxBasisCents)
    // pdftotext gives the narrow spaces back as spaces.
    const printed = (cents: number) => formatEuros(cents).replace(/[\u202f\u00a0]/g, ' ')
    const flat = text.replace(/[\u202f\u00a0]/g, ' ')
    expect(flat).toMatch(new RegExp(`Total TTC\\s+${printed(toCents(grand))}`))
    expect(flat).toMatch(new RegExp(`Total HT\\s+${printed(toCents(net))}`))
    for (let i = 1; i <= 37; i++) expect(flat).toContain(`Stagiaire ${i}`)
  })
})
