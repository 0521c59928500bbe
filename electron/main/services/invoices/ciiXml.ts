import { ciiAmount, ciiQuantity, type InvoiceLine, type VatBreakdown } from '@shared/domain/invoiceAmounts'
import { INVOICE_TYPE_CODES } from '@shared/domain/invoiceRules'
import type { InvoiceDocument, InvoiceParty } from './invoiceDocument'
import { el, groupEl, serialiseXml, textEl, type XmlNode } from './xmlBuilder'

/*
 * The Cross Industry Invoice (UN/CEFACT D16B) of Factur-X, EN 16931 profile, with the fields
 * Chorus Pro reads: BT-23 business process A1 (a plain invoice deposited by its supplier), the
 * buyer's SIRET under scheme 0009 and SIREN under 0002, the service code in BT-10 (buyer
 * reference), the engagement juridique in BT-13 (buyer order), the contract in BT-12.
 * Elements come in the XSD's order; amounts are the domain's cents written with two decimals.
 */

export const FACTURX_GUIDELINE = 'urn:cen.eu:en16931:2017'
export const CHORUS_BUSINESS_PROCESS = 'A1'
export const FACTURX_FILE_NAME = 'factur-x.xml'

const NS = {
  'xmlns:rsm': 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  'xmlns:qdt': 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  'xmlns:ram': 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  'xmlns:udt': 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100'
}

const date102 = (iso: string) => iso.replaceAll('-', '')
const udtDate = (name: string, iso: string) => el(name, {}, [el('udt:DateTimeString', { format: '102' }, date102(iso))])
const id = (value: string) => el('ram:ID', {}, value)

function party(name: string, p: InvoiceParty): XmlNode {
  return el(name, {}, [
    p.siret ? el('ram:GlobalID', { schemeID: '0009' }, p.siret) : null,
    el('ram:Name', {}, p.name),
    p.siren ? el('ram:SpecifiedLegalOrganization', {}, [el('ram:ID', { schemeID: '0002' }, p.siren)]) : null,
    el('ram:PostalTradeAddress', {}, [
      textEl('ram:PostcodeCode', p.postalCode),
      textEl('ram:LineOne', p.addressLine1),
      textEl('ram:LineTwo', p.addressLine2),
      textEl('ram:CityName', p.city),
      el('ram:CountryID', {}, p.country)
    ]),
    p.vatNumber ? el('ram:SpecifiedTaxRegistration', {}, [el('ram:ID', { schemeID: 'VA' }, p.vatNumber)]) : null
  ])
}

function lineItem(l: InvoiceLine, category: 'E' | 'S'): XmlNode {
  return el('ram:IncludedSupplyChainTradeLineItem', {}, [
    el('ram:AssociatedDocumentLineDocument', {}, [el('ram:LineID', {}, String(l.position))]),
    el('ram:SpecifiedTradeProduct', {}, [el('ram:Name', {}, l.label)]),
    el('ram:SpecifiedLineTradeAgreement', {}, [el('ram:NetPriceProductTradePrice', {}, [el('ram:ChargeAmount', {}, ciiAmount(l.unitPriceCents))])]),
    el('ram:SpecifiedLineTradeDelivery', {}, [el('ram:BilledQuantity', { unitCode: l.unit }, ciiQuantity(l.quantityHundredths))]),
    el('ram:SpecifiedLineTradeSettlement', {}, [
      el('ram:ApplicableTradeTax', {}, [el('ram:TypeCode', {}, 'VAT'), el('ram:CategoryCode', {}, category), el('ram:RateApplicablePercent', {}, ciiAmount(l.vatRatePercent * 100))]),
      el('ram:SpecifiedTradeSettlementLineMonetarySummation', {}, [el('ram:LineTotalAmount', {}, ciiAmount(l.netCents))])
    ])
  ])
}

function tax(b: VatBreakdown): XmlNode {
  return el('ram:ApplicableTradeTax', {}, [
    el('ram:CalculatedAmount', {}, ciiAmount(b.vatCents)),
    el('ram:TypeCode', {}, 'VAT'),
    textEl('ram:ExemptionReason', b.exemptionReason),
    el('ram:BasisAmount', {}, ciiAmount(b.taxableCents)),
    el('ram:CategoryCode', {}, b.category),
    el('ram:RateApplicablePercent', {}, ciiAmount(b.ratePercent * 100))
  ])
}

