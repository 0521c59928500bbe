import { Sheet } from '../../pdf/layout'
import { drawFacture, invoiceTitle, type FactureData } from '../../pdf/templates/facture'
import { buildCiiXml, FACTURX_FILE_NAME } from './ciiXml'

/*
 * A Factur-X file: the invoice page as PDF/A-3b (pdfkit's subset: PDF 1.7, tagged, sRGB output
 * intent, embedded fonts) with the CII XML embedded as `factur-x.xml`, associated with the
 * document (catalog /AF, AFRelationship Alternative: the XML is another form of the same invoice),
 * and the XMP declaring the Factur-X extension schema with the EN 16931 profile.
 */

// pdfkit ≥ 0.15 writes /AFRelationship from this option; @types/pdfkit does not know it yet.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- merging into @types/pdfkit's global namespace
  namespace PDFKit.Mixins {
    interface PDFAttachmentOptions {
      relationship?: 'Alternative' | 'Data' | 'Source' | 'Supplement' | 'Unspecified'
    }
  }
}

const FX_NS = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#'
export const FACTURX_CONFORMANCE = 'EN 16931'

const fxProperty = (name: string, description: string) => `
              <rdf:li rdf:parseType="Resource">
                <pdfaProperty:name>${name}</pdfaProperty:name>
                <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                <pdfaProperty:category>external</pdfaProperty:category>
                <pdfaProperty:description>${description}</pdfaProperty:description>
              </rdf:li>`

/** The XMP of Factur-X 1.0 (its specification's extension schema, verbatim in substance). */
export function facturxXmp(documentType: 'INVOICE' = 'INVOICE'): string {
  return `
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
          <pdfaExtension:schemas>
            <rdf:Bag>
              <rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>${FX_NS}</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                <pdfaSchema:property>
                  <rdf:Seq>${fxProperty('DocumentFileName', 'name of the embedded XML invoice file')}${fxProperty('DocumentType', 'INVOICE')}${fxProperty('Version', 'The actual version of the Factur-X XML schema')}${fxProperty('ConformanceLevel', 'The conformance level of the embedded Factur-X data')}
                  </rdf:Seq>
                </pdfaSchema:property>
              </rdf:li>
            </rdf:Bag>
          </pdfaExtension:schemas>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:fx="${FX_NS}">
          <fx:DocumentType>${documentType}</fx:DocumentType>
          <fx:DocumentFileName>${FACTURX_FILE_NAME}</fx:DocumentFileName>
          <fx:Version>1.0</fx:Version>
          <fx:ConformanceLevel>${FACTURX_CONFORMANCE}</fx:ConformanceLevel>
        </rdf:Description>`
}

export type FacturX = { pdf: Buffer; xml: string }

/** `createdAt`: the instant of issue, so that rendering the same invoice again gives the same file. */
export function renderFacturX(data: FactureData, createdAt: Date): Promise<FacturX> {
  const xml = buildCiiXml(data.invoice)
  const sheet = new Sheet({ title: invoiceTitle(data.invoice), author: data.organisation.name, archival: { createdAt } })
  drawFacture(sheet, data)
  const doc = sheet.doc
  doc.file(Buffer.from(xml, 'utf8'), {
    name: FACTURX_FILE_NAME,
    type: 'text/xml',
    relationship: 'Alternative',
    description: 'Factur-X invoice (EN 16931)',
    creationDate: createdAt,
    modifiedDate: createdAt
  })
  doc.appendXML(facturxXmp())
  return sheet.toBuffer().then((pdf) => ({ pdf, xml }))
}
