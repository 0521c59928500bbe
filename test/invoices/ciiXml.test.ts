import { describe, expect, it } from 'vitest'
import { buildCiiXml } from '../../electron/main/services/invoices/ciiXml'
import { en16931FailedAsserts, validateXsd } from '../helpers/facturx'
import { invoiceDocument, traineeLine } from './invoiceFixtures'

// The XML of an exempt invoice, a VAT invoice and a credit note against the Factur-X EN 16931 XSD
// and the EN 16931 business rules (Saxon HE running the official XSLT): no fatal failure.
const broken = invoiceDocument({ vatMode: 'standard' })
broken.amounts.totals.grandTotalCents += 1
const cases = {
  'an exempt invoice': buildCiiXml(invoiceDocument({ vatMode: 'exempt' })),
  'a VAT invoice': buildCiiXml(invoiceDocument({ vatMode: 'standard', lines: [traineeLine('Alice Durand', 12345, 1333), traineeLine('Bruno Le Gall', 7, 999)] })),
  'a credit note': buildCiiXml(invoiceDocument({ kind: 'credit_note', lines: [traineeLine('Bruno Le Gall', 700)] })),
  // The control: a total one cent off must fail, or the check proves nothing.
  'a wrong total': buildCiiXml(broken)
}

describe('Factur-X CII XML', () => {
  it('validates against the Factur-X EN 16931 XSD', () => {
    for (const [name, xml] of Object.entries(cases)) {
      const xsd = validateXsd(xml)
      expect(xsd.ok, `${name}: ${xsd.output}`).toBe(true)
    }
  })

  it('passes the EN 16931 business rules with no fatal failure (and a wrong total fails BR-CO-15)', () => {
    const failed = en16931FailedAsserts(cases)
    for (const name of ['an exempt invoice', 'a VAT invoice', 'a credit note']) {
      expect(failed[name]?.filter((f) => f.flag === 'fatal'), name).toEqual([])
    }
    expect(failed['a wrong total']?.filter((f) => f.flag === 'fatal').map((f) => f.id)).toContain('BR-CO-15')
  }, 120_000)

  it('carries the Chorus Pro fields where Chorus reads them', () => {
    const xml = cases['a credit note']
    expect(xml).toContain('<ram:ID>A1</ram:ID>')
    expect(xml).toContain('<ram:ID>urn:cen.eu:en16931:2017</ram:ID>')
    expect(xml).toContain('<ram:TypeCode>381</ram:TypeCode>')
    expect(xml).toContain('<ram:GlobalID schemeID="0009">23350001600040</ram:GlobalID>')
    expect(xml).toContain('<ram:ID schemeID="0002">233500016</ram:ID>')
    expect(xml).toContain('<ram:BuyerReference>FORMATION-PRO</ram:BuyerReference>')
    expect(xml).toMatch(/<ram:BuyerOrderReferencedDocument>\s*<ram:IssuerAssignedID>2100456789<\/ram:IssuerAssignedID>/)
    expect(xml).toMatch(/<ram:ContractReferencedDocument>\s*<ram:IssuerAssignedID>Marché 2026-04 lot 3<\/ram:IssuerAssignedID>/)
    expect(xml).toMatch(/<ram:InvoiceReferencedDocument>\s*<ram:IssuerAssignedID>2027-00042<\/ram:IssuerAssignedID>/)
    expect(xml).toContain('<ram:ExemptionReason>Exonération de TVA, article 261-4-4° a du CGI</ram:ExemptionReason>')
  })
})