export function buildCiiXml(d: InvoiceDocument): string {
  const rate = new Map(d.amounts.breakdown.map((b) => [b.ratePercent, b.category]))
  const t = d.amounts.totals
  const root = el('rsm:CrossIndustryInvoice', NS, [
    el('rsm:ExchangedDocumentContext', {}, [
      el('ram:BusinessProcessSpecifiedDocumentContextParameter', {}, [id(CHORUS_BUSINESS_PROCESS)]),
      el('ram:GuidelineSpecifiedDocumentContextParameter', {}, [id(FACTURX_GUIDELINE)])
    ]),
    el('rsm:ExchangedDocument', {}, [
      id(d.number),
      el('ram:TypeCode', {}, INVOICE_TYPE_CODES[d.kind]),
      udtDate('ram:IssueDateTime', d.issueDate),
      ...d.notes.map((n) => el('ram:IncludedNote', {}, [el('ram:Content', {}, n.text), el('ram:SubjectCode', {}, n.subject)]))
    ]),
    el('rsm:SupplyChainTradeTransaction', {}, [
      ...d.amounts.lines.map((l) => lineItem(l, rate.get(l.vatRatePercent) ?? 'S')),
      el('ram:ApplicableHeaderTradeAgreement', {}, [
        textEl('ram:BuyerReference', d.serviceCode),
        party('ram:SellerTradeParty', d.seller),
        party('ram:BuyerTradeParty', d.buyer),
        d.engagement ? el('ram:BuyerOrderReferencedDocument', {}, [el('ram:IssuerAssignedID', {}, d.engagement)]) : null,
        d.contractReference ? el('ram:ContractReferencedDocument', {}, [el('ram:IssuerAssignedID', {}, d.contractReference)]) : null
      ]),
      el('ram:ApplicableHeaderTradeDelivery', {}, []),
      el('ram:ApplicableHeaderTradeSettlement', {}, [
        el('ram:PaymentReference', {}, d.number),
        el('ram:InvoiceCurrencyCode', {}, 'EUR'),
        d.seller.iban
          ? el('ram:SpecifiedTradeSettlementPaymentMeans', {}, [
              el('ram:TypeCode', {}, '30'),
              el('ram:PayeePartyCreditorFinancialAccount', {}, [el('ram:IBANID', {}, d.seller.iban.replace(/\s+/g, ''))])
            ])
          : null,
        ...d.amounts.breakdown.map(tax),
        d.period ? el('ram:BillingSpecifiedPeriod', {}, [udtDate('ram:StartDateTime', d.period.from), udtDate('ram:EndDateTime', d.period.to)]) : null,
        groupEl('ram:SpecifiedTradePaymentTerms', [
          textEl('ram:Description', d.notes.find((n) => n.subject === 'AAB')?.text),
          d.dueDate ? udtDate('ram:DueDateDateTime', d.dueDate) : null
        ]),
        el('ram:SpecifiedTradeSettlementHeaderMonetarySummation', {}, [
          el('ram:LineTotalAmount', {}, ciiAmount(t.lineTotalCents)),
          el('ram:TaxBasisTotalAmount', {}, ciiAmount(t.taxBasisCents)),
          el('ram:TaxTotalAmount', { currencyID: 'EUR' }, ciiAmount(t.vatCents)),
          el('ram:GrandTotalAmount', {}, ciiAmount(t.grandTotalCents)),
          el('ram:TotalPrepaidAmount', {}, ciiAmount(t.prepaidCents)),
          el('ram:DuePayableAmount', {}, ciiAmount(t.dueCents))
        ]),
        d.preceding
          ? el('ram:InvoiceReferencedDocument', {}, [
              el('ram:IssuerAssignedID', {}, d.preceding.number),
              el('ram:FormattedIssueDateTime', {}, [el('qdt:DateTimeString', { format: '102' }, date102(d.preceding.issueDate))])
            ])
          : null
      ])
    ])
  ])
  return serialiseXml(root)
}
